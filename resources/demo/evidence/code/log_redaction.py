"""Log redaction for {{APP}}: secrets and personal data never reach log storage.

Attached to the root logger of every service (see logging.yaml).
Owner: {{PARTNER}} platform security.
"""
from __future__ import annotations

import logging
import re

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("aws_access_key", re.compile(r"AKIA[0-9A-Z]{16}")),
    ("github_token", re.compile(r"gh[pousr]_[A-Za-z0-9]{36}")),
    ("stripe_key", re.compile(r"sk_(?:live|test)_[0-9a-zA-Z]{24,}")),
    ("slack_token", re.compile(r"xox[baprs]-[0-9A-Za-z-]{10,}")),
    ("private_key", re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----")),
    ("credential_param", re.compile(r"(?i)(?:password|passwd|secret|api_key)=[^&\s]{8,}")),
    ("email", re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")),
    ("card_number", re.compile(r"\b(?:\d[ -]?){13,19}\b")),
]


def contains_sensitive(text: str) -> bool:
    return any(pattern.search(text) for _, pattern in PATTERNS)


def redact(text: str) -> str:
    for name, pattern in PATTERNS:
        text = pattern.sub(f"[REDACTED:{name}]", text)
    return text


class RedactingFilter(logging.Filter):
    """Redacts the message and the string arguments of every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(str(record.msg))
        if isinstance(record.args, dict):
            record.args = {k: redact(v) if isinstance(v, str) else v for k, v in record.args.items()}
        elif record.args:
            record.args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
        return True


def install(logger: logging.Logger | None = None) -> None:
    target = logger or logging.getLogger()
    # On the handlers too: records from child loggers skip the parent's filters.
    for handler in target.handlers:
        handler.addFilter(RedactingFilter())
    target.addFilter(RedactingFilter())


{{VECTORS}}
