"""One per-file guard for every command: each file is worked on in a forked child process with a
time limit, a memory limit and an input-size limit, and whatever happens to it (an exception, a
crash in a native library, an out-of-memory kill, a hang) comes back as one line of error.

:func:`run` keeps up to ``workers`` children going over many items (``docmine mine``), :func:`call`
guards one item (``docmine text`` and ``blocks``, and each task of the Dask engine). A child is
forked from the warm caller, so it starts with the parsers and models already loaded, and its
memory goes back to the system when it ends.

>>> call(len, "abc", Limits(seconds=10))
3
>>> call(int, "x", Limits(seconds=10))
Traceback (most recent call last):
...
docmine.guard.GuardError: ValueError: invalid literal for int() with base 10: 'x'
"""

from __future__ import annotations

import faulthandler
import os
import pickle
import selectors
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from docmine.model import ParseError


def _env(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, default))
    except ValueError:
        return default


@dataclass(frozen=True)
class Limits:
    """Per file: seconds before it is given up and memory (bytes of address space the file's work may
    add to the worker it is forked from). 0 turns a limit off. Input sizes are the parsers' limits
    (:func:`docmine.parsers.inspect`), checked before a file is given a worker.

    >>> Limits(seconds=5).seconds, Limits().memory // 1024**2
    (5, 3072)
    """

    seconds: float = field(default_factory=lambda: _env("DOCMINE_TIMEOUT", 300))
    memory: int = field(default_factory=lambda: int(_env("DOCMINE_MAX_MEMORY", 3 * 1024**3)))


class GuardError(Exception):
    """The one-line reason a guarded item gave no result."""


def one_line(e: BaseException) -> str:
    """``Type: first line of the message`` for an exception; a ParseError's message is already clear.

    >>> one_line(ValueError("bad\\nworse")), one_line(ParseError("empty file"))
    ('ValueError: bad', 'empty file')
    """
    msg = str(e).strip().splitlines()
    if isinstance(e, ParseError) and msg:
        return msg[0]
    return f"{type(e).__name__}: {msg[0]}" if msg else type(e).__name__


@dataclass
class _Child:
    pid: int
    fd: int
    index: int
    item: Any
    deadline: float
    data: bytearray = field(default_factory=bytearray)
    timed_out: bool = False


def _child(fn: Callable, item: Any, limits: Limits, fd: int) -> None:
    """Run in the forked child: limits, then the work, then the pickled outcome on ``fd``."""
    status = 0
    try:
        os.setpgid(0, 0)  # its own group, so that a kill reaches tesseract or antiword too
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        faulthandler.disable()  # a crash is reported as the item's error line, not as a dump on stderr
        _die_with_parent()
        if limits.memory:
            import resource

            import psutil

            cap = psutil.Process().memory_info().vms + limits.memory
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        try:
            out: tuple[bool, Any] = (True, fn(item))
            payload = pickle.dumps(out, protocol=pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            payload = pickle.dumps((False, f"out of memory (over the limit of {limits.memory >> 20} MiB)"))
        except BaseException as e:  # noqa: BLE001 - everything becomes the item's error line
            payload = pickle.dumps((False, one_line(e)))
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view) :]
    except BaseException:  # noqa: BLE001 - nothing may escape a forked child
        status = 1
    finally:
        os._exit(status)


def _die_with_parent() -> None:
    """Linux: the child is killed when the process that forked it dies (a kill -9 of the run)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _spawn(fn: Callable, item: Any, index: int, limits: Limits) -> _Child:
    r, w = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        os.close(r)
        _child(fn, item, limits, w)
    os.close(w)
    os.set_blocking(r, False)
    deadline = time.monotonic() + limits.seconds if limits.seconds else float("inf")
    return _Child(pid, r, index, item, deadline)


def _kill(c: _Child) -> None:
    for target in (lambda: os.killpg(c.pid, signal.SIGKILL), lambda: os.kill(c.pid, signal.SIGKILL)):
        try:
            target()
        except (ProcessLookupError, PermissionError):
            pass


def _finish(c: _Child, limits: Limits) -> tuple[Any, str | None]:
    """Reap a child whose pipe is closed (or that was killed): its value or its error line."""
    os.close(c.fd)
    _, status = os.waitpid(c.pid, 0)
    try:
        os.killpg(c.pid, signal.SIGKILL)  # grandchildren left behind (a tesseract still running)
    except (ProcessLookupError, PermissionError):
        pass
    if c.timed_out:
        return None, f"timed out after {limits.seconds:g} s"
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        name = signal.Signals(sig).name if sig in signal.Signals._value2member_map_ else str(sig)
        why = "killed, likely for using too much memory" if sig == signal.SIGKILL else "crashed"
        return None, f"worker {why} ({name})"
    if not c.data:
        return None, f"worker ended without a result (exit code {os.WEXITSTATUS(status)})"
    try:
        ok, value = pickle.loads(bytes(c.data))
    except Exception as e:  # noqa: BLE001
        return None, f"worker sent an unreadable result ({one_line(e)})"
    return (value, None) if ok else (None, str(value))


def run(
    fn: Callable[[Any], Any],
    items: Iterable[Any],
    limits: Limits | None = None,
    workers: int = 1,
    ordered: bool = False,
) -> Iterator[tuple[Any, Any, str | None]]:
    """``fn(item)`` for every item, each in its own forked child, at most ``workers`` at a time;
    yields ``(item, value, None)`` or ``(item, None, error)`` as they finish (in input order with
    ``ordered``). Items are drawn from ``items`` lazily, so it may be a generator.
    Without ``os.fork`` (Windows) items run in this process with no limits.

    >>> [(i, v, e) for i, v, e in run(abs, [-2, "x"], Limits(seconds=10), ordered=True)]
    [(-2, 2, None), ('x', None, "TypeError: bad operand type for abs(): 'str'")]
    """
    limits = limits or Limits()
    if not hasattr(os, "fork"):  # pragma: no cover - no fork, no guard
        for item in items:
            try:
                yield item, fn(item), None
            except Exception as e:  # noqa: BLE001
                yield item, None, one_line(e)
        return
    it = iter(items)
    sel = selectors.DefaultSelector()
    running: dict[int, _Child] = {}
    done: dict[int, tuple[Any, Any, str | None]] = {}
    next_index = next_out = 0
    exhausted = False
    try:
        while True:
            while not exhausted and len(running) < max(1, workers):
                try:
                    item = next(it)
                except StopIteration:
                    exhausted = True
                    break
                c = _spawn(fn, item, next_index, limits)
                next_index += 1
                running[c.fd] = c
                sel.register(c.fd, selectors.EVENT_READ)
            if not running:
                break
            wait = min(c.deadline for c in running.values()) - time.monotonic()
            finished: list[_Child] = []
            for key, _ in sel.select(timeout=max(0.0, min(wait, 3600))):
                c = running[key.fd]
                while True:
                    try:
                        chunk = os.read(c.fd, 1 << 20)
                    except BlockingIOError:
                        break
                    if not chunk:
                        finished.append(c)
                        break
                    c.data += chunk
            now = time.monotonic()
            for c in running.values():
                if c not in finished and now >= c.deadline:
                    c.timed_out = True
                    _kill(c)
                    finished.append(c)
            for c in finished:
                sel.unregister(c.fd)
                del running[c.fd]
                value, err = _finish(c, limits)
                done[c.index] = (c.item, value, err)
            if ordered:
                while next_out in done:
                    yield done.pop(next_out)
                    next_out += 1
            else:
                for k in sorted(done):
                    yield done.pop(k)
    finally:
        for c in running.values():
            _kill(c)
            os.close(c.fd)
            os.waitpid(c.pid, 0)
        sel.close()


def call(fn: Callable[[Any], Any], item: Any, limits: Limits | None = None) -> Any:
    """``fn(item)`` in a guarded child; its error becomes :class:`GuardError`."""
    for _, value, err in run(fn, [item], limits):
        if err is not None:
            raise GuardError(err)
        return value
    raise GuardError("no result")  # pragma: no cover
