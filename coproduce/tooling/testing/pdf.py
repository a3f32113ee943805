"""Looking inside the PDFs the project makes (WeasyPrint compresses its objects)."""

from __future__ import annotations

import re
import zlib


def pdf_objects(pdf: bytes) -> bytes:
    """The PDF's objects with its compressed streams opened (objects may sit in streams)."""
    opened = [pdf]
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.DOTALL):
        try:
            opened.append(zlib.decompress(stream))
        except zlib.error:
            continue
    return b"\n".join(opened)


def assert_tagged_pdf(pdf: bytes) -> None:
    """A tagged PDF declaring PDF/UA-1, with its language: readable by screen readers."""
    assert pdf.startswith(b"%PDF-")
    objects = pdf_objects(pdf)
    assert b"/StructTreeRoot" in objects
    assert b"/Lang" in objects
    assert b"pdfuaid" in objects
