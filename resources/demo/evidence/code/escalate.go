// Package incident pages responders and starts the breach clock for {{APP}}.
// Owned by {{PARTNER}} Security Operations; implements sections 4 to 6 of the
// Incident Response Plan.
package incident

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Severity follows the Incident Response Plan.
type Severity int

const (
	SEV1 Severity = iota + 1 // confirmed breach of regulated data
	SEV2                     // active compromise, no confirmed data access
	SEV3                     // contained, single tenant
	SEV4                     // no customer impact
)

// Alert is what the SIEM posts to /hooks/security-alert.
type Alert struct {
	ID        string    `json:"id"`
	Rule      string    `json:"rule"`
	DataClass string    `json:"data_class"`
	Tenant    string    `json:"tenant"`
	SeenAt    time.Time `json:"seen_at"`
}

// regulatedData starts the 72-hour regulator clock (GDPR Art. 33) and the
// customer notice under the DPA when exposed.
var regulatedData = map[string]bool{"pii": true, "payment": true, "health": true, "credentials": true}

// RequiresNotification reports whether "event:data_class" must be notified.
func RequiresNotification(event string) bool {
	_, class, ok := strings.Cut(event, ":")
	return ok && regulatedData[class]
}

// Classify maps an alert to a severity.
func Classify(a Alert) Severity {
	switch {
	case RequiresNotification(a.Rule + ":" + a.DataClass):
		return SEV1
	case strings.HasPrefix(a.Rule, "auth."):
		return SEV2
	case a.Tenant != "":
		return SEV3
	default:
		return SEV4
	}
}

// Pager sends trigger events to the paging service's events API.
type Pager struct {
	Client     *http.Client
	EventsURL  string // from configuration
	RoutingKey string // from the secrets manager, never from the repository
}

// Escalate pages on-call for SEV1/SEV2 and returns the regulator deadline
// (zero when the incident does not start the clock).
func (p Pager) Escalate(ctx context.Context, a Alert) (time.Time, error) {
	sev := Classify(a)
	var deadline time.Time
	if sev == SEV1 {
		deadline = a.SeenAt.Add(72 * time.Hour)
	}
	if sev > SEV2 {
		return deadline, nil
	}
	body, err := json.Marshal(map[string]any{
		"routing_key":  p.RoutingKey,
		"event_action": "trigger",
		"dedup_key":    a.ID,
		"payload": map[string]any{
			"summary":   fmt.Sprintf("SEV%d %s (tenant %s)", sev, a.Rule, a.Tenant),
			"source":    "{{SLUG}}-siem",
			"severity":  "critical",
			"timestamp": a.SeenAt.UTC().Format(time.RFC3339),
		},
	})
	if err != nil {
		return deadline, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.EventsURL, bytes.NewReader(body))
	if err != nil {
		return deadline, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := p.Client.Do(req)
	if err != nil {
		return deadline, fmt.Errorf("incident: page %s: %w", a.ID, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusAccepted {
		return deadline, fmt.Errorf("incident: page %s: HTTP %d", a.ID, resp.StatusCode)
	}
	return deadline, nil
}

{{VECTORS}}
