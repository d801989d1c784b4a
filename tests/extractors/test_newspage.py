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
        "Chào mừng Ngày hội văn hóa các dân tộc\nA- A A+ | Tăng tương phản\n"
        "Huyện vùng cao đặt mục tiêu tăng hạng Chỉ số PAPI năm 2026\n"
        "Để cải thiện điểm số ở các lĩnh vực còn thấp, huyện đã giao từng xã một nhóm việc, kèm thời hạn và người "
        "chịu trách nhiệm theo dõi."
    )
    assert p.subject == "Huyện vùng cao đặt mục tiêu tăng hạng Chỉ số PAPI năm 2026"
    assert p.headline is not None and p.date is None


def test_headline_is_not_a_lead_or_a_caption():
    p = page(
        "Huyện A xếp thứ nhất về cải cách hành chính\n"
        "Kết quả công bố sáng nay cho thấy huyện A giữ vị trí đầu tiên trong số mười hai huyện được chấm điểm "
        "năm nay.\nLãnh đạo huyện A nhận bằng khen tại hội nghị\n"
        "Huyện cho biết đã rút ngắn thời gian xử lý hồ sơ đất đai và mở thêm hai điểm tiếp nhận hồ sơ lưu động ở "
        "các xã xa trung tâm."
    )
    assert p.subject == "Huyện A xếp thứ nhất về cải cách hành chính"


@pytest.mark.parametrize(
    "tail,date",
    [("Giờ đăng bài viết gốc: 17/09/2026 08:15", "2026-09-17"), ("Tác giả: Minh An", None)],
)
def test_labelled_date_at_the_end_of_the_page(tail, date):
    p = page("# Sở Tư pháp hoàn thành 41/45 việc trong kế hoạch quý\n\nNội dung chính.\n\n" + tail)
    assert p.subject == "Sở Tư pháp hoàn thành 41/45 việc trong kế hoạch quý" and p.date == date
