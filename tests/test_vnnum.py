import pytest

from docmine.vnnum import parse_date, parse_number, parse_pair


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("92,35", 92.35),
        ("1.670", 1670),
        ("1.44", 1.44),
        ("11.5", 11.5),
        ("08", 8),
        ("86,8", 86.8),
        ("1.234.567", 1234567),
        ("1.670,5", 1670.5),
        ("-1,44", -1.44),
        ("100", 100),
        ("13,981", 13.981),
    ],
)
def test_parse_number(text, value):
    got = parse_number(text)
    assert got == pytest.approx(value)
    assert isinstance(got, int) == isinstance(value, int)


def test_thousands_dot_yields_to_a_score_maximum():
    assert parse_number("1.670", max_value=100) == pytest.approx(1.67)
    assert parse_number("1.670", max_value=10000) == 1670


@pytest.mark.parametrize("text", ["", "abc", "1..2", "12a", "3/18"])
def test_parse_number_rejects(text):
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "pair"), [("3/18", (3, 18)), ("01/09", (1, 9)), ("18/21", (18, 21)), ("86/87", (86, 87))]
)
def test_parse_pair(text, pair):
    assert parse_pair(text) == pair


@pytest.mark.parametrize("text", ["07/06/2023", "5/0", "abc", "12/2023"])
def test_parse_pair_rejects(text):
    assert parse_pair(text) is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("ngày 07/06/2023", "2023-06-07"),
        ("ngày 08 tháng 01 năm 2025", "2025-01-08"),
        ("ngày   tháng  năm 2023", "2023"),
        ("ngày /4/2022", "2022-04"),
        ("Đồng Tháp, ngày tháng 4 năm 2022", "2022-04"),
        ("ngày 15/5/2023", "2023-05-15"),
        ("ngày 31/02/2023", "2023-02"),
        ("Quảng Ngãi, ngày 08 tháng 01 năm 2025", "2025-01-08"),
    ],
)
def test_parse_date(text, iso):
    assert parse_date(text) == iso


def test_parse_date_none():
    assert parse_date("Hà Nội, không có ngày") is None
