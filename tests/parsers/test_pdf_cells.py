from hypothesis import given, settings
from hypothesis import strategies as st
from pdfplumber.table import edges_to_intersections, intersections_to_cells

from docmine.parsers.pdf import _cells, _crossings, _tables_of

KEYS = ("x0", "x1", "top", "bottom", "width", "height", "orientation")


def as_list(e: dict) -> list:
    """A pdfplumber edge (a dict) as the parser's list; a size it lacks is 0."""
    return [e.get(k, 0) for k in KEYS]

# ruling lines on a small grid, some short, some missing: cells of every shape, merged and open
at = st.integers(0, 6).map(float)
vertical = st.tuples(at, at, at).map(lambda t: {"x0": t[0], "x1": t[0], "top": min(t[1:]), "bottom": max(t[1:]),
                                                "orientation": "v"})  # fmt: skip
horizontal = st.tuples(at, at, at).map(lambda t: {"x0": min(t[1:]), "x1": max(t[1:]), "top": t[0], "bottom": t[0],
                                                  "orientation": "h"})  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(vertical, max_size=12), st.lists(horizontal, max_size=12), st.sampled_from([0, 1, 3]))
def test_crossings_cells_and_tables_match_pdfplumber(v, h, tolerance):
    from types import SimpleNamespace

    from pdfplumber.table import cells_to_tables

    crossings = edges_to_intersections(v + h, tolerance, tolerance)
    s = SimpleNamespace(intersection_x_tolerance=tolerance, intersection_y_tolerance=tolerance)
    lists = {id(e): as_list(e) for e in v + h}
    ours = _crossings([lists[id(e)] for e in v + h], s)
    assert list(ours) == list(crossings)
    assert all([list(map(id, c[k])) for k in "vh"] == [[id(lists[id(e)]) for e in crossings[p][k]] for k in "vh"]
               for p, c in ours.items())  # fmt: skip
    cells = _cells(ours)
    assert cells == intersections_to_cells(crossings)
    assert _tables_of(cells) == cells_to_tables(cells)
    assert _tables_of(cells[::-1]) == cells_to_tables(cells[::-1])


def _edge(o: str, at: float, a: float, b: float) -> dict:
    lo, hi = (a, b) if a == a and b == b and a <= b else (b, a)  # as _rules makes them; NaN stays
    if o == "v":
        return {"x0": at, "x1": at, "top": lo, "bottom": hi, "width": 0, "height": hi - lo, "orientation": "v"}
    return {"x0": lo, "x1": hi, "top": at, "bottom": at, "width": abs(hi - lo), "height": 0, "orientation": "h"}


# positions in quarter points with a little noise: clusters within the snap tolerance, chains of them,
# edges that touch, overlap or fall just short; a NaN only where _rules can leave one (along the edge)
pos = st.builds(lambda q, noise: q / 4 + noise, st.integers(0, 80),
                st.one_of(st.sampled_from([0.0, 0.1, 1 / 3]), st.floats(0, 0.25)))  # fmt: skip
along = st.one_of(pos, st.just(float("nan")))
edge = st.builds(_edge, st.sampled_from("vh"), pos, along, along)


@settings(max_examples=300, deadline=None)
@given(st.lists(edge, max_size=25))
def test_edges_merge_as_pdfplumber_merges_them(edges):
    from pdfplumber.table import TableSettings, merge_edges

    from docmine.parsers.pdf import _merge_edges

    s = TableSettings.resolve({"vertical_strategy": "explicit", "horizontal_strategy": "explicit"})

    def merged(merge) -> list[tuple] | str:
        try:
            return [tuple(map(repr, e)) if isinstance(e, list) else tuple(repr(e[k]) for k in KEYS) for e in merge()]
        except AssertionError:  # pdfplumber's check that a joined edge does not turn over
            return "AssertionError"

    tolerances = (s.snap_x_tolerance, s.snap_y_tolerance, s.join_x_tolerance, s.join_y_tolerance)
    ours = [as_list(e) for e in edges]
    before = [list(e) for e in ours]
    assert merged(lambda: _merge_edges(ours, s)) == merged(lambda: merge_edges(edges, *tolerances))
    assert repr(ours) == repr(before)  # the edges given are left as they were


def test_a_joined_edge_grows_by_what_its_end_moves_as_in_pdfplumber():
    from pdfplumber.table import TableSettings, merge_edges

    from docmine.parsers.pdf import _merge_edges

    s = TableSettings.resolve({"vertical_strategy": "explicit", "horizontal_strategy": "explicit"})
    edges = [_edge("v", 5.0, 0.0, 0.2), _edge("v", 5.0, 0.1, 0.9)]  # 0.2 + 0.7 is not 0.9 in floating point
    ours, theirs = _merge_edges([as_list(e) for e in edges], s), merge_edges(edges, 3, 3, 3, 3)
    assert [e[5] for e in ours] == [e["height"] for e in theirs] == [0.2 + (0.9 - 0.2)]


def test_tables_ordered_top_first_then_left_as_in_pdfplumber():
    from pdfplumber.table import cells_to_tables

    right_high = [(50.0, 0.0, 60.0, 10.0), (60.0, 0.0, 70.0, 10.0)]
    left_low = [(0.0, 20.0, 10.0, 30.0), (10.0, 20.0, 20.0, 30.0)]
    cells = left_low + right_high
    assert _tables_of(cells) == cells_to_tables(cells) == [right_high, left_low]
