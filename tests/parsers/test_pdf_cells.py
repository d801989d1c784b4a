from hypothesis import given, settings
from hypothesis import strategies as st
from pdfplumber.table import edges_to_intersections, intersections_to_cells

from docmine.parsers.pdf import _cells

# ruling lines on a small grid, some short, some missing: cells of every shape, merged and open
at = st.integers(0, 6).map(float)
vertical = st.tuples(at, at, at).map(lambda t: {"x0": t[0], "x1": t[0], "top": min(t[1:]), "bottom": max(t[1:]),
                                                "orientation": "v"})  # fmt: skip
horizontal = st.tuples(at, at, at).map(lambda t: {"x0": min(t[1:]), "x1": max(t[1:]), "top": t[0], "bottom": t[0],
                                                  "orientation": "h"})  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(vertical, max_size=12), st.lists(horizontal, max_size=12), st.sampled_from([0, 1]))
def test_cells_match_pdfplumber(v, h, tolerance):
    crossings = edges_to_intersections(v + h, tolerance, tolerance)
    assert _cells(crossings) == intersections_to_cells(crossings)
