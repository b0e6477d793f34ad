// Regression vectors: every bypass found in code review, penetration tests and the bug bounty is added here; the self-check runs in CI and at startup.
var cases = []struct {
	value string
	want  bool
}{
@ROWS@}

// SelfCheck fails when the policy no longer rejects a known bypass.
func SelfCheck() error {
	for _, c := range cases {
		if got := @CHECKER@(c.value); got != c.want {
			return fmt.Errorf("policy regression for %q: got %v, want %v", c.value, got, c.want)
		}
	}
	return nil
}
