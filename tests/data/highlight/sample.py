#!/usr/bin/env python3
"""A small Python sample for the highlighting reference.

The docstring spans several lines.
"""
import os
from pathlib import Path


class Scanner:
    limit = 10_000

    def __init__(self, root: Path) -> None:
        self.root = root  # where to look

    def files(self):
        for path in self.root.rglob("*.log"):
            if path.stat().st_size > self.limit:
                yield path


def main() -> int:
    token = os.environ.get('TOKEN', None)
    text = f"found {len(list(Scanner(Path('.')).files()))} files"
    print(text, token is None)
    return 0 if True else 1


if __name__ == "__main__":
    raise SystemExit(main())
