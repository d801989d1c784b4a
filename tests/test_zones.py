"""Block kinds of text read in order: web furniture, markdown and pipe-rendered letters."""

from hypothesis import given, settings
from hypothesis import strategies as st

from docmine.parsers.text import from_string
from docmine.zones import ZoneTagger, bare, bare_may_hold, is_motto


def kinds(text: str) -> list[tuple[str, str]]:
    doc = from_string(text)
    return [(b.kind, doc.block_text(b)) for b in doc.blocks]


WEB_COPY = """Tìm kiếm văn bản
Đăng nhập
Quyết định 12/QĐ-UBND năm 2021 về cải cách hành chính
Số hiệu: 12/QĐ-UBND Loại văn bản: Quyết định
ỦY BAN NHÂN DÂN
TỈNH HÀ NAM
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 12/QĐ-UBND
Hà Nam, ngày 5 tháng 3 năm 2021
QUYẾT ĐỊNH
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
"""


def test_site_lines_before_the_header_are_furniture():
    got = kinds(WEB_COPY)
    assert [k for k, _ in got[:4]] == ["furniture"] * 4
    assert [k for k, _ in got[4:10]] == ["header"] * 6
    assert got[10] == ("heading", "QUYẾT ĐỊNH")
    assert got[11][0] == "paragraph"


def test_header_reopens_at_a_quoc_hieu_below_a_long_catalogue():
    lines = [f"Mục {i} của trang" for i in range(30)] + [
        "BỘ NỘI VỤ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 7/BNV-CCHC", "V/v báo cáo", "Kính gửi: Sở Nội vụ",
    ]  # fmt: skip
    z = ZoneTagger(has_header=False)
    got = [z.kind(t) for t in lines]
    assert got[-4:-1] == ["header", "header", "header"]
    assert got[-1] == "paragraph"
    assert "header" not in got[:30]


def test_markdown_signature_ends_after_the_name():
    text = "Nội dung.\n\n*Nơi nhận:*\n- Như trên;\n- Lưu: VT.\n|\n**KT. CHỦ TỊCH**\nPHÓ CHỦ TỊCH\n**Trần Văn Bình**\n|\n**PHỤ LỤC**\nBảng số liệu"
    got = kinds(text)
    sig = [t for k, t in got if k == "signature"]
    assert sig == [
        "*Nơi nhận:*",
        "- Như trên;",
        "- Lưu: VT.",
        "**KT. CHỦ TỊCH**",
        "PHÓ CHỦ TỊCH",
        "**Trần Văn Bình**",
    ]
    assert ("heading", "**PHỤ LỤC**") in got
    assert ("paragraph", "Bảng số liệu") in got


def test_pipe_and_rule_lines_are_furniture():
    z = ZoneTagger(has_header=False)
    assert [z.kind(t) for t in ["|", "** **", "-------", "Văn bản"]] == ["furniture"] * 3 + ["paragraph"]


def test_news_page_without_a_header_has_no_furniture_before_its_headline():
    z = ZoneTagger(has_header=False)
    assert z.kind("Đăng nhập") == "paragraph"


def test_bare_and_motto():
    assert bare("**CỘNG HÒA XÃ**") == "CỘNG HÒA XÃ"
    assert bare("| Số: 5/KH-UBND | Hà Nam, ngày 1 |") == "Số: 5/KH-UBND | Hà Nam, ngày 1"
    assert is_motto("CHỦ NGHĨA VIỆT NAM") and not is_motto("ỦY BAN NHÂN DÂN")


@settings(max_examples=2000)
@given(st.lists(st.sampled_from(["gử", "i", "gửi", "*", "**", "_", "|", " ", "\n", "Kính", "điện", "đi", "ện", "#"]), max_size=12))
def test_bare_holds_a_word_only_where_bare_may_hold_says_it_may(parts):
    text = "".join(parts)
    for word in ("gửi", "điện"):
        if word in bare(text):
            assert bare_may_hold(text, word)
