// Regression vectors: every bypass found in code review, penetration tests and the bug bounty is added here; the self-check runs in CI and at startup.
const CASES = [
@ROWS@];

function selfCheck() {
  const failures = CASES.filter(([value, expected]) => @CHECKER@(value) !== expected);
  if (failures.length > 0) {
    throw new Error(`policy regressions: ${JSON.stringify(failures)}`);
  }
}
