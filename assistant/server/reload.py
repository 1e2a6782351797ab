"""Live index swap: the server keeps answering from its loaded index until ``index/CURRENT``
names a new, complete and valid build, then swaps to it in one assignment.

Three triggers, all ending in ``Reloader.check()``:

* a background task polls CURRENT every ``reload_poll_seconds`` (works with any number of
  workers, on any machine that sees the index folder);
* SIGHUP to a server process (``kill -HUP <pid>``);
* ``assistant reload``, which checks the new build and then asks the server over loopback.

A build that cannot be loaded (corrupt, incomplete, built with another model or format) is
refused with one clear log line, and the server keeps the index it has.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import threading
from dataclasses import dataclass
from pathlib import Path

from assistant.index import store as index_mod

log = logging.getLogger("assistant.server.reload")


@dataclass
class Outcome:
    status: str  # unchanged | reloaded | refused
    build: str  # the build now serving
    detail: str = ""


def named_build(root: Path) -> str | None:
    """The build CURRENT names now, or None when it cannot be read."""
    try:
        return (Path(root) / "CURRENT").read_text(encoding="utf-8").strip() or None
    except (OSError, ValueError):  # missing, or not UTF-8 text: nothing to load
        return None


class Reloader:
    """Swaps ``assistant.index.store`` when CURRENT changes; answers in flight keep the index they took."""

    def __init__(self, assistant, root: Path, prepare=None):
        self.assistant = assistant
        self.root = Path(root)
        self.prepare = prepare  # builds what a new index derives, before it serves (quotes.prepare)
        self.refused: str | None = None  # the last build refused, not retried until CURRENT changes
        self._lock = threading.Lock()

    def check(self, force: bool = False) -> Outcome:
        """Load the build CURRENT names if it is not the one serving (``force``: retry a refused one)."""
        with self._lock:
            serving = self.assistant.index
            name = named_build(self.root)
            if name is None or name == serving.build or (name == self.refused and not force):
                status = "refused" if name and name == self.refused else "unchanged"
                return Outcome(status, serving.build)
            try:
                new = index_mod.load(
                    self.root, serving.manifest.get("model"), int(serving.manifest.get("dimensions", 0))
                )
            except index_mod.IndexProblem as exc:
                self.refused = name
                log.error("Refused the new index build %s: %s Still serving %s.", name, exc, serving.build)
                return Outcome("refused", serving.build, str(exc))
            except Exception as exc:  # noqa: BLE001 - an unreadable build must never stop the server
                self.refused = name
                log.error(
                    "Refused the new index build %s (%s). Still serving %s.", name, type(exc).__name__, serving.build
                )
                return Outcome("refused", serving.build, type(exc).__name__)
            self.warm(new)  # built here, once, not by the first requests after the swap
            self.assistant.index = new  # one reference: each answer reads it once
            self.refused = None
            log.info("Now serving index build %s (was %s): %d passages.", new.build, serving.build, len(new.passages))
            return Outcome("reloaded", new.build)

    def warm(self, index) -> None:
        """Build what ``index`` derives (the finder's tables) now; a failure is one log line,
        and they are then built on first use."""
        if self.prepare is None:
            return
        try:
            self.prepare(index)
        except Exception as exc:  # noqa: BLE001 - never stops a reload or the server's start
            log.error("Could not prepare build %s ahead (%s).", index.build, type(exc).__name__)

    async def acheck(self, force: bool = False) -> Outcome:
        return await asyncio.to_thread(self.check, force)

    async def watch(self, interval: float) -> None:
        """Poll CURRENT until cancelled."""
        while True:
            await asyncio.sleep(interval)
            try:
                await self.acheck()
            except Exception as exc:  # noqa: BLE001 - keep watching whatever happens
                log.error("Index watch failed once (%s); still serving.", type(exc).__name__)


async def _quietly(reloader: Reloader) -> None:
    """A reload from SIGHUP: any failure is one log line (type only), never an unhandled task."""
    try:
        await reloader.acheck(force=True)
    except Exception as exc:  # noqa: BLE001
        log.error("Reload on SIGHUP failed (%s); still serving.", type(exc).__name__)


def install_sighup(reloader: Reloader) -> bool:
    """SIGHUP reloads (and retries a refused build); only possible in the main thread's loop."""
    try:
        loop = asyncio.get_running_loop()
        loop.add_signal_handler(signal.SIGHUP, lambda: asyncio.ensure_future(_quietly(reloader)))
        return True
    except (RuntimeError, ValueError, NotImplementedError, AttributeError):
        return False


def remove_sighup() -> None:
    try:
        asyncio.get_running_loop().remove_signal_handler(signal.SIGHUP)
    except (RuntimeError, ValueError, NotImplementedError, AttributeError):
        pass
