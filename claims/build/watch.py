"""`claims build --watch`: rebuild whenever the corpus changes, with the spaCy pipeline loaded
once. A one-file rebuild then costs what the file changed (claims/build/build.py reads only its new
or changed documents and re-clusters only the facts they touch); starting Python and loading
spaCy, which a fresh `claims build` pays every time, is paid once. A running `claims serve`
sees each rebuild whole when it commits."""
from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Callable

from ingest.manifest import MANIFEST_NAME

from .build import BuildError, BuildReport, build, corpus_files


def corpus_state(corpus: Path) -> tuple:
    """What a change to the corpus changes: every file's name, size and modification time,
    the manifest's included. Listing 1,000 files takes about 15 ms."""
    state = []
    for path in [*corpus_files(corpus), corpus / MANIFEST_NAME]:
        try:
            stat = os.stat(path)
        except OSError:
            continue
        state.append((path.relative_to(corpus).as_posix(), stat.st_size, stat.st_mtime_ns))
    return tuple(state)


# how long the watcher waits before trying again after a build that could not run (a one-off
# build holding the lock, a disk full for a moment), doubling each time up to the most
RETRY_SECONDS, MAX_RETRY_SECONDS = 5.0, 60.0


def watch(corpus: Path, db_path: Path, extractor=None, echo: Callable[[str], None] = print, workers: int = 1,
          interval: float = 1.0, stop: threading.Event | None = None,
          built: Callable[[BuildReport], None] | None = None, retry: float = RETRY_SECONDS) -> None:
    """Build now, then again each time the corpus changes, until `stop` is set (or the
    process is interrupted). `built` is called with each build's report. A build that cannot
    run is not the end of watching: it is said, waited out and tried again."""
    if not Path(corpus).is_dir():
        raise FileNotFoundError(f"corpus folder not found: {corpus}")
    if extractor is None:
        from extract import Extractor
        extractor = Extractor()
    stop = stop or threading.Event()
    seen = None
    delay = retry
    while not stop.is_set():
        state = corpus_state(corpus)
        if state != seen:
            # a change made while this build runs is seen on the next pass
            try:
                report = build(corpus, db_path, extractor=extractor, echo=echo, workers=workers)
            except (BuildError, OSError) as err:
                echo(f"waiting: {err}; trying again in {delay:g} s")
                stop.wait(delay)
                delay = min(delay * 2, max(MAX_RETRY_SECONDS, retry))
                continue
            delay = retry
            seen = state
            if built is not None:
                built(report)
        stop.wait(interval)
