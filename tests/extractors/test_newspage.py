"""News pages read on their own: headline and date among menus, bars and captions."""

import pytest

from docmine.parsers.text import from_string
from extractors import newspage
from extractors.letterhead import lines_of


def page(text: str) -> newspage.NewsPage:
    doc = from_string(text)
    return newspage.read(doc, lines_of(doc))


def test_headline_under_the_site_bars():
    p = page(
        "Chào mừng Đại hội Đảng bộ tỉnh lần thứ XX\nA- A A+ | Tăng tương phản\n"
        "Nâng cao Chỉ số hiệu quả quản trị và hành chính công năm 2025\n"
        "Nhằm nâng cao hiệu quả hoạt động của chính quyền các cấp, UBND tỉnh ban hành kế hoạch thực hiện với nhiều "
        "giải pháp cụ thể cho từng chỉ số nội dung."
    )
    assert p.subject == "Nâng cao Chỉ số hiệu quả quản trị và hành chính công năm 2025"
    assert p.headline is not None and p.date is None


def test_headline_is_not_a_lead_or_a_caption():
    p = page(
        "Huyện A xếp thứ nhất về cải cách hành chính\n"
        "Theo kết quả đánh giá của UBND tỉnh, năm 2024 huyện A tiếp tục dẫn đầu bảng xếp hạng chỉ số cải cách "
        "hành chính của các huyện.\nLãnh đạo huyện A nhận bằng khen tại hội nghị\n"
        "Để đạt kết quả này, huyện đã triển khai nhiều giải pháp đồng bộ trên tất cả các lĩnh vực, từ cải cách thể "
        "chế đến hiện đại hóa hành chính, với sự vào cuộc của cả hệ thống chính trị."
    )
    assert p.subject == "Huyện A xếp thứ nhất về cải cách hành chính"


@pytest.mark.parametrize(
    "tail,date",
    [("Giờ đăng bài viết gốc: 01/04/2025 21:59", "2025-04-01"), ("Tác giả: Minh An", None)],
)
def test_labelled_date_at_the_end_of_the_page(tail, date):
    p = page("# Bộ Nội vụ hoàn thành 106/109 nhiệm vụ được giao\n\nNội dung chính.\n\n" + tail)
    assert p.subject == "Bộ Nội vụ hoàn thành 106/109 nhiệm vụ được giao" and p.date == date
