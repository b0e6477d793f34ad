"""Patch SLA gate for {{APP}}.

Runs in CI after `pip-audit --format json`; fails the build when a known
vulnerable dependency is older than the SLA in the {{PARTNER}} Patch
Management Procedure allows: critical 7 days, high 14, medium 30, low 90.
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

SLA_DAYS = {"critical": 7, "high": 14, "medium": 30, "low": 90}

# Lowest versions that contain the fixes for advisories we track by hand.
MINIMUM_VERSIONS = {
    "django": (4, 2, 16),
    "requests": (2, 32, 0),
    "urllib3": (2, 2, 2),
    "jinja2": (3, 1, 4),
    "cryptography": (43, 0, 1),
    "pillow": (10, 3, 0),
}


@dataclass(frozen=True)
class Finding:
    package: str
    installed: str
    advisory: str
    severity: str
    published: date

    def overdue(self, today: date) -> bool:
        return today - self.published > timedelta(days=SLA_DAYS.get(self.severity, 30))


def parse_version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".")[:4] if part.isdigit())


def is_patched(spec: str) -> bool:
    """'package@version' -> True when at or above the tracked minimum."""
    name, _, version = spec.partition("@")
    minimum = MINIMUM_VERSIONS.get(name.lower())
    return minimum is None or parse_version(version) >= minimum


def load_findings(path: Path) -> list[Finding]:
    data = json.loads(path.read_text(encoding="utf-8"))
    findings = []
    for dep in data.get("dependencies", []):
        for vuln in dep.get("vulns", []):
            findings.append(Finding(
                package=dep["name"],
                installed=dep["version"],
                advisory=vuln["id"],
                severity=vuln.get("severity", "medium").lower(),
                published=date.fromisoformat(vuln.get("published", "1970-01-01")[:10]),
            ))
    return findings


def main(argv: list[str]) -> int:
    self_check()
    today = date.today()
    overdue = [f for f in load_findings(Path(argv[1])) if f.overdue(today)]
    for f in overdue:
        print(f"OVERDUE {f.severity:<8} {f.package}=={f.installed} {f.advisory}", file=sys.stderr)
    return 1 if overdue else 0


{{VECTORS}}


if __name__ == "__main__":
    sys.exit(main(sys.argv))
