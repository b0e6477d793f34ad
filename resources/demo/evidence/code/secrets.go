// Package secrets loads {{APP}}'s credentials at startup from AWS Secrets
// Manager. Nothing secret lives in the repository, the image or environment
// variables; ScanEnvironment refuses to boot if it finds one there.
// Owner: {{PARTNER}} platform security.
package secrets

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
)

// Config holds what the service needs; it is never logged or serialized.
type Config struct {
	DatabaseURL   string `json:"database_url"`
	StripeKey     string `json:"stripe_key"`
	SigningKeyPEM string `json:"signing_key_pem"`
}

// String keeps secrets out of logs even when a Config is printed by mistake.
func (Config) String() string { return "secrets.Config{redacted}" }

var secretPatterns = []*regexp.Regexp{
	regexp.MustCompile(`AKIA[0-9A-Z]{16}`),
	regexp.MustCompile(`gh[pousr]_[A-Za-z0-9]{36}`),
	regexp.MustCompile(`sk_(live|test)_[0-9a-zA-Z]{24,}`),
	regexp.MustCompile(`xox[baprs]-[0-9A-Za-z-]{10,}`),
	regexp.MustCompile(`-----BEGIN [A-Z ]*PRIVATE KEY-----`),
	regexp.MustCompile(`(?i)(password|passwd|secret|api_key)=[^&\s]{8,}`),
}

// LooksLikeSecret reports whether a value matches a known credential format.
func LooksLikeSecret(value string) bool {
	for _, p := range secretPatterns {
		if p.MatchString(value) {
			return true
		}
	}
	return false
}

// Load fetches the secret named by SECRET_ID (an ARN, not a value).
func Load(ctx context.Context, client *secretsmanager.Client) (*Config, error) {
	id := os.Getenv("SECRET_ID")
	if id == "" {
		return nil, fmt.Errorf("secrets: SECRET_ID not set")
	}
	out, err := client.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String(id)})
	if err != nil {
		return nil, fmt.Errorf("secrets: get %s: %w", id, err)
	}
	var cfg Config
	if err := json.Unmarshal([]byte(aws.ToString(out.SecretString)), &cfg); err != nil {
		return nil, fmt.Errorf("secrets: decode %s: %w", id, err)
	}
	return &cfg, nil
}

// ScanEnvironment refuses to start when a credential was passed in an env var.
func ScanEnvironment() error {
	for _, kv := range os.Environ() {
		name, value, _ := strings.Cut(kv, "=")
		if LooksLikeSecret(value) {
			return fmt.Errorf("secrets: environment variable %s holds a credential; use Secrets Manager", name)
		}
	}
	return nil
}

{{VECTORS}}
