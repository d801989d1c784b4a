"""Form (Nghị định 30/2020/NĐ-CP, Phụ lục I): quốc hiệu and tiêu ngữ, issuing body, number and
date (blank in a draft), a symbol that fits the type, trích yếu, kính gửi of a công văn,
nơi nhận, signer title and name, and the KT. / TL. / TM. forms.

News reports (``Tin bài``) are not letters: they get no form findings.
"""

from __future__ import annotations

import re

from docmine.checks import layout
from docmine.checks.base import Context, Finding
from docmine.facts import Evidence
from extractors.document import TITLE_MAP, issuer_of

# Phụ lục III of Nghị định 30/2020: the abbreviation of each type in a number's symbol
TYPE_CODES = {
    "Nghị quyết": "NQ", "Quyết định": "QĐ", "Chỉ thị": "CT", "Quy chế": "QC", "Quy định": "QyĐ",
    "Thông cáo": "TC", "Thông báo": "TB", "Hướng dẫn": "HD", "Chương trình": "CTr", "Kế hoạch": "KH",
    "Phương án": "PA", "Đề án": "ĐA", "Dự án": "DA", "Báo cáo": "BC", "Biên bản": "BB", "Tờ trình": "TTr",
    "Hợp đồng": "HĐ", "Công điện": "CĐ", "Bản ghi nhớ": "GN", "Bản thỏa thuận": "TTr", "Giấy ủy quyền": "UQ",
    "Giấy mời": "GM", "Giấy giới thiệu": "GGT", "Giấy nghỉ phép": "NP", "Phiếu gửi": "PG",
    "Phiếu chuyển": "PC", "Phiếu báo": "PB", "Kết luận": "KL",
}  # fmt: skip
CODE_TYPES = {v: k for k, v in TYPE_CODES.items()}


def _ev(ctx: Context, start: int, end: int) -> Evidence:
    return Evidence.of(ctx.doc, start, end)


def check(ctx: Context) -> list[Finding]:
    info = ctx.info
    if info is None:
        return []
    doc, out = ctx.doc, []
    h = layout.header(doc)
    sig = layout.signature(doc)
    if info.doc_type == "Tin bài" and not (h.title and sig.has_cc):
        return []  # a news text; a letter that lost its header still has its type name and its nơi nhận
    doc_type = TITLE_MAP.get(h.title or "", info.doc_type) if h.title else info.doc_type
    if h.quoc_hieu is None:
        out.append(
            Finding("form.quoc_hieu", "error", "Thiếu Quốc hiệu “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM”.")
        )
    if h.tieu_ngu is None:
        out.append(Finding("form.tieu_ngu", "error", "Thiếu Tiêu ngữ “Độc lập - Tự do - Hạnh phúc”."))
    if issuer_of(doc, is_letter=False)[0] is None:
        out.append(
            Finding(
                "form.issuer", "error", "Thiếu tên cơ quan, tổ chức ban hành văn bản ở góc trên bên trái."
            )
        )
    out += _number(ctx, h, doc_type)
    out += _date(ctx, h)
    if not (h.vv or (layout.trich_yeu(doc, h) if h.title else info.subject)):
        what = "trích yếu nội dung (V/v ...)" if doc_type == "Công văn" else "tên loại và trích yếu nội dung"
        out.append(Finding("form.trich_yeu", "error", f"Thiếu {what}."))
    if doc_type == "Công văn" and not info.recipients and not h.kinh_gui:
        out.append(Finding("form.kinh_gui", "error", "Công văn thiếu phần “Kính gửi”."))
    if not sig.has_cc:
        out.append(Finding("form.noi_nhan", "error", "Thiếu phần “Nơi nhận”."))
    out += _signer(ctx, sig)
    return out


# committees led by a Trưởng ban (not a Ban cán sự đảng's Bí thư, nor a Ban quản lý dự án's Giám đốc)
_COMMITTEE = re.compile(r"BAN (?:CHỈ ĐẠO|TỔ CHỨC|ĐIỀU HÀNH|SOẠN THẢO|VẬN ĐỘNG)\b")


def _unread(ctx: Context, field: str) -> bool:
    """True when OCR could not read this field of a scan (handwritten into the form): not a draft."""
    return ctx.info is not None and field in ctx.info.unread


def _number(ctx: Context, h: layout.Header, doc_type: str | None) -> list[Finding]:
    m = h.number
    if m is None:
        return [Finding("form.number", "error", "Thiếu số, ký hiệu của văn bản (“Số: .../...”).")]
    ev = _ev(ctx, m.start(), m.end())
    out = []
    if not re.search(r"\d", m.group("num")) and _unread(ctx, "number"):
        out.append(Finding("form.number_unread", "warning", "Số văn bản trên bản quét không đọc được (viết tay, "
                           "mờ hoặc để trống): cần đối chiếu bản gốc.", ev))  # fmt: skip
    elif not re.search(r"\d", m.group("num")):
        out.append(Finding("form.number_blank", "warning", "Số văn bản để trống: văn bản còn là dự thảo, "
                           "số được cấp khi phát hành.", ev))  # fmt: skip
    sym = m.group("sym")
    code = re.split(r"[-/]", sym)[0] if sym else ""
    expected = TYPE_CODES.get(doc_type or "")
    if h.title and expected and code != expected and code in CODE_TYPES:
        msg = f"Ký hiệu “{sym}” không hợp với loại văn bản {doc_type} (phải là {expected}-...)."
        out.append(Finding("form.symbol_type", "error", msg, ev))
    elif not h.title and doc_type == "Công văn" and code in CODE_TYPES:
        msg = (
            f"Công văn mang ký hiệu “{code}” của loại {CODE_TYPES[code]}: ký hiệu công văn không có tên loại."
        )
        out.append(Finding("form.symbol_type", "error", msg, ev))
    return out


def _date(ctx: Context, h: layout.Header) -> list[Finding]:
    m = h.date
    if m is None:
        msg = "Thiếu địa danh và thời gian ban hành (“..., ngày ... tháng ... năm ...”)."
        return [Finding("form.date", "error", msg)]
    parts = (("ngày", m.group("d")), ("tháng", m.group("m")), ("năm", m.group("y")))
    blank = [name for name, g in parts if g is not None and not re.search(r"\d", g)]
    if blank and _unread(ctx, "date"):
        msg = f"Ngày ban hành trên bản quét không đọc được ({', '.join(blank)}): cần đối chiếu bản gốc."
        return [Finding("form.date_unread", "warning", msg, _ev(ctx, m.start(), m.end()))]
    if blank:
        msg = f"Ngày ban hành để trống ({', '.join(blank)}): văn bản còn là dự thảo."
        return [Finding("form.date_blank", "warning", msg, _ev(ctx, m.start(), m.end()))]
    return []


def _signer(ctx: Context, sig: layout.Signature) -> list[Finding]:
    """Title, name and the KT./TM./TL. forms, read from the signature zone's pieces."""
    info = ctx.info
    out: list[Finding] = []
    title, name = sig.title, sig.name
    if sig.start is None:  # no zone found: what the document extractor read, if anything
        title, name = info.signer_title, info.signer_name
    # a digitally signed scan whose block is an image has a stamp and no signer's text: nothing is lost;
    # a block read as text (a form and a name) with no title between them has lost its title
    if not title and (not sig.stamp or (sig.forms and name)):
        out.append(Finding("form.signer_title", "error", "Thiếu chức vụ của người ký."))
    if not name and not sig.stamp:
        out.append(Finding("form.signer_name", "error", "Thiếu họ tên của người ký."))
    t = (title or "").upper()
    kinds = {f.kind for f in sig.forms}
    for f in (
        sig.forms
    ):  # a committee signs by its head or deputy: "TM. BAN CHỈ ĐẠO / PHÓ TRƯỞNG BAN / PHÓ CHỦ TỊCH UBND"
        if f.kind == "TM" and _COMMITTEE.match(f.of) and t and not any("TRƯỞNG BAN" in x for x in sig.titles):
            msg = f"Ký “TM. {f.of}” nhưng thiếu chức vụ trong Ban của người ký (Trưởng ban / Phó Trưởng ban)."
            out.append(Finding("form.signer_title", "error", msg, _ev(ctx, f.piece.start, f.piece.end)))
    for f in sig.forms:
        ev = _ev(ctx, f.piece.start, f.piece.end)
        if f.kind == "KT" and t and layout.head_title(t):
            out.append(Finding("form.signer_form", "error",
                               f"“KT. {f.of}” là ký thay người đứng đầu: người ký phải là cấp phó, không phải “{title}”.", ev))  # fmt: skip
        elif f.kind == "TM" and f.of and not layout.COLLECTIVE.search(f.of):
            out.append(Finding("form.signer_form", "error",
                               f"“TM. {f.of}”: ký thay mặt chỉ dùng cho tập thể lãnh đạo (Ủy ban, Ban, Hội đồng...).", ev))  # fmt: skip
        elif (
            f.kind == "TM"
            and t
            and layout.is_deputy(t)
            and "KT" not in kinds
            and re.search(r"ỦY BAN|UỶ BAN|HỘI ĐỒNG", f.of)
        ):
            out.append(Finding("form.signer_form", "warning",
                               f"Cấp phó ký thay mặt tập thể thường có “KT.” dưới “TM. {f.of}”.", ev))  # fmt: skip
        elif f.kind == "TL" and t and (t == f.of.upper() or layout.deputy_of(t, f.of)) and "KT" not in kinds:
            out.append(Finding("form.signer_form", "error",
                               f"“TL. {f.of}” là thừa lệnh: người ký là trưởng đơn vị được giao, không phải “{title}”.", ev))  # fmt: skip
    if not sig.forms and t and layout.is_deputy(t):
        p = sig.title_piece
        out.append(Finding("form.signer_form", "warning", f"Người ký là “{title}” (cấp phó) nhưng không có “KT.”.",
                           _ev(ctx, p.start, p.end) if p else None))  # fmt: skip
    return out
