// Regression vectors: every bypass found in code review, penetration tests and the bug bounty is added here; the self-check runs in CI and at startup.
private static readonly (string Value, bool Expected)[] Cases =
{
@ROWS@};

public static void SelfCheck()
{
    foreach (var (value, expected) in Cases)
    {
        if (@CHECKER@(value) != expected)
            throw new InvalidOperationException($"policy regression: {value}");
    }
}
