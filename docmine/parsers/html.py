"""HTML news pages: trafilatura finds the main text (no navigation, ads or related links),
the headline and the publication date; paragraphs, headings, lists and tables are kept.
"""

from __future__ import annotations

from pathlib import Path

import trafilatura
from lxml import etree

from docmine.builder import CellSpec, DocBuilder
from docmine.model import Document, ParseError
from docmine.parsers.text import decode, decoding_warning
from docmine.zones import ZoneTagger


def parse(path: Path) -> Document:
    data = path.read_bytes()
    html, encoding = decode(data)
    xml = trafilatura.extract(html, output_format="xml", include_tables=True, include_comments=False,
                              with_metadata=True, favor_precision=True)  # fmt: skip
    if not xml:
        raise ParseError("html: no main text found in the page")
    root = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True))
    b = DocBuilder(str(path), "html")
    if encoding not in ("utf-8", "utf-16"):
        b.warnings.append(decoding_warning(encoding, html, data))
    title = root.get("title")
    published = root.get("date")
    b.title, b.published = title, published
    if title:
        b.add(title, "heading")
    if published:
        b.add(published, "furniture")
    tagger = ZoneTagger(has_header=False)
    main = root.find("main")
    for el in (main if main is not None else root).iter("p", "head", "item", "table", "quote"):
        if el.tag == "table":
            cells = [CellSpec(" ".join(c.itertext()), r, k) for r, row in enumerate(el.iter("row"))
                     for k, c in enumerate(row.iter("cell"))]  # fmt: skip
            b.add_table(cells)
        elif el.getparent() is not None and el.getparent().tag == "cell":
            continue
        else:
            t = " ".join("".join(el.itertext()).split())
            if title and t == title:
                continue
            kind = "heading" if el.tag == "head" else "list_item" if el.tag == "item" else tagger.kind(t)
            b.add(t, kind)
    return b.build()
