import statistics

from hypothesis import given, settings
from hypothesis import strategies as st

from docmine.parsers.layout import SUPERSCRIPT, Glyphs, Word, chars_to_words


def words_one_by_one(g: Glyphs) -> list[Word]:
    """chars_to_words as a loop over the glyphs: the reference its all-at-once reading must match."""
    sized = [s for t, s in zip(g.text, g.size, strict=True) if t != " "]
    if not sized:
        return []
    body = statistics.median(sized)
    small, raised = 0.8 * body, 0.2 * body
    out: list[Word] = []
    parts: list[str] = []
    wx0 = wx1 = wtop = wbot = wsize = 0.0
    for t, x0, x1, top, bottom, size in zip(g.text, g.x0, g.x1, g.top, g.bottom, g.size, strict=True):
        if t == " ":
            if parts:
                out.append(Word("".join(parts), wx0, wx1, wtop, wbot, wsize))
                parts = []
            continue
        if parts:
            if t.isdigit() and size < small and bottom < wbot - raised:
                t = t.translate(SUPERSCRIPT)
            if abs((top + bottom) / 2 - (wtop + wbot) / 2) < 0.6 * (size if size > wsize else wsize) and (
                -0.3 * size <= x0 - wx1 <= 1.0 * (1 if 1 > size else size)
            ):
                parts.append(t)
                wx1 = x1 if x1 > wx1 else wx1
                wtop = top if top < wtop else wtop
                wbot = bottom if bottom > wbot else wbot
                if t[0] not in "⁰¹²³⁴⁵⁶⁷⁸⁹":
                    wsize = size if size > wsize else wsize
                continue
            out.append(Word("".join(parts), wx0, wx1, wtop, wbot, wsize))
        parts = [t]
        wx0, wx1, wtop, wbot, wsize = x0, x1, top, bottom, size
    if parts:
        out.append(Word("".join(parts), wx0, wx1, wtop, wbot, wsize))
    return out


def _key(ws: list[Word]) -> list[tuple]:
    return [(w.text, *(repr(float(v)) for v in (w.x0, w.x1, w.top, w.bottom, w.size))) for w in ws]


# glyphs set one after another, each a small step from the one before (most join it): small integer
# steps make ties, touching boxes and superscripts (a smaller, raised digit) common; a NaN anywhere but
# the right edge keeps a glyph out of the word before it, a NaN right edge does not
nan = st.just(float("nan"))
step = st.one_of(st.integers(-4, 10).map(float), nan)
glyph = st.tuples(st.sampled_from("ab1 2¹."), step, st.one_of(st.integers(0, 8).map(float), nan),
                  st.one_of(st.integers(-3, 3).map(float), st.integers(-40, 40).map(float), nan),
                  st.integers(1, 12).map(float), st.one_of(st.integers(0, 14).map(float), nan))  # fmt: skip


def _glyphs(steps: list[tuple]) -> Glyphs:
    g = Glyphs("".join(t for t, *_ in steps), [], [], [], [], [])
    right = 0.0
    for t, dx, width, top, height, size in steps:
        x0 = right + dx if dx == dx else dx
        g.x0.append(x0)
        g.x1.append(x0 + width)
        g.top.append(top)
        g.bottom.append(top + height)
        g.size.append(0.0 if t == " " else size)
        right = x0 + width if x0 + width == x0 + width else right
    return g


@settings(max_examples=1000, deadline=None)
@given(st.lists(glyph, max_size=40))
def test_words_all_at_once_match_the_loop(steps):
    g = _glyphs(steps)
    assert _key(chars_to_words(g)) == _key(words_one_by_one(g))


def test_footnote_digit_is_raised_and_keeps_the_word_size():
    g = Glyphs("Ab12", [0, 6, 12, 15], [6, 12, 15, 18], [0, 0, 0, -2], [10, 10, 10, 4], [10, 10, 10, 5])
    assert _key(chars_to_words(g)) == _key(words_one_by_one(g))
    assert [w.text for w in chars_to_words(g)] == ["Ab1²"]


def test_a_nan_right_edge_inside_a_word_is_passed_over():
    g = Glyphs("ab", [0, 5], [5, float("nan")], [0, 0], [10, 10], [10, 10])
    assert _key(words_one_by_one(g)) == [("ab", "0.0", "5.0", "0.0", "10.0", "10.0")]
    assert _key(chars_to_words(g)) == _key(words_one_by_one(g))


def test_no_whitespace_after_the_last_space_the_pdf_glyph_table_holds():
    from docmine.parsers.pdf import _LAST_SPACE

    assert not any(chr(c).isspace() for c in range(_LAST_SPACE + 1, 0x110000))



def _lines_key(lines) -> list[tuple]:
    return [(ln.top, ln.bottom, ln.size, [[(w.text, w.x0) for w in sg.words] for sg in ln.segments]) for ln in lines]


# words on a small grid, so that middles, left edges and sizes tie often; a row's size is the median
word = st.tuples(st.integers(0, 60), st.integers(1, 12), st.integers(0, 40), st.integers(2, 14),
                 st.integers(1, 14))  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(word, max_size=60), st.sampled_from([2.2, 99.0]))
def test_compiled_lines_match_the_python_steps(boxes, gap):
    from docmine.parsers.layout import _group_rows, _lines_compiled, _lines_of

    def words():
        return [Word(f"w{i}", float(x), float(x + w), float(t), float(t + h), float(s))
                for i, (x, w, t, h, s) in enumerate(boxes)]  # fmt: skip

    assert _lines_key(_lines_compiled(words(), gap)) == _lines_key(_lines_of(_group_rows(words()), gap))


def test_a_page_of_words_is_laid_out_by_the_compiled_pass():
    from docmine.parsers.layout import _COMPILED_FROM, build_lines

    row = [Word(f"w{i}", 10.0 * i, 10.0 * i + 8, 100.0, 110.0, 10.0) for i in range(_COMPILED_FROM)]
    far = Word("xa", 900.0, 920.0, 101.0, 111.0, 10.0)
    below = Word("dưới", 0.0, 30.0, 130.0, 140.0, 10.0)
    lines = build_lines([below, far, *reversed(row)])
    assert [[sg.text.split()[0] for sg in ln.segments] for ln in lines] == [["w0", "xa"], ["dưới"]]
    assert (lines[0].top, lines[0].bottom, lines[0].size) == (100.0, 111.0, 10.0)


@given(st.lists(st.text(alphabet="a_1-– \n\tĐ²", max_size=5), max_size=6))
def test_lines_join_with_a_hyphen_kept_where_a_word_character_stands_before_it(texts):
    import re

    from docmine.parsers.layout import join_lines

    out = ""
    for t in texts:
        t = t.strip()
        out = t if not out else out + t if re.search(r"\w-$", out) else out + " " + t
    assert join_lines(texts) == out


@given(st.lists(st.sampled_from([9.96, 10.0, 10.5, 12.0, 13.0, 0.1 + 0.2, 1e-300, 1e300]), min_size=1, max_size=50))
def test_median_of_an_array_is_the_median_of_its_values(values):
    import numpy as np

    from docmine.parsers.layout import _median, median_of

    assert median_of(np.array(values)) == _median(values)
