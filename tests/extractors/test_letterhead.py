"""The header reader on its own: lines, the quốc hiệu anchor, the parts read, the letter's own number."""

from docmine.parsers.text import from_string
from extractors import letterhead


def test_lines_split_at_pipes_tabs_and_a_number_merged_into_the_agency_cell():
    doc = from_string("ỦY BAN NHÂN DÂN TỈNH HÀ NAM Số: 12/TB-UBND | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    texts = [ln.text for ln in letterhead.lines_of(doc)]
    assert texts == ["ỦY BAN NHÂN DÂN TỈNH HÀ NAM", "Số: 12/TB-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    for ln in letterhead.lines_of(doc):
        assert doc.text[ln.start : ln.end] == ln.text  # offsets of the bare line


def test_header_read_from_a_merged_cell_layout():
    h = letterhead.read(
        from_string(
            "ỦY BAN NHÂN DÂN TỈNH HÀ NAM Số: /TB-UBND\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Hà Nam, ngày tháng 4 năm 2026\n"
            "THÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh tại cuộc họp\n\nNgày 20/4/2026, UBND tỉnh họp."
        )
    )
    assert (h.agency, h.number, h.symbol, h.number_seen) == (
        "ỦY BAN NHÂN DÂN TỈNH HÀ NAM",
        None,
        "TB-UBND",
        True,
    )
    assert (h.place, h.date, h.title) == ("Hà Nam", "2026-04", "THÔNG BÁO")
    assert h.subject == "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp"


def test_no_header_in_a_news_page():
    h = letterhead.read(
        from_string("Hà Nam dẫn đầu Chỉ số cải cách hành chính\nNgày 5/4, Bộ Nội vụ công bố.")
    )
    assert h.quoc_hieu is None and h.agency is None and not h.number_seen


def test_own_refs_from_header_catalogue_and_title():
    h = letterhead.read(
        from_string(
            "Quyết định 30/2018/QĐ-UBND năm 2018 về quy chế\nSố hiệu: 30/2018/QĐ-UBND\n"
            "ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 30/2018/QĐ-UBND\nHà Nam, ngày 2 tháng 5 năm 2018"
        )
    )
    assert letterhead.own_refs(h) == {"30/QĐ-UBND"}
    assert h.page_type == "Quyết định" and h.catalogue["Số hiệu"] == "30/2018/QĐ-UBND"
