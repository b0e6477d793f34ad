// Package authz enforces MFA for {{PARTNER}} staff on the {{APP}} admin console.
// The identity provider asserts how the user signed in (the "amr" claim,
// RFC 8176); the console refuses sessions without a strong second factor and
// asks for step-up when the last MFA is older than MaxMFAAge.
package authz

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// MaxMFAAge bounds how long privileged actions may rely on one MFA prompt.
const MaxMFAAge = 12 * time.Hour

// sms and tel are not listed: the MFA policy does not accept them.
var strongMethods = map[string]bool{"hwk": true, "swk": true, "otp": true, "sc": true, "pop": true}

// Claims are the verified ID token claims the session middleware stores.
type Claims struct {
	Subject  string
	Email    string
	AMR      []string
	AuthTime time.Time
	Groups   []string
}

type claimsKey struct{}

// SatisfiesMFA reports whether an amr claim ("amr=pwd,otp") shows a strong factor.
func SatisfiesMFA(amr string) bool {
	for _, m := range strings.Split(strings.TrimPrefix(amr, "amr="), ",") {
		if strongMethods[strings.ToLower(strings.TrimSpace(m))] {
			return true
		}
	}
	return false
}

// RequireMFA wraps the admin handlers.
func RequireMFA(next http.Handler, loginURL string, now func() time.Time) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, ok := r.Context().Value(claimsKey{}).(*Claims)
		if !ok {
			http.Redirect(w, r, loginURL, http.StatusFound)
			return
		}
		if !SatisfiesMFA(strings.Join(c.AMR, ",")) {
			http.Error(w, "multi-factor authentication required", http.StatusForbidden)
			return
		}
		if now().Sub(c.AuthTime) > MaxMFAAge {
			// max_age=0 makes the identity provider prompt again.
			q := url.Values{"prompt": {"login"}, "max_age": {"0"}, "acr_values": {"phr"}, "return_to": {r.URL.RequestURI()}}
			http.Redirect(w, r, loginURL+"?"+q.Encode(), http.StatusFound)
			return
		}
		next.ServeHTTP(w, r)
	})
}

{{VECTORS}}
