"""Small PDFs written byte by byte for the tests: a text layer whose ToUnicode map the test chooses
(surrogate halves, control characters, any code point), annotations without a form, long tables.

>>> make_pdf([b"BT /F1 12 Tf 72 700 Td (Hello) Tj ET"]).startswith(b"%PDF-1.7")
True
"""

from __future__ import annotations


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def to_unicode(codes: dict[int, str]) -> bytes:
    """A ToUnicode CMap sending each one-byte code to the UTF-16 code units given as hex (``"D835DC00"``)."""
    lines = b"".join(b"<%02X> <%s>\n" % (c, u.encode()) for c, u in sorted(codes.items()))
    return (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T def\n"
            b"1 begincodespacerange <00> <FF> endcodespacerange\n"
            b"%d beginbfchar\n" % len(codes) + lines + b"endbfchar\n"
            b"endcmap CMapName currentdict /CMap defineresource pop end end")  # fmt: skip


def make_pdf(
    pages: list[bytes],
    *,
    cmap: dict[int, str] | None = None,
    annotation: bytes | None = None,
    xref: bool = True,
) -> bytes:
    """A PDF with one page per content stream (Helvetica as /F1, its ToUnicode from ``cmap``), an
    optional annotation on page 1 whose appearance draws ``annotation`` (no AcroForm), and a correct
    cross-reference table (or none at all with ``xref=False``)."""
    n = len(pages)
    font = 3 + 2 * n
    objs: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>",
                         b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % (3 + 2 * i) for i in range(n)), n)]  # fmt: skip
    extra = {}
    if annotation is not None:
        extra[0] = b" /Annots [%d 0 R]" % (font + 2)
    for i, content in enumerate(pages):
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                    b"/Resources << /Font << /F1 %d 0 R >> >>%s >>" % (4 + 2 * i, font, extra.get(i, b"")))  # fmt: skip
        objs.append(_stream(content))
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica%s >>"
                % (b" /ToUnicode %d 0 R" % (font + 1) if cmap else b""))  # fmt: skip
    objs.append(_stream(to_unicode(cmap or {0x41: "0041"})))
    if annotation is not None:
        objs.append(b"<< /Type /Annot /Subtype /FreeText /Rect [72 600 400 620] /DA (/F1 10 Tf 0 g) "
                    b"/AP << /N %d 0 R >> >>" % (font + 3))  # fmt: skip
        objs.append(_stream(annotation, b"/Type /XObject /Subtype /Form /BBox [0 0 328 20] "
                                        b"/Resources << /Font << /F1 %d 0 R >> >>" % font))  # fmt: skip
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    if xref:
        at = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
        out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
        out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, at)
    return bytes(out)


def text_op(s: bytes, x: int = 72, y: int = 700, size: int = 12) -> bytes:
    """Content that shows the bytes ``s`` (parentheses and backslashes escaped) at (x, y)."""
    s = s.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return b"BT /F1 %d Tf %d %d Td (%s) Tj ET" % (size, x, y, s)


def scan_pdf(lines: list[str], hidden: list[str], font: str, dpi: int = 200) -> bytes:
    """A one-page A4 PDF showing ``lines`` as a picture (drawn with the TrueType ``font``) under an
    invisible text layer of ``hidden`` (Helvetica, WinAnsi: characters outside cp1252 become ``?``),
    like a scan whose OCR layer was made by another engine."""
    import zlib

    from PIL import Image, ImageDraw, ImageFont

    w, h = int(595 * dpi / 72), int(842 * dpi / 72)
    img = Image.new("L", (w, h), 255)
    draw = ImageDraw.Draw(img)
    face = ImageFont.truetype(font, int(12 * dpi / 72))
    for i, t in enumerate(lines):
        draw.text((int(72 * dpi / 72), int((72 + 18 * i) * dpi / 72)), t, fill=0, font=face)
    text = b"".join(
        text_op(t.encode("cp1252", errors="replace"), 72, 770 - 18 * i, 12).replace(b"BT ", b"BT 3 Tr ")
        for i, t in enumerate(hidden)
    )
    content = b"q 595 0 0 842 0 0 cm /Im1 Do Q " + text
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>",
            _stream(content),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            _stream(zlib.compress(img.tobytes()), b"/Type /XObject /Subtype /Image /Width %d /Height %d "
                    b"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode" % (w, h))]  # fmt: skip
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, at)
    return bytes(out)
