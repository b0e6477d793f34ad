// {{APP}} - tenant isolation for every request that reaches a repository.
// Owner: {{PARTNER}} platform security.
package com.{{IDENT}}.security.tenancy;

import jakarta.persistence.EntityManager;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.Session;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds the caller's tenant (from the verified JWT, never from a header or the
 * URL) to the Hibernate session, so every query carries "tenant_id = :tenant".
 * Paths that name another tenant are refused before any query runs.
 */
@Component
public class TenantIsolationFilter extends OncePerRequestFilter {
    private static final Pattern TENANT_PATH = Pattern.compile("^/tenants/([a-z0-9_-]+)(/.*)?$");
    private final EntityManager entityManager;

    public TenantIsolationFilter(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof Jwt jwt)) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        String tenant = jwt.getClaimAsString("tid");
        if (!mayAccess(tenant + ":" + request.getRequestURI())) {
            // 404 rather than 403: do not confirm that the other tenant exists.
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Session session = entityManager.unwrap(Session.class);
        session.enableFilter("tenantFilter").setParameter("tenantId", tenant);
        try {
            chain.doFilter(request, response);
        } finally {
            session.disableFilter("tenantFilter");
        }
    }

    /** "tenant:path" -> whether a caller of that tenant may touch that path. */
    static boolean mayAccess(String tenantAndPath) {
        int colon = tenantAndPath.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        String tenant = tenantAndPath.substring(0, colon);
        Matcher m = TENANT_PATH.matcher(tenantAndPath.substring(colon + 1));
        return !m.matches() || m.group(1).equals(tenant);
    }

    {{VECTORS}}
}
