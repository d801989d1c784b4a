"""DOCX read from its XML, safely: no entities resolved, decompression bounded.

Paragraphs come in order; tables keep their grid with merged cells (gridSpan, vMerge);
the two-column header table and the signature table of a Nghị định 30 letter become
header and signature zones read left column first; footnotes follow the body.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from lxml import etree

from docmine.builder import CellSpec, DocBuilder
from docmine.model import Document, ParseError
from docmine.zones import ZoneTagger, has_nd30_header, order_header

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_XML_BYTES = int(os.environ.get("DOCMINE_MAX_XML_BYTES", 64 * 1024 * 1024))
MAX_RATIO = 200  # uncompressed / compressed, beyond which a member is a zip bomb
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def read_member(z: zipfile.ZipFile, name: str, limit: int = MAX_XML_BYTES) -> bytes:
    """Read one zip member, stopping after ``limit`` bytes whatever its header claims."""
    info = z.getinfo(name)
    if info.file_size > limit or (info.compress_size and info.file_size / info.compress_size > MAX_RATIO
                                  and info.file_size > 1024 * 1024):  # fmt: skip
        raise ParseError(f"docx: {name} decompresses to {info.file_size} bytes: refusing a likely zip bomb")
    out = bytearray()
    with z.open(info) as f:
        while chunk := f.read(1 << 20):
            out += chunk
            if len(out) > limit:
                raise ParseError(f"docx: {name} decompresses past {limit} bytes: refusing a likely zip bomb")
    return bytes(out)


def parse_xml(data: bytes) -> etree._Element:
    """Parse XML with no DTD, no entities, no network; entity declarations are refused."""
    if b"<!ENTITY" in data or b"<!DOCTYPE" in data[:4096]:
        raise ParseError("docx: XML declares a DOCTYPE/entities (possible XXE); refused")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as e:
        raise ParseError(f"docx: broken XML: {e}") from None


def _para_text(p: etree._Element) -> str:
    parts: list[str] = []
    for el in p.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr", f"{W}footnoteReference", f"{W}noBreakHyphen"):
        tag = el.tag[len(W) :]
        if tag == "t":
            parts.append(el.text or "")
        elif tag == "tab":
            parts.append(" ")
        elif tag in ("br", "cr"):
            parts.append("\n")
        elif tag == "noBreakHyphen":
            parts.append("-")
        else:
            parts.append(str(el.get(f"{W}id", "")).translate(SUPERSCRIPT))
    return "".join(parts)


def _cell_text(tc: etree._Element) -> str:
    return "\n".join(_para_text(p) for p in tc.iter(f"{W}p"))


def _int(el: etree._Element | None, default: int = 1) -> int:
    try:
        return int(el.get(f"{W}val")) if el is not None else default  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default


def table_cells(tbl: etree._Element) -> list[CellSpec]:
    """Grid cells of a w:tbl with spans; vertically merged continuations extend the origin."""
    cells: list[CellSpec] = []
    origin: dict[int, CellSpec] = {}  # column -> cell whose vMerge is open
    for r, tr in enumerate(tbl.findall(f"{W}tr")):
        col = _int(tr.find(f"{W}trPr/{W}gridBefore"), 0)
        for tc in tr.findall(f"{W}tc"):
            pr = tc.find(f"{W}tcPr")
            span = _int(pr.find(f"{W}gridSpan") if pr is not None else None)
            vm = pr.find(f"{W}vMerge") if pr is not None else None
            if vm is not None and vm.get(f"{W}val") != "restart" and col in origin:
                origin[col].row_span = r - origin[col].row + 1
            else:
                c = CellSpec(_cell_text(tc), r, col, 1, span)
                cells.append(c)
                if vm is not None:
                    origin[col] = c
                else:
                    origin.pop(col, None)
            col += span
    return cells


def _zone_of_table(cells: list[CellSpec]) -> str | None:
    n_rows = max((c.row + c.row_span for c in cells), default=0)
    n_cols = max((c.col + c.col_span for c in cells), default=0)
    if n_rows > 4 or n_cols > 3:
        return None
    text = "\n".join(c.text for c in cells)
    if "Nơi nhận" in text or "NƠI NHẬN" in text:
        return "signature"
    if has_nd30_header(text.splitlines()) or "ngày" in text and "tháng" in text and "năm" in text:
        return "header"
    return None


def parse(path: Path) -> Document:
    try:
        z = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as e:
        raise ParseError(f"docx: not a valid zip archive ({e})") from None
    with z:
        names = set(z.namelist())
        if "word/document.xml" not in names:
            raise ParseError("docx: no word/document.xml (not a Word document)")
        if sum(i.file_size for i in z.infolist()) > 4 * MAX_XML_BYTES:
            raise ParseError("docx: archive decompresses too large: refusing a likely zip bomb")
        try:
            root = parse_xml(read_member(z, "word/document.xml"))
            notes = parse_xml(read_member(z, "word/footnotes.xml")) if "word/footnotes.xml" in names else None
        except RuntimeError as e:  # encrypted member
            raise ParseError(f"docx: cannot read archive member ({e})") from None
    body = root.find(f"{W}body")
    if body is None:
        raise ParseError("docx: document has no body")
    b = DocBuilder(str(path), "docx")
    items = list(_walk(body))
    first_paras = [_para_text(el) for kind, el in items[:20] if kind == "p"]
    tagger = ZoneTagger(has_header=has_nd30_header(first_paras))
    for kind, el in items:
        if kind == "p":
            t = _para_text(el)
            if t.strip():
                for line in t.split("\n"):
                    b.add(line, tagger.kind(line), sep="\n\n")
            continue
        cells = table_cells(el)
        zone = _zone_of_table(cells)
        if zone:
            if zone == "header":
                tagger.in_header = False
            if zone == "signature":
                tagger.in_signature = True
            cols: dict[int, list[str]] = {}
            for c in sorted(cells, key=lambda c: (c.col, c.row)):
                cols.setdefault(min(c.col, 1), []).extend(c.text.split("\n"))
            lines = (
                order_header(cols.get(0, []), cols.get(1, []))
                if zone == "header"
                else cols.get(0, []) + cols.get(1, [])
            )
            for line in lines:
                b.add(line, zone, sep="\n")
        else:
            b.add_table(cells)
    if notes is not None:
        for fn in notes.findall(f"{W}footnote"):
            fid = fn.get(f"{W}id", "")
            if fn.get(f"{W}type") or not fid.isdigit() or int(fid) <= 0:
                continue
            t = " ".join(_para_text(p) for p in fn.iter(f"{W}p"))
            b.add(fid.translate(SUPERSCRIPT) + " " + t, "footnote")
    return b.build()


def _walk(body: etree._Element):
    """Top-level paragraphs and tables in order, looking inside content controls."""
    for el in body:
        tag = el.tag[len(W) :] if isinstance(el.tag, str) and el.tag.startswith(W) else ""
        if tag == "p":
            yield "p", el
        elif tag == "tbl":
            yield "tbl", el
        elif tag == "sdt":
            content = el.find(f"{W}sdtContent")
            if content is not None:
                yield from _walk(content)
