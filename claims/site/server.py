"""`claims serve` started in the background on a free port, for the browser tests and the
benchmark: yields the base URL once the site answers, stops the server afterwards."""
from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(db_path: Path, timeout: float = 300):
    port = free_port()
    # the server's output goes to a file, not a pipe nobody reads: a full pipe would stop the
    # server at its next log line
    log = tempfile.TemporaryFile()
    proc = subprocess.Popen([sys.executable, "-m", "claims.cli", "serve", "--db", str(db_path),
                             "--port", str(port)], cwd=PROJECT_ROOT, stdout=log,
                            stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                urllib.request.urlopen(base + "/robots.txt", timeout=5)
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    proc.kill()
                    proc.wait()
                    log.seek(0)
                    output = log.read().decode(errors="replace")
                    raise RuntimeError(f"claims serve did not start:\n{output}") from None
                time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
