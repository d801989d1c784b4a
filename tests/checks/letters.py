"""Small letters written for the checker's tests: a well-formed công văn whose parts a test
can blank, drop or replace."""

from __future__ import annotations

from docmine.checks import Report, check_text

PARTS = {
    "parent": "UBND TỈNH NINH BÌNH",
    "issuer": "SỞ NỘI VỤ",
    "quoc_hieu": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "tieu_ngu": "Độc lập - Tự do - Hạnh phúc",
    "number": "Số: 125/SNV-CCHC",
    "subject": "V/v triển khai nhiệm vụ cải cách hành chính năm 2024",
    "date": "Ninh Bình, ngày 05 tháng 3 năm 2024",
    "recipients": "Kính gửi: Các phòng, đơn vị thuộc Sở.",
    "body": "Năm 2023, Chỉ số cải cách hành chính của Sở Nội vụ đạt 91,25 điểm, xếp thứ 2/18 sở, ban, ngành.\n\n"
    "Giao Văn phòng Sở chủ trì, phối hợp với các phòng chuyên môn rà soát thủ tục hành chính, "
    "hoàn thành trước ngày 30/6/2024.",
    "noi_nhan": "Nơi nhận:\n- Như trên;\n- Lưu: VT, CCHC.",
    "form": "",
    "title": "GIÁM ĐỐC",
    "name": "Nguyễn Văn An",
}


def letter(**parts: str) -> str:
    p = {**PARTS, **parts}
    agency = "\n".join(x for x in (p["parent"], p["issuer"]) if x)
    motto = "\n".join(x for x in (p["quoc_hieu"], p["tieu_ngu"]) if x)
    sign = "\n\n".join(x for x in (p["form"], p["title"], p["name"]) if x)
    blocks = [agency, motto, "\n".join(x for x in (p["number"], p["subject"]) if x), p["date"], p["recipients"],
              p["body"], p["noi_nhan"], sign]  # fmt: skip
    return "\n\n".join(b for b in blocks if b) + "\n"


def check_letter(history=None, **parts: str) -> Report:
    return check_text(letter(**parts), history)


def codes(report: Report, severity: str | None = None) -> list[str]:
    return sorted(f.code for f in report.findings if severity is None or f.severity == severity)
