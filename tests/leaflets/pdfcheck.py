"""Reading made PDFs the way a tester would: text per page, page sizes, fonts, QR codes."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from PIL import Image
from pypdf import PdfReader
from pyzbar.pyzbar import decode

MM = 72 / 25.4


def page_texts(pdf: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(pdf).pages]


def flat(text: str) -> str:
    """Text with all whitespace runs made one space: line breaks are layout, not content."""
    return re.sub(r"\s+", " ", text).strip()


def page_sizes_mm(pdf: Path) -> list[tuple[int, int]]:
    sizes = []
    for page in PdfReader(pdf).pages:
        box = page.mediabox
        sizes.append((round(float(box.width) / MM), round(float(box.height) / MM)))
    return sizes


def fonts_without_embedded_file(pdf: Path) -> list[str]:
    """Names of fonts used in the PDF whose glyphs are not inside the file."""
    missing = []
    for page in PdfReader(pdf).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else {}
            if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                missing.append(str(font.get("/BaseFont")))
    return missing


def qr_codes(pdf: Path, page: int, workdir: Path, dpi: int = 200) -> list[str]:
    """Every QR code zbar reads on a page rendered by poppler's pdftoppm."""
    prefix = workdir / f"{pdf.stem}-p{page}"
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(dpi),
            "-gray",
            "-png",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(prefix),
        ],
        check=True,
    )
    with Image.open(prefix.with_suffix(".png")) as image:
        return [found.data.decode("utf-8") for found in decode(image) if found.type == "QRCODE"]
