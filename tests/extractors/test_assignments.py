import pytest

from tests.extractors.helpers import has, run

POSITIVE = [
    (
        "Giao Văn phòng Sở chủ trì, phối hợp với các phòng chuyên môn rà soát quy trình nội bộ hàng quý.",
        dict(
            lead=["Văn phòng Sở"],
            support=["các phòng chuyên môn"],
            deadline="hàng quý",
            task="rà soát quy trình nội bộ hàng quý",
        ),
    ),
    (
        "Yêu cầu Phòng Kế hoạch - Tài chính hoàn thành báo cáo trước ngày 20/02/2025.",
        dict(lead=["Phòng Kế hoạch - Tài chính"], deadline="2025-02-20", task="hoàn thành báo cáo"),
    ),
    (
        "Đề nghị UBND các huyện khẩn trương cập nhật hồ sơ lên Cổng dịch vụ công.",
        dict(lead=["UBND các huyện"], task="khẩn trương cập nhật hồ sơ lên Cổng dịch vụ công"),
    ),
    (
        "Trung tâm Dịch vụ việc làm phối hợp với Phòng Việc làm, hướng dẫn người lao động nộp hồ sơ trực tuyến.",
        dict(lead=["Trung tâm Dịch vụ việc làm"], support=["Phòng Việc làm"]),
    ),
    (
        "Sở Nội vụ có trách nhiệm tổng hợp kết quả chấm điểm.",
        dict(lead=["Sở Nội vụ"], task="tổng hợp kết quả chấm điểm"),
    ),
    (
        "Giám đốc Sở yêu cầu các phòng, đơn vị thực hiện như sau:\n1. Rà soát toàn bộ TTHC thuộc thẩm quyền giải quyết.",
        dict(lead=["các phòng, đơn vị"], task="Rà soát toàn bộ TTHC thuộc thẩm quyền giải quyết"),
    ),
    (
        "Trưởng các phòng chuyên môn:\n- Hàng tháng báo cáo tiến độ giải quyết hồ sơ về Văn phòng.",
        dict(lead=["Trưởng các phòng chuyên môn"], deadline="hàng tháng"),
    ),
    (
        "Đồng thời đề nghị Sở Y tế gửi văn bản giải trình sau 15 ngày làm việc.",
        dict(lead=["Sở Y tế"], deadline="sau 15 ngày làm việc"),
    ),
    (
        "Yêu cầu các phòng nghiệp vụ, đặc biệt là Phòng Người có công, tích cực tuyên truyền dịch vụ công.",
        dict(lead=["các phòng nghiệp vụ", "Phòng Người có công"]),
    ),
    (
        "TT\tNội dung\tĐơn vị thực hiện\tGiải pháp\tPhối hợp\n1\tCải cách thể chế\t\t\t\n1.1\tRà soát văn bản QPPL\tVăn phòng Sở\tRà soát định kỳ\tCác phòng\n1.2\tTheo dõi thi hành pháp luật\t\tBáo cáo hàng năm\t",
        dict(criterion="1.2", lead=["Văn phòng Sở"], support=["Các phòng"]),
    ),
    (
        "TT\tNội dung\tĐơn vị thực hiện\tPhối hợp\n2.1\tCông khai TTHC\tCác phòng chuyên môn, đơn\tVăn phòng\n2.2\tMột cửa liên thông\tvị trực thuộc Sở\t",
        dict(criterion="2.2", lead=["Các phòng chuyên môn", "đơn vị trực thuộc Sở"]),
    ),
    (
        "TT\tNội dung\tĐơn vị chủ trì\tPhối hợp\tThời gian\n3\tTuyên truyền CCHC\tPhòng Văn hóa\tĐài Truyền thanh\tQuý II/2024",
        dict(criterion="3", deadline="Quý II/2024", support=["Đài Truyền thanh"]),
    ),
]
NEGATIVE = [
    "Yêu cầu các phòng nghiệp vụ Sở, các đơn vị trực thuộc thực hiện nghiêm túc các nội dung trên./.",  # boilerplate
    "Sở đã tổ chức 03 hội nghị tuyên truyền về cải cách hành chính.",  # a report of work done
    "Trong quá trình thực hiện, có khó khăn, các phòng liên hệ Văn phòng Sở để được hướng dẫn.",
    "Giám đốc Sở yêu cầu các phòng thực hiện các nội dung sau:",  # a lead-in alone
    "Thủ tục được giao tại Kế hoạch số 48/KH-SLĐTBXH ngày 07/01/2021.",  # "giao" without a unit
]


@pytest.mark.parametrize("text,expected", POSITIVE)
def test_assignment_read(text, expected):
    facts = run("assignments", text)
    assert has(facts, **expected), facts


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_an_assignment(text):
    assert run("assignments", text) == []
