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
        dict(text="Việc công khai TTHC chưa kịp thời", year=2022),
    ),
    (
        "Tuy nhiên, Sở còn gặp một số khó khăn như: cơ sở hạ tầng công nghệ thông tin xuống cấp; kinh phí bố trí cho chuyển đổi số còn thấp.",
        dict(text="kinh phí bố trí cho chuyển đổi số còn thấp", area="hiện đại hóa"),
    ),
    (
        "Chỉ số CCHC năm 2021 của Sở đạt 80 điểm.\nSTT\tTiêu chí\tĐiểm tối đa\tĐiểm đạt\tGhi chú\n03\tCải cách TTHC\t18\t13\tChưa công khai kết quả giải quyết TTHC",
        dict(criterion="03", area="thủ tục hành chính", year=2021),
    ),
    # a sentence of running text that states a fault (news, reports, conclusions)
    (
        "Tuy nhiên, việc giải quyết hồ sơ đất đai tại một số xã còn chậm.",
        dict(text="việc giải quyết hồ sơ đất đai tại một số xã còn chậm", area="thủ tục hành chính"),
    ),
    (
        "Chỉ số thành phần cải cách thể chế giảm điểm do chậm ban hành kế hoạch rà soát văn bản quy phạm pháp luật.",
        dict(area="thể chế"),
    ),
    (
        "Tỷ lệ hồ sơ được số hóa của huyện mới đạt 45%, chưa đạt chỉ tiêu đề ra.",
        dict(
            text="Tỷ lệ hồ sơ được số hóa của huyện mới đạt 45%, chưa đạt chỉ tiêu đề ra", area="hiện đại hóa"
        ),
    ),
    (  # a score movement with the fault behind it
        "Năm 2023, Chỉ số CCHC của huyện giảm 3 bậc, xếp cuối tỉnh do còn nhiều hạn chế ở lĩnh vực cải cách thủ tục hành chính.",
        dict(area="thủ tục hành chính", year=2023),
    ),
    (  # the year the section opens with
        "Trong năm 2024, huyện tiếp tục triển khai nhiều nhiệm vụ cải cách hành chính.\n\n"
        "Tuy nhiên, việc chuyển đổi vị trí công tác của công chức còn chậm.",
        dict(text="việc chuyển đổi vị trí công tác của công chức còn chậm", area="công vụ", year=2024),
    ),
    (  # the body that is the subject of the fault
        "Báo cáo kết quả cải cách hành chính quý III.\n\n"
        "Hiện nay Văn phòng UBND huyện chưa cập nhật kết quả giải quyết hồ sơ lên hệ thống.",
        dict(units=["Văn phòng UBND huyện"]),
    ),
    (  # the bodies listed after ``như``
        "Một số đơn vị chưa nộp đủ báo cáo tự chấm điểm như Sở Xây dựng, Sở Y tế, huyện Đông Sơn.",
        dict(units=["Sở Xây dựng", "Sở Y tế", "huyện Đông Sơn"]),
    ),
    (  # the bodies of the footnote a web copy points to
        "Tỷ lệ hồ sơ trực tuyến của một số địa phương còn thấp[3].\n\n[3] Như: Bắc Kạn (21%); Hà Nam (26%).",
        dict(text="Tỷ lệ hồ sơ trực tuyến của một số địa phương còn thấp", units=["Bắc Kạn", "Hà Nam"]),
    ),
]
NEGATIVE = [
    "Năm 2022, Sở đã hoàn thành tốt các nhiệm vụ cải cách hành chính.",  # praise
    "Yêu cầu các phòng khắc phục những tồn tại, hạn chế, cụ thể:\n1. Rà soát quy trình nội bộ giải quyết TTHC.",  # a task list
    "Chỉ số CCHC năm 2021 của Sở đạt 80 điểm.\nSTT\tTiêu chí\tĐiểm tối đa\tĐiểm đạt\tGhi chú\n02\tThể chế\t12\t12\tĐạt điểm tối đa",
    "Phát biểu tại buổi làm việc, đồng chí Giám đốc ghi nhận những mặt còn hạn chế và kiến nghị của đơn vị.",
    "Số điện thoại đường dây nóng: 0229.3871.234.",
    "Năm 2023, Chỉ số CCHC của huyện giảm 2 bậc, xếp thứ 9/10.",  # a bare rank movement
    "Huyện xếp cuối bảng, thấp nhất tỉnh với 78,5 điểm.",  # a bare position
    "Kết quả Chỉ số PAPI của tỉnh khá thấp so với bình quân cả nước.",  # a score's position
    "Nhóm trung bình thấp gồm 5 tỉnh.",  # a band
    "Các đơn vị cần tập trung khắc phục những hạn chế, tồn tại đã được chỉ ra.",  # a remedy
    "Tăng cường kiểm tra, xử lý các trường hợp chậm trễ trong giải quyết hồ sơ.",  # a task
    "Trường hợp hồ sơ giải quyết trễ hạn thì cơ quan giải quyết gửi văn bản xin lỗi.",  # a condition
    "Năm 2024, toàn huyện không có hồ sơ trễ hạn.",  # nothing went wrong
    "Qua rà soát, chưa phát hiện văn bản phải kiến nghị xử lý.",
    "Từ ngày 01/01 đến nay, tổng số hồ sơ đã tiếp nhận là 500; số hồ sơ quá hạn là 02.",  # a count
    "Tỷ lệ hồ sơ giải quyết đúng hạn, trễ hạn được công khai trên hệ thống.",  # a breakdown
    "Quá thời hạn này, hệ thống sẽ đóng và các xã sẽ không thể gửi báo cáo.",  # what will happen
    "Huyện miền núi chưa thể cải thiện thứ hạng Chỉ số CCHC\n\nNăm 2023, huyện xếp thứ 9/10.",  # a headline
    "Về tỷ lệ văn bản điện tử còn thấp: yêu cầu các phòng nghiệp vụ tăng cường trao đổi văn bản điện tử.",  # a task
    "III. TỒN TẠI, HẠN CHẾ\nGiải pháp khắc phục: Giao Sở Tài chính đôn đốc các chủ đầu tư giải ngân.",  # a remedy
]


@pytest.mark.parametrize("text,expected", POSITIVE)
def test_shortcoming_read(text, expected):
    facts = run("shortcomings", text)
    assert has(facts, **expected), facts


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_a_shortcoming(text):
    assert run("shortcomings", text) == []


def test_inline_list_gives_one_row_per_item():
    facts = run(
        "shortcomings",
        "Bên cạnh kết quả đạt được, công tác cải cách hành chính của huyện còn một số hạn chế như: tỷ lệ thanh "
        "toán trực tuyến còn thấp; việc cập nhật quy trình nội bộ chưa kịp thời; một số công chức chưa đáp ứng "
        "yêu cầu.",
    )
    assert [(f["text"], f["area"]) for f in facts] == [
        ("tỷ lệ thanh toán trực tuyến còn thấp", "hiện đại hóa"),
        ("việc cập nhật quy trình nội bộ chưa kịp thời", "thủ tục hành chính"),
        ("một số công chức chưa đáp ứng yêu cầu", "công vụ"),
    ]


def test_sentences_after_an_announced_list_are_its_items():
    facts = run(
        "shortcomings",
        "Công tác cải cách thủ tục hành chính vẫn còn một số tồn tại. Đáng chú ý, việc niêm yết công khai thủ tục "
        "tại bộ phận một cửa chưa đầy đủ. Mặt khác, tỷ lệ hồ sơ trễ hạn còn cao.",
    )
    assert [f["text"] for f in facts] == [
        "việc niêm yết công khai thủ tục tại bộ phận một cửa chưa đầy đủ",
        "tỷ lệ hồ sơ trễ hạn còn cao",
    ]


def test_parallel_faults_in_a_labelled_group():
    facts = run(
        "shortcomings",
        "Các tiêu chí bị mất điểm tập trung ở các nhóm: (1) Nhóm hạ tầng: tỷ lệ xã có mạng cáp quang còn thấp, tỷ "
        "lệ phần mềm dùng chung nền tảng đám mây còn thấp. (2) Nhóm nhân lực: tỷ lệ công chức được bồi dưỡng kỹ năng "
        "số còn thấp.",
    )
    assert [f["text"] for f in facts] == [
        "tỷ lệ xã có mạng cáp quang còn thấp",
        "tỷ lệ phần mềm dùng chung nền tảng đám mây còn thấp",
        "tỷ lệ công chức được bồi dưỡng kỹ năng số còn thấp",
    ]


def test_cause_in_the_next_sentence_and_remedy_left_out():
    facts = run(
        "shortcomings",
        "III. TỒN TẠI, HẠN CHẾ\na) Tỷ lệ giải ngân vốn đầu tư công chỉ đạt 40% kế hoạch năm 2024. Nguyên nhân "
        "chậm giải ngân do công tác bồi thường kéo dài.\nGiải pháp khắc phục: Giao Sở Tài chính đôn đốc các chủ "
        "đầu tư.",
    )
    assert facts == [
        {
            "text": "Tỷ lệ giải ngân vốn đầu tư công chỉ đạt 40% kế hoạch năm 2024",
            "criterion": None,
            "area": "tài chính công",
            "units": [],
            "cause": "do công tác bồi thường kéo dài",
            "year": 2024,
        }
    ]


def test_cause_paragraph_about_the_faults_above():
    facts = run(
        "shortcomings",
        "Huyện còn một số hạn chế như: việc cập nhật dữ liệu còn chậm; tỷ lệ ký số thấp.\n\nNguyên nhân của "
        "những hạn chế nêu trên chủ yếu là: hạ tầng chưa đồng bộ; nhân lực còn thiếu.",
    )
    assert [(f["text"], f["cause"]) for f in facts] == [
        ("việc cập nhật dữ liệu còn chậm", "hạ tầng chưa đồng bộ; nhân lực còn thiếu"),
        ("tỷ lệ ký số thấp", "hạ tầng chưa đồng bộ; nhân lực còn thiếu"),
    ]
