"""How a build shows its progress: a bar on a terminal (click's progress bar: files done of
total, documents, statistics, elapsed and remaining time), a plain line every few seconds
when the output is a log or CI."""
from __future__ import annotations

import sys
import time

import click

from .build import Progress

PLAIN_EVERY = 5.0  # seconds between lines when the output is not a terminal


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "?"
    seconds = int(round(seconds))
    return f"{seconds // 60}m{seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s"


def describe(p: Progress) -> str:
    return (f"{p.done:,}/{p.total:,} files, {p.documents:,} documents, {p.statistics:,} statistics, "
            f"{_duration(p.elapsed)} elapsed, about {_duration(p.remaining)} left")


class BuildProgress:
    """A `progress` callback for claims.build.build that writes to `stream`."""

    def __init__(self, stream=None, every: float | None = None):
        self.stream = stream or sys.stderr
        self.terminal = bool(getattr(self.stream, "isatty", lambda: False)())
        self.every = PLAIN_EVERY if every is None else every
        self.bar = None
        self.last = None
        self.latest: Progress | None = None

    def __call__(self, p: Progress) -> None:
        self.latest = p
        if self.terminal:
            if self.bar is None:
                self.bar = click.progressbar(length=p.total, label="build", file=self.stream, show_eta=True,
                                             show_pos=True, item_show_func=self._item)
                self.bar.__enter__()
            self.bar.update(1)
            if p.done == p.total:
                self.close()
            return
        now = time.monotonic()
        if self.last is None or now - self.last >= self.every or p.done == p.total:
            self.last = now
            click.echo(f"build: {describe(p)}", file=self.stream)

    def _item(self, _item) -> str | None:
        p = self.latest
        return f"{p.documents:,} documents, {p.statistics:,} statistics" if p else None

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None
