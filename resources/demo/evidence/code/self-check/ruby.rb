# Regression vectors: every bypass found in code review, penetration tests and the bug bounty is added here; the self-check runs in CI and at startup.
CASES = [
@ROWS@].freeze

def self.self_check!
  CASES.each do |value, expected|
    raise "policy regression: #{value}" unless @CHECKER@(value) == expected
  end
end
