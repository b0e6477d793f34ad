// Regression vectors: every bypass found in code review, penetration tests and the bug bounty is added here; the self-check runs in CI and at startup.
static final Object[][] CASES = {
@ROWS@};

static void selfCheck() {
    for (Object[] c : CASES) {
        if (@CHECKER@((String) c[0]) != (Boolean) c[1]) {
            throw new IllegalStateException("policy regression: " + c[0]);
        }
    }
}
