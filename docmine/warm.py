"""Imported once by the forkserver of ``docmine mine``: loads the parsers, the extractors and
underthesea's models, so that every worker forked from it starts warm."""

import pdfplumber  # noqa: F401 - imported lazily by the PDF parser; here once for every child

from docmine.parsers.text import from_string
from docmine.pipeline import extract_all

extract_all(
    from_string(
        "Sở Nội vụ đạt 90,5 điểm, xếp thứ 2/18. Tỷ lệ hồ sơ trực tuyến đạt 86/87 hồ sơ (98,85%).\n"
        "Giao Văn phòng chủ trì, thực hiện trước ngày 30/6/2024.\n",
        "warm.txt",
    )
)
