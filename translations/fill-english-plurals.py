#!/usr/bin/env python3
"""Fills the English plural forms of assay_en.ts that lupdate left empty.

Texts are written in English with "(s)" where a count decides ("%n change(s)
waiting"); Qt shows the "(s)" unless a translation gives the real forms.
After `./dev build update_translations` adds a counted text, run this
(python3 translations/fill-english-plurals.py) and check the result: the
rule is "(s)" -> "" / "s", with the exceptions below where English needs more.
"""
import pathlib
import re
import sys

# Source text -> (one, many) where the "(s)" rule is not enough.
EXCEPTIONS = {
    "%Ln change(s) need attention": ("%Ln change needs attention", "%Ln changes need attention"),
}

path = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).with_name("assay_en.ts"))
text = path.read_text(encoding="utf-8")
pattern = re.compile(
    r'(<message numerus="yes">\s*<source>(?P<source>[^<]*)</source>\s*)'
    r'<translation type="unfinished">\s*<numerusform></numerusform>\s*<numerusform></numerusform>\s*</translation>',
    re.S)


def forms(match):
    source = match.group("source")
    one, many = EXCEPTIONS.get(source, (source.replace("(s)", ""), source.replace("(s)", "s")))
    return (match.group(1) + "<translation>\n            <numerusform>" + one + "</numerusform>\n"
            "            <numerusform>" + many + "</numerusform>\n        </translation>")


filled, count = pattern.subn(forms, text)
path.write_text(filled, encoding="utf-8")
print(f"{count} plural message(s) filled in {path}")
