// Package tenantdb scopes every database session of {{APP}} to one tenant.
// PostgreSQL row-level security does the filtering; this package makes sure
// the tenant it filters on comes from the verified token, not the request.
// Owner: {{PARTNER}} platform security.
package tenantdb

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"example.com/{{SLUG}}/internal/auth"
)

var tenantPath = regexp.MustCompile(`^/tenants/([a-z0-9_-]+)(/.*)?$`)

type ctxKey struct{}

// ErrNoTenant is returned when a query runs outside a tenant-scoped request.
var ErrNoTenant = errors.New("tenantdb: no tenant in context")

// Middleware refuses requests whose path names another tenant and stores the
// token's tenant in the request context.
func Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		claims, ok := auth.ClaimsFrom(r.Context())
		if !ok {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		if !MayAccess(claims.TenantID + ":" + r.URL.Path) {
			http.NotFound(w, r) // do not confirm that the other tenant exists
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, claims.TenantID)))
	})
}

// MayAccess reports whether a caller of a tenant may touch a path ("tenant:path").
func MayAccess(tenantAndPath string) bool {
	tenant, path, ok := strings.Cut(tenantAndPath, ":")
	if !ok || tenant == "" {
		return false
	}
	m := tenantPath.FindStringSubmatch(path)
	return m == nil || m[1] == tenant
}

// WithTenant runs fn in a transaction whose RLS policies see app.tenant_id.
func WithTenant(ctx context.Context, pool *pgxpool.Pool, fn func(pgx.Tx) error) error {
	tenant, ok := ctx.Value(ctxKey{}).(string)
	if !ok || tenant == "" {
		return ErrNoTenant
	}
	return pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		// set_config(..., true) is transaction-local: a pooled connection never
		// carries one tenant's setting into another tenant's request.
		if _, err := tx.Exec(ctx, "SELECT set_config('app.tenant_id', $1, true)", tenant); err != nil {
			return fmt.Errorf("tenantdb: scope session: %w", err)
		}
		return fn(tx)
	})
}

{{VECTORS}}
