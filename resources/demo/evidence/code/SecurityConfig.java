// {{APP}} - Spring Security configuration: CSRF protection for cookie sessions.
// Owner: {{PARTNER}} AppSec.
package com.{{IDENT}}.config;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

@Configuration
public class SecurityConfig {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    // Webhooks are HMAC-signed and SCIM uses bearer tokens: neither sends cookies.
    private static final List<String> EXEMPT_PREFIXES = List.of("/webhooks/stripe", "/webhooks/github", "/scim/v2/");

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http) throws Exception {
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookieCustomizer(c -> c.secure(true).sameSite("Strict").path("/"));
        RequestMatcher needsToken = request -> requiresToken(request.getMethod() + " " + request.getRequestURI());
        http
            .csrf(csrf -> csrf
                .csrfTokenRepository(tokens)
                .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                .requireCsrfProtectionMatcher(needsToken))
            .headers(h -> h
                .frameOptions(f -> f.deny())
                .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; frame-ancestors 'none'; form-action 'self'")))
            .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
            .authorizeHttpRequests(a -> a
                .requestMatchers("/healthz", "/webhooks/**").permitAll()
                .anyRequest().authenticated());
        return http.build();
    }

    /** "METHOD /path" -> whether the request must carry a valid CSRF token. */
    static boolean requiresToken(String requestLine) {
        int space = requestLine.indexOf(' ');
        String method = space < 0 ? requestLine : requestLine.substring(0, space);
        String path = space < 0 ? "" : requestLine.substring(space + 1);
        if (SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT))) {
            return false;
        }
        return EXEMPT_PREFIXES.stream().noneMatch(path::startsWith);
    }

    {{VECTORS}}
}
