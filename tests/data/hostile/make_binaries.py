#!/usr/bin/env python3
"""Writes the non-HTML part of the hostile corpus (PDF, PNG, ELF, text).

The files are committed; this script says exactly what is in them and makes
them again byte for byte: python3 make_binaries.py (in this folder).
"""
import struct
import zlib


def pdf(objects, trailer_extra=b""):
    """A PDF with a correct cross-reference table from a list of object bodies."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer_extra, xref)
    return bytes(out)


def pdf_with_actions():
    # Every address is 127.0.0.1:65009: a test puts its canary's port (five
    # digits too) in its place, byte for byte, so the cross-reference table
    # stays right.
    # Text that the page shows (and a secret the finder must see: page 1).
    content = (b"BT /F1 18 Tf 72 720 Td (Penetration test summary) Tj ET\n"
               b"BT /F1 12 Tf 72 690 Td (Click here: http://127.0.0.1:65009/pdf-uri-canary) Tj ET\n"
               b"BT /F1 12 Tf 72 670 Td (Or here: run the document's JavaScript) Tj ET\n"
               b"BT /F1 12 Tf 72 650 Td (db: postgres://admin:Tr0ub4dor-x9@db.internal:5432/app) Tj ET\n")
    return pdf([
        # 1 catalog: an OpenAction running JavaScript, document-level JavaScript,
        # an AcroForm whose field submits itself.
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R /Names << /JavaScript << /Names [(boot) 6 0 R] >> >>"
        b" /AcroForm << /Fields [9 0 R] >> /AA << /WC 6 0 R >> >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        # 3 the page: annotations with a URI action, a JavaScript action, a launch action;
        # the page's open action submits the form.
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> /Annots [7 0 R 8 0 R 9 0 R 10 0 R] /AA << /O 11 0 R >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        # 6 the JavaScript: would call out and change the page if it ran.
        b"<< /Type /Action /S /JavaScript /JS (app.alert('pdf-js-ran'); this.submitForm('http://127.0.0.1:65009/pdf-js-canary');"
        b" app.launchURL('http://127.0.0.1:65009/pdf-launch-canary', true);) >>",
        b"<< /Type /Annot /Subtype /Link /Rect [72 685 400 705] /Border [0 0 1]"
        b" /A << /S /URI /URI (http://127.0.0.1:65009/pdf-uri-canary) >> >>",
        b"<< /Type /Annot /Subtype /Link /Rect [72 665 400 685] /Border [0 0 1] /A 6 0 R >>",
        # 9 a text field whose value change submits the form.
        b"<< /Type /Annot /Subtype /Widget /FT /Tx /T (name) /V (x) /Rect [72 600 300 620] /P 3 0 R"
        b" /AA << /K << /S /SubmitForm /F << /FS /URL /F (http://127.0.0.1:65009/pdf-form-canary) >> >> >> >>",
        b"<< /Type /Annot /Subtype /Link /Rect [72 560 400 580]"
        b" /A << /S /Launch /F (/bin/sh) /Win << /F (cmd.exe) /P (/c calc) >> >> >>",
        b"<< /Type /Action /S /SubmitForm /F << /FS /URL /F (http://127.0.0.1:65009/pdf-open-canary) >> >>",
    ])


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(width, height, idat, color_type=6):
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0))
            + png_chunk(b"IDAT", idat) + png_chunk(b"IEND", b""))


def bomb_png():
    # 65535 × 65535 RGBA: 16 GiB once decoded, from a file of a few hundred
    # bytes (the first rows of zeros; a decoder allocates before it learns
    # the data ends).
    return png(65535, 65535, zlib.compress(b"\x00" * (65535 * 4 + 1) * 4, 9))


def small_png():
    # 64 × 64 RGB: a diagonal gradient, every row filter 0.
    rows = b"".join(b"\x00" + b"".join(bytes(((x * 4) & 255, (y * 4) & 255, ((x + y) * 2) & 255)) for x in range(64))
                    for y in range(64))
    return png(64, 64, zlib.compress(rows, 9), color_type=2)


def elf():
    # A 64-bit little-endian x86-64 executable header and a few bytes of code
    # (exit(0)); named .cpp in the corpus. Never run.
    code = b"\x48\x31\xff\xb8\x3c\x00\x00\x00\x0f\x05"  # xor rdi,rdi; mov eax,60; syscall
    header = (b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8
              + struct.pack("<HHIQQQIHHHHHH", 2, 0x3E, 1, 0x400078, 64, 0, 0, 64, 56, 1, 0, 0, 0))
    program = struct.pack("<IIQQQQQQ", 1, 5, 0, 0x400000, 0x400000, 120 + len(code), 120 + len(code), 0x1000)
    return header + program + code + b"\x00" * 6


def invalid_utf8():
    return (b"Build log with broken encoding\n"
            b"lone continuation: \x80\x81 end\n"
            b"overlong slash: \xc0\xaf and NUL \xc0\x80\n"
            b"surrogate half: \xed\xa0\x80 end\n"
            b"truncated sequence: \xe2\x82 end\n"
            b"invalid bytes: \xfe\xff\xf8\x88\x80\x80\x80 end\n"
            b"Latin-1, not UTF-8: caf\xe9 na\xefve\n"
            b"after all that, a secret: AKIAZ3MSJV5QH4PLOWCB with secret in the next line\n"
            b"and valid UTF-8 still: \xc3\xa9\xe2\x82\xac\xf0\x9f\x94\x91\n")


def main():
    files = {
        "pdf-actions.pdf": pdf_with_actions(),
        "pdf-truncated.pdf": pdf_with_actions()[:700],
        "png-bomb.png": bomb_png(),
        "png-truncated.png": small_png()[:300],
        "png-named.txt": small_png(),
        "elf-named.cpp": elf(),
        "text-named.pdf": b"This is not a PDF; the name says it is.\n",
        "invalid-utf8.log": invalid_utf8(),
        "empty.txt": b"",
    }
    for name, data in files.items():
        with open(name, "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
