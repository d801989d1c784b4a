"""The per-file guard: whatever happens to one item comes back as its one error line, the rest go on."""

from __future__ import annotations

import ctypes
import os
import signal
import time

import pytest

from docmine.guard import GuardError, Limits, call, run


def work(x: str):
    if x == "segfault":
        ctypes.string_at(0)  # a crash in native code
    if x == "oom-kill":
        os.kill(os.getpid(), signal.SIGKILL)  # what the kernel's OOM killer does
    if x == "hang":
        time.sleep(600)
    if x == "memory":
        return len(bytearray(1 << 31))  # 2 GiB, over the limit below
    if x == "exit":
        raise SystemExit(3)
    if x == "unpicklable":
        return lambda: None
    if x == "bug":
        raise ValueError("bad cell\nat row 3")
    return x.upper()


def test_every_item_gets_a_value_or_one_line_and_the_others_go_on():
    items = ["a", "segfault", "oom-kill", "hang", "memory", "exit", "unpicklable", "bug", "b"]
    got = list(run(work, items, Limits(seconds=3, memory=1 << 30), workers=3, ordered=True))
    assert [i for i, _, _ in got] == items
    out = {i: (v, e) for i, v, e in got}
    assert out["a"] == ("A", None) and out["b"] == ("B", None)
    assert out["segfault"][1] == "worker crashed (SIGSEGV)"
    assert out["oom-kill"][1] == "worker killed, likely for using too much memory (SIGKILL)"
    assert out["hang"][1] == "timed out after 3 s"
    assert out["memory"][1] == "out of memory (over the limit of 1024 MiB)"
    assert out["exit"][1] == "SystemExit: 3"
    assert out["unpicklable"][1].startswith("AttributeError: Can't pickle")
    assert out["bug"][1] == "ValueError: bad cell"
    assert all(e is None or "\n" not in e for _, _, e in got)


def test_call_raises_the_items_error():
    assert call(work, "x", Limits(seconds=10)) == "X"
    with pytest.raises(GuardError, match="worker crashed"):
        call(work, "segfault", Limits(seconds=10))


def test_a_large_result_comes_back_whole():
    assert len(call(lambda n: "x" * n, 20_000_000, Limits(seconds=60))) == 20_000_000


def test_children_are_killed_when_the_caller_stops_early():
    before = set(_children())
    it = run(work, ["a", "hang", "hang"], Limits(seconds=600), workers=3)
    assert next(it) == ("a", "A", None)
    assert len(set(_children()) - before) >= 2  # the two hanging children, still running
    it.close()
    assert set(_children()) - before == set()


def _children() -> list[int]:
    import psutil

    return [c.pid for c in psutil.Process().children(recursive=True) if c.status() != psutil.STATUS_ZOMBIE]


def test_a_worker_serves_many_items_and_is_replaced_after_a_failure_or_its_quota(monkeypatch):
    import docmine.guard

    monkeypatch.setattr(docmine.guard, "ITEMS_PER_WORKER", 3)

    def pid_of(x):
        if x == "segfault":
            ctypes.string_at(0)
        return os.getpid()

    items = ["a", "b", "c", "d", "segfault", "e", "f"]
    got = list(run(pid_of, items, Limits(seconds=30), workers=1, ordered=True))
    pids = [v for _, v, _ in got]
    assert pids[0] == pids[1] == pids[2] != pids[3]  # three items, then a fresh worker
    assert got[4][2] == "worker crashed (SIGSEGV)"
    assert pids[5] == pids[6] and pids[5] not in (pids[0], pids[3])  # the crash cost only its worker
    assert os.getpid() not in pids
