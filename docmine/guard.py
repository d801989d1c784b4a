"""One per-file guard for every command: each file is worked on in a worker process forked from the
caller, with a time limit and a memory limit, and whatever happens to it (an exception, a crash
in a native library, an out-of-memory kill, a hang) comes back as one line of error.

:func:`run` keeps ``workers`` worker processes busy over many items (``docmine mine``, ``extract``
and ``check``); :func:`call` guards one item (``docmine text`` and ``blocks``, each task of the Dask
engine). A worker is forked from the warm caller, so it starts with the parsers and models loaded;
it takes items one at a time, and is replaced after an item that timed out, crashed it or ran out
of memory, and after :data:`ITEMS_PER_WORKER` items, so memory does not creep.

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
import struct
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


ITEMS_PER_WORKER = 100
_LEN = struct.Struct("<Q")


def _read_exact(fd: int, n: int) -> bytes | None:
    buf = bytearray()
    while len(buf) < n:
        chunk = os.read(fd, n - len(buf))
        if not chunk:
            return None
        buf += chunk
    return bytes(buf)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _serve(fn: Callable, limits: Limits, rfd: int, wfd: int) -> None:
    """The worker: limits once, then items from ``rfd`` until it is closed, each answered on ``wfd``
    with a pickled ``(ok, value or error line)``. Never returns."""
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
        while (head := _read_exact(rfd, _LEN.size)) is not None:
            item = pickle.loads(_read_exact(rfd, _LEN.unpack(head)[0]) or b"")
            spent = False
            try:
                payload = pickle.dumps((True, fn(item)), protocol=pickle.HIGHEST_PROTOCOL)
            except MemoryError:
                payload = pickle.dumps(
                    (False, f"out of memory (over the limit of {limits.memory >> 20} MiB)")
                )
                spent = True  # a worker that ran out of memory is not trusted with the next item
            except BaseException as e:  # noqa: BLE001 - everything becomes the item's error line
                payload = pickle.dumps((False, one_line(e)))
            _write_all(wfd, _LEN.pack(len(payload)) + payload)
            if spent:
                break
    except BaseException:  # noqa: BLE001 - nothing may escape a forked worker
        status = 1
    finally:
        os._exit(status)


def _die_with_parent() -> None:
    """Linux: the worker is killed when the process that forked it dies (a kill -9 of the run)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


@dataclass
class _Worker:
    pid: int
    to_worker: int
    from_worker: int
    served: int = 0
    job: tuple[int, Any] | None = None  # (index, item) in flight
    deadline: float = float("inf")
    data: bytearray = field(default_factory=bytearray)

    @classmethod
    def fork(cls, fn: Callable, limits: Limits, others: list[_Worker]) -> _Worker:
        r1, w1 = os.pipe()  # items to the worker
        r2, w2 = os.pipe()  # answers from it
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the worker never returns
            for fd in [w1, r2, *(fd for o in others for fd in (o.to_worker, o.from_worker))]:
                try:
                    os.close(fd)  # another worker's pipes held here would hide its end from the caller
                except OSError:
                    pass
            _serve(fn, limits, r1, w2)
        os.close(r1)
        os.close(w2)
        os.set_blocking(r2, False)
        return cls(pid, w1, r2)

    def send(self, index: int, item: Any, limits: Limits) -> str | None:
        """Hand the worker an item; the item's error when it cannot be sent."""
        try:
            data = pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as e:  # noqa: BLE001
            return f"cannot hand the item to a worker ({one_line(e)})"
        self.job, self.served = (index, item), self.served + 1
        self.deadline = time.monotonic() + limits.seconds if limits.seconds else float("inf")
        try:
            _write_all(self.to_worker, _LEN.pack(len(data)) + data)  # small: a path or a task
        except OSError:  # the worker is gone: its closed pipe shows it, and the job is its error
            pass
        return None

    def answer(self) -> tuple[bool, Any] | None:
        """The answer to the job, once all of it has arrived."""
        if len(self.data) < _LEN.size:
            return None
        n = _LEN.unpack_from(self.data)[0]
        if len(self.data) < _LEN.size + n:
            return None
        out = pickle.loads(bytes(self.data[_LEN.size : _LEN.size + n]))
        del self.data[: _LEN.size + n]
        return out

    def stop(self) -> int:
        """Kill the worker with its process group (a tesseract it started too); its wait status
        (a worker that already died keeps the status it died with)."""
        for fd in (self.to_worker, self.from_worker):
            try:
                os.close(fd)
            except OSError:
                pass
        for kill in (os.killpg, os.kill):
            try:
                kill(self.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        return os.waitpid(self.pid, 0)[1]


def _death(status: int) -> str:
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        name = signal.Signals(sig).name if sig in signal.Signals._value2member_map_ else str(sig)
        why = "killed, likely for using too much memory" if sig == signal.SIGKILL else "crashed"
        return f"worker {why} ({name})"
    return f"worker ended without a result (exit code {os.WEXITSTATUS(status)})"


def run(
    fn: Callable[[Any], Any],
    items: Iterable[Any],
    limits: Limits | None = None,
    workers: int = 1,
    ordered: bool = False,
) -> Iterator[tuple[Any, Any, str | None]]:
    """``fn(item)`` for every item in worker processes, at most ``workers`` at a time; yields
    ``(item, value, None)`` or ``(item, None, error)`` as they finish (in input order with
    ``ordered``). Items are drawn from ``items`` lazily, so it may be a generator; they are pickled
    to the workers (``fn`` is not: the workers are forked). Without ``os.fork`` (Windows) items run in
    this process with no limits.

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
    pool: list[_Worker] = []
    done: dict[int, tuple[Any, Any, str | None]] = {}
    next_index = next_out = 0
    exhausted = False

    def retire(w: _Worker) -> int:
        sel.unregister(w.from_worker)
        pool.remove(w)
        return w.stop()

    try:
        while True:
            while not exhausted and sum(w.job is not None for w in pool) < max(1, workers):
                try:
                    item = next(it)
                except StopIteration:
                    exhausted = True
                    break
                idle = next((w for w in pool if w.job is None), None)
                if idle is None:
                    idle = _Worker.fork(fn, limits, pool)
                    pool.append(idle)
                    sel.register(idle.from_worker, selectors.EVENT_READ, idle)
                if err := idle.send(next_index, item, limits):
                    done[next_index] = (item, None, err)
                    idle.job = None
                next_index += 1
            busy = [w for w in pool if w.job is not None]
            if not busy and exhausted and not done:
                break
            wait = min((w.deadline for w in busy), default=time.monotonic()) - time.monotonic()
            for key, _ in sel.select(timeout=max(0.0, min(wait, 3600))) if busy else []:
                w: _Worker = key.data
                eof = False
                while True:
                    try:
                        chunk = os.read(w.from_worker, 1 << 20)
                    except BlockingIOError:
                        break
                    if not chunk:
                        eof = True
                        break
                    w.data += chunk
                ans = w.answer() if w.job is not None else None
                if ans is not None and w.job is not None:
                    (index, item), w.job = w.job, None
                    ok, value = ans
                    done[index] = (item, value, None) if ok else (item, None, str(value))
                    if (
                        eof
                        or w.served >= ITEMS_PER_WORKER
                        or (not ok and str(value).startswith("out of memory"))
                    ):
                        retire(w)  # spent: the next item gets a fresh worker
                elif eof:
                    status = retire(w)
                    if w.job is not None:
                        index, item = w.job
                        done[index] = (item, None, _death(status))
            now = time.monotonic()
            for w in [w for w in pool if w.job is not None and now >= w.deadline]:
                index, item = w.job  # type: ignore[misc]
                retire(w)
                done[index] = (item, None, f"timed out after {limits.seconds:g} s")
            if ordered:
                while next_out in done:
                    yield done.pop(next_out)
                    next_out += 1
            else:
                for k in sorted(done):
                    yield done.pop(k)
            if exhausted and not any(w.job is not None for w in pool) and not done:
                break
    finally:
        for w in list(pool):
            retire(w)
        sel.close()


def call(fn: Callable[[Any], Any], item: Any, limits: Limits | None = None) -> Any:
    """``fn(item)`` in a guarded worker; its error becomes :class:`GuardError`."""
    for _, value, err in run(fn, [item], limits):
        if err is not None:
            raise GuardError(err)
        return value
    raise GuardError("no result")  # pragma: no cover
