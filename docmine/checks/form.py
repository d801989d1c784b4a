"""Form (Nghị định 30/2020/NĐ-CP, Phụ lục I): quốc hiệu and tiêu ngữ, issuing body, number and
date (blank in a draft), a symbol that fits the type, trích yếu, kính gửi of a công văn,
nơi nhận, signer title and name, and the KT. / TL. / TM. forms.

News reports (``Tin bài``) are not letters: they get no form findings.
"""

from __future__ import annotations

import re

from docmine.checks.base import Context, Finding
from docmine.facts import Evidence
from docmine.zones import TITLE_RE
from extractors.document import TITLE_MAP, issuer_of

QUOC_HIEU = re.compile(r"C[ỘO]NG\s+H[ÒO]A\s+X[ÃA]\s+H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM", re.I)
TIEU_NGU = re.compile(r"Độc\s+lập\s*-\s*Tự\s+do\s*-\s*Hạnh\s+phúc", re.I)
NUMBER_LINE = re.compile(r"^\s*Số\s*[:.]?\s*(\S*?)\s*/\s*(\S*)", re.M)
PLACE_DATE = re.compile(r"^[^\n,]{2,40},\s*ngày\s*(\S*?)\s*tháng\s*(\S*?)\s*năm\s*(\S*)", re.M | re.I)
FORM_LINE = re.compile(r"^\s*(KT|TL|TM|TUQ|Q)\s*\.\s*(.+?)\s*$")
# Phụ lục III of Nghị định 30/2020: the abbreviation of each type in a number's symbol
TYPE_CODES = {
    "Nghị quyết": "NQ", "Quyết định": "QĐ", "Chỉ thị": "CT", "Quy chế": "QC", "Quy định": "QyĐ",
    "Thông cáo": "TC", "Thông báo": "TB", "Hướng dẫn": "HD", "Chương trình": "CTr", "Kế hoạch": "KH",
    "Phương án": "PA", "Đề án": "ĐA", "Dự án": "DA", "Báo cáo": "BC", "Biên bản": "BB", "Tờ trình": "TTr",
    "Hợp đồng": "HĐ", "Công điện": "CĐ", "Bản ghi nhớ": "GN", "Bản thỏa thuận": "TTr", "Giấy ủy quyền": "UQ",
    "Giấy mời": "GM", "Giấy giới thiệu": "GGT", "Giấy nghỉ phép": "NP", "Phiếu gửi": "PG",
    "Phiếu chuyển": "PC", "Phiếu báo": "PB", "Kết luận": "KL",
}  # fmt: skip
SIGN_TITLE = re.compile(
    r"(?:PHÓ\s+)?(?:GIÁM ĐỐC|CHỦ TỊCH|TRƯỞNG [A-ZĐÀ-Ỹ ]+|CHÁNH [A-ZĐÀ-Ỹ ]+|BỘ TRƯỞNG|"
    r"CỤC TRƯỞNG|VIỆN TRƯỞNG|HIỆU TRƯỞNG|BÍ THƯ|TỔNG GIÁM ĐỐC)"
)
PERSON = re.compile(r"(?:[A-ZĐÀ-Ỹ][a-zđà-ỹ]+\s+){1,4}[A-ZĐÀ-Ỹ][a-zđà-ỹ]+")
CODE_TYPES = {v: k for k, v in TYPE_CODES.items()}
COLLECTIVE = re.compile(r"ỦY BAN|UỶ BAN|UBND|\bBAN\b|HỘI ĐỒNG|ĐẢNG ỦY|TỈNH ỦY|THƯỜNG TRỰC|TẬP THỂ|ĐOÀN", re.I)


def _head(ctx: Context, chars: int = 3000) -> str:
    return ctx.doc.view[:chars]


def _blocks(ctx: Context, kind: str) -> list[tuple[str, int, int]]:
    d = ctx.doc
    return [(d.block_text(b), b.start, b.end) for b in d.blocks if b.kind == kind]


def _ev(ctx: Context, start: int, end: int) -> Evidence:
    return Evidence.of(ctx.doc, start, end)


def check(ctx: Context) -> list[Finding]:
    info = ctx.info
    if info is None or info.doc_type == "Tin bài":
        return []
    doc, out = ctx.doc, []
    head = _head(ctx)
    if not QUOC_HIEU.search(head):
        out.append(
            Finding("form.quoc_hieu", "error", "Thiếu Quốc hiệu “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM”.")
        )
    if not TIEU_NGU.search(head):
        out.append(Finding("form.tieu_ngu", "error", "Thiếu Tiêu ngữ “Độc lập - Tự do - Hạnh phúc”."))
    if issuer_of(doc, is_letter=False)[0] is None:
        out.append(
            Finding(
                "form.issuer", "error", "Thiếu tên cơ quan, tổ chức ban hành văn bản ở góc trên bên trái."
            )
        )
    out += _number(ctx, head, info.doc_type)
    out += _date(ctx, head)
    if not info.subject:
        what = (
            "trích yếu nội dung (V/v ...)"
            if info.doc_type == "Công văn"
            else "tên loại và trích yếu nội dung"
        )
        out.append(Finding("form.trich_yeu", "error", f"Thiếu {what}."))
    if info.doc_type == "Công văn" and not info.recipients and not re.search(r"Kính gửi", doc.view):
        out.append(Finding("form.kinh_gui", "error", "Công văn thiếu phần “Kính gửi”."))
    if not re.search(r"^\s*Nơi nhận", doc.view, re.M):
        out.append(Finding("form.noi_nhan", "error", "Thiếu phần “Nơi nhận”."))
    title, name = info.signer_title, info.signer_name
    if not title or not name:  # no signature zone (it is found from "Nơi nhận"): read the last lines
        title, name = title or _tail(ctx, SIGN_TITLE), name or _tail(ctx, PERSON)
    if not title:
        out.append(Finding("form.signer_title", "error", "Thiếu chức vụ của người ký."))
    if not name:
        out.append(Finding("form.signer_name", "error", "Thiếu họ tên của người ký."))
    out += _signer_form(ctx, title)
    return out


def _tail(ctx: Context, rx: re.Pattern) -> str | None:
    """A signer's title or name among the last lines of the letter."""
    d = ctx.doc
    for b in d.blocks[-6:]:
        t = d.block_text(b).strip()
        if rx.fullmatch(t):
            return t
    return None


def _number(ctx: Context, head: str, doc_type: str | None) -> list[Finding]:
    m = NUMBER_LINE.search(head)
    if m is None:
        return [Finding("form.number", "error", "Thiếu số, ký hiệu của văn bản (“Số: .../...”).")]
    ev = _ev(ctx, m.start(), m.end())
    out = []
    if not re.search(r"\d", m.group(1)):
        out.append(Finding("form.number_blank", "warning", "Số văn bản để trống: văn bản còn là dự thảo, "
                           "số được cấp khi phát hành.", ev))  # fmt: skip
    code = re.split(r"[-/]", m.group(2))[0] if m.group(2) else ""
    expected = TYPE_CODES.get(doc_type or "")
    titled = _title_type(ctx)
    if titled and expected and code != expected:
        msg = f"Ký hiệu “{m.group(2)}” không hợp với loại văn bản {titled} (phải là {expected}-...)."
        out.append(Finding("form.symbol_type", "error", msg, ev))
    elif not titled and doc_type == "Công văn" and code in CODE_TYPES:
        msg = (
            f"Công văn mang ký hiệu “{code}” của loại {CODE_TYPES[code]}: ký hiệu công văn không có tên loại."
        )
        out.append(Finding("form.symbol_type", "error", msg, ev))
    return out


def _title_type(ctx: Context) -> str | None:
    d = ctx.doc
    for b in d.blocks[:40]:
        t = d.block_text(b).strip()
        if TITLE_RE.match(t):
            return TITLE_MAP.get(t.upper(), t.capitalize())
    return None


def _date(ctx: Context, head: str) -> list[Finding]:
    m = PLACE_DATE.search(head)
    if m is None:
        return [
            Finding(
                "form.date",
                "error",
                "Thiếu địa danh và thời gian ban hành (“..., ngày ... tháng ... năm ...”).",
            )
        ]
    blank = [
        name for name, g in zip(("ngày", "tháng", "năm"), m.groups(), strict=True) if not re.search(r"\d", g)
    ]
    if blank:
        msg = f"Ngày ban hành để trống ({', '.join(blank)}): văn bản còn là dự thảo."
        return [Finding("form.date_blank", "warning", msg, _ev(ctx, m.start(), m.end()))]
    return []


def _signer_form(ctx: Context, title: str | None) -> list[Finding]:
    lines = _blocks(ctx, "signature")
    forms = [(m, s, e) for t, s, e in lines if (m := FORM_LINE.match(t))]
    t = (title or "").lower()
    out: list[Finding] = []
    kinds = {m.group(1) for m, _, _ in forms}
    for m, s, e in forms:
        kind, of = m.group(1), m.group(2)
        ev = _ev(ctx, s, e)
        if kind == "KT" and title and not t.startswith("phó"):
            out.append(Finding("form.signer_form", "error",
                               f"“KT. {of}” là ký thay người đứng đầu: người ký phải là cấp phó, không phải “{title}”.", ev))  # fmt: skip
        elif kind == "TM" and not COLLECTIVE.search(of):
            out.append(Finding("form.signer_form", "error",
                               f"“TM. {of}”: ký thay mặt chỉ dùng cho tập thể lãnh đạo (Ủy ban, Ban, Hội đồng...).", ev))  # fmt: skip
        elif kind == "TM" and t.startswith("phó") and "KT" not in kinds:
            out.append(Finding("form.signer_form", "error",
                               f"Cấp phó ký thay mặt tập thể phải có “KT.” dưới “TM. {of}”.", ev))  # fmt: skip
        elif kind == "TL" and title and (t == of.lower() or t == "phó " + of.lower()):
            out.append(Finding("form.signer_form", "error",
                               f"“TL. {of}” là thừa lệnh: người ký là trưởng đơn vị được giao, không phải “{title}”.", ev))  # fmt: skip
    if not forms and t.startswith("phó"):
        out.append(Finding("form.signer_form", "warning",
                           f"Người ký là “{title}” (cấp phó) nhưng không có “KT.”.", _sig_ev(ctx, lines)))  # fmt: skip
    return out


def _sig_ev(ctx: Context, lines: list[tuple[str, int, int]]) -> Evidence | None:
    return _ev(ctx, lines[0][1], lines[-1][2]) if lines else None
