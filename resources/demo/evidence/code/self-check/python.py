# Regression vectors: every bypass found in code review, penetration tests and the bug bounty is added here; the self-check runs in CI and at startup.
CASES = [
@ROWS@]


def self_check() -> None:
    failures = [value for value, expected in CASES if @CHECKER@(value) is not expected]
    if failures:
        raise AssertionError(f"policy regressions: {failures!r}")
