from pathlib import Path

import pytest

from docmine.model import ParseError
from docmine.parsers import parse

PAGE = """<!DOCTYPE html><html><head><title>Báo Lao động</title>
<meta property="article:published_time" content="2024-04-23T10:33:00+07:00"></head><body>
<nav><a href="/">Trang chủ</a> | <a href="/xa-hoi">Xã hội</a></nav>
<article><h1>Ninh Bình: Đẩy mạnh cải cách hành chính</h1>
<p>(LĐXH) - Chỉ số cải cách hành chính của Sở LĐTBXH tỉnh Ninh Bình xếp thứ 3/18 sở, ngành trong tỉnh.</p>
<p>Trong năm 2023, Sở LĐTBXH thường xuyên rà soát, tham mưu trình UBND tỉnh ban hành 03 quyết định phê duyệt quy trình nội bộ.</p>
<p>Tuy nhiên, Sở cũng gặp một số khó khăn như tỷ lệ nộp hồ sơ trực tuyến thấp, kinh phí cho chuyển đổi số còn hạn chế.</p>
</article><div class="ads">Quảng cáo: mua ngay</div>
<aside><h3>Tin liên quan</h3><ul><li><a href="/a">Bài khác về cải cách</a></li></ul></aside></body></html>"""


def test_news_page_main_text_headline_and_date(tmp_path: Path):
    p = tmp_path / "news.html"
    p.write_text(PAGE, encoding="utf-8")
    doc = parse(p)
    assert doc.title == "Ninh Bình: Đẩy mạnh cải cách hành chính"
    assert doc.published == "2024-04-23"
    assert doc.text.startswith("Ninh Bình: Đẩy mạnh cải cách hành chính")
    assert "xếp thứ 3/18 sở" in doc.text
    for junk in ("Trang chủ", "Quảng cáo", "Bài khác về cải cách"):
        assert junk not in doc.text


def test_html_sniffed_despite_suffix(tmp_path: Path):
    p = tmp_path / "news.bin"
    p.write_text(PAGE, encoding="utf-8")
    assert parse(p).format == "html"


def test_html_without_main_text(tmp_path: Path):
    p = tmp_path / "empty.html"
    p.write_text("<html><head><title></title></head><body><div></div></body></html>", encoding="utf-8")
    with pytest.raises(ParseError, match="html"):
        parse(p)
