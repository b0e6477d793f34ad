// Regression vectors: every bypass found in code review, penetration tests and the bug bounty is added here; the self-check runs in CI and at startup.
private const CASES = [
@ROWS@];

public static function selfCheck(): void
{
    foreach (self::CASES as [$value, $expected]) {
        if (@CHECKER@($value) !== $expected) {
            throw new \RuntimeException("policy regression: {$value}");
        }
    }
}
