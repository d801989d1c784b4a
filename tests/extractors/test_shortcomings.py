import pytest

from tests.extractors.helpers import has, run

LEAD = "Qua kiểm tra năm 2023, Đoàn chỉ ra một số tiêu chí thực hiện chưa tốt, cụ thể:\n"

POSITIVE = [
    (
        LEAD + "1. Việc ban hành kế hoạch kiểm tra công tác CCHC năm 2023 còn chậm.",
        dict(
            text="Việc ban hành kế hoạch kiểm tra công tác CCHC năm 2023 còn chậm",
            area="chỉ đạo điều hành",
            year=2023,
        ),
    ),
    (
        LEAD + "1. Tỷ lệ hồ sơ thanh toán trực tuyến thấp (Do hạ tầng thanh toán chưa đáp ứng).",
        dict(area="hiện đại hóa", cause="Do hạ tầng thanh toán chưa đáp ứng"),
    ),
    (LEAD + "1. Chưa rà soát văn bản quy phạm pháp luật theo quy định.", dict(area="thể chế")),
    (
        LEAD + "1. Còn 05 hồ sơ giải quyết quá hạn nhưng chưa có văn bản xin lỗi.",
        dict(area="thủ tục hành chính"),
    ),
    (LEAD + "1. Số lượng lãnh đạo cấp phòng vượt quy định.", dict(area="tổ chức bộ máy")),
    (LEAD + "1. Chưa xây dựng kế hoạch đào tạo, bồi dưỡng công chức.", dict(area="công vụ")),
    (
        "II. NHỮNG HẠN CHẾ TRONG NĂM 2022\n- Nội dung 1.3 Công tác kiểm tra CCHC. Năm 2022, Sở chưa kiểm tra đủ 30% đơn vị trực thuộc.",
        dict(criterion="1.3", area="chỉ đạo điều hành", year=2022),
    ),
    (
        "II. TỒN TẠI, HẠN CHẾ\nNội dung 4.2 Sử dụng biên chế. Sở sử dụng vượt 02 biên chế được giao, nguyên nhân do chưa kịp tinh giản.",
        dict(criterion="4.2", cause="do chưa kịp tinh giản"),
    ),
    (
        "II. HẠN CHẾ\n- Nội dung 1.6 Nhiệm vụ được giao. Năm 2022 có 02 nhiệm vụ trễ hạn. Đơn vị trễ hạn là Phòng Kế hoạch - Tài chính.",
        dict(criterion="1.6", units=["Phòng Kế hoạch - Tài chính"]),
    ),
    (
        "Bên cạnh kết quả đạt được, Sở vẫn còn một số hạn chế: Năm 2022, Sở chưa có sáng kiến mới trong CCHC. Việc công khai TTHC chưa kịp thời.",
        dict(text="Việc công khai TTHC chưa kịp thời", year=None),
    ),
    (
        "Tuy nhiên, Sở còn gặp một số khó khăn như: cơ sở hạ tầng công nghệ thông tin xuống cấp; kinh phí bố trí cho chuyển đổi số còn thấp.",
        dict(text="kinh phí bố trí cho chuyển đổi số còn thấp"),
    ),
    (
        "Chỉ số CCHC năm 2021 của Sở đạt 80 điểm.\nSTT\tTiêu chí\tĐiểm tối đa\tĐiểm đạt\tGhi chú\n03\tCải cách TTHC\t18\t13\tChưa công khai kết quả giải quyết TTHC",
        dict(criterion="03", area="thủ tục hành chính", year=2021),
    ),
]
NEGATIVE = [
    "Năm 2022, Sở đã hoàn thành tốt các nhiệm vụ cải cách hành chính.",  # praise
    "Yêu cầu các phòng khắc phục những tồn tại, hạn chế, cụ thể:\n1. Rà soát quy trình nội bộ giải quyết TTHC.",  # a task list
    "Chỉ số CCHC năm 2021 của Sở đạt 80 điểm.\nSTT\tTiêu chí\tĐiểm tối đa\tĐiểm đạt\tGhi chú\n02\tThể chế\t12\t12\tĐạt điểm tối đa",
    "Phát biểu tại buổi làm việc, đồng chí Giám đốc ghi nhận những mặt còn hạn chế và kiến nghị của đơn vị.",
    "Số điện thoại đường dây nóng: 0229.3871.234.",
]


@pytest.mark.parametrize("text,expected", POSITIVE)
def test_shortcoming_read(text, expected):
    facts = run("shortcomings", text)
    assert has(facts, **expected), facts


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_a_shortcoming(text):
    assert run("shortcomings", text) == []
