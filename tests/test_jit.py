import numba.core.caching as caching

from docmine.jit import jit


def _add(a, b):
    return a + b


def test_compiled_code_is_cached_on_disk_where_a_cache_can_be_written():
    f = jit(_add)
    assert f(2, 3) == 5
    assert isinstance(f._cache, caching.FunctionCache)


def test_with_nowhere_to_write_a_cache_each_process_compiles(monkeypatch):
    monkeypatch.setattr(caching.CacheImpl, "_locator_classes", [])  # a read-only install and home
    f = jit(_add)
    assert f(2, 3) == 5
    assert isinstance(f._cache, caching.NullCache)
