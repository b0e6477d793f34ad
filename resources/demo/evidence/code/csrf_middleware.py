"""CSRF protection for the {{APP}} JSON API.

Django's CsrfViewMiddleware covers the server-rendered pages. The single-page
app calls /api/ with the session cookie, so the API needs the same check: this
middleware requires the X-CSRFToken header on unsafe methods and refuses
cross-site requests by Sec-Fetch-Site / Origin before any view runs.
Owner: {{PARTNER}} AppSec.
"""
from __future__ import annotations

import logging

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware

logger = logging.getLogger("{{IDENT}}.security.csrf")

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})

# Webhooks authenticate with an HMAC signature and SCIM with a bearer token,
# not with the session cookie, so CSRF does not apply; nothing else is exempt.
EXEMPT_PREFIXES = ("/webhooks/stripe", "/webhooks/github", "/scim/v2/")


def requires_token(request_line: str) -> bool:
    """'METHOD /path' -> True when the request must carry a valid CSRF token."""
    method, _, path = request_line.partition(" ")
    if method.upper() in SAFE_METHODS:
        return False
    return not path.startswith(EXEMPT_PREFIXES)


class ApiCsrfMiddleware(CsrfViewMiddleware):
    """Django's token check for every unsafe request, plus Fetch Metadata."""

    def process_view(self, request: HttpRequest, callback, callback_args, callback_kwargs):
        if not requires_token(f"{request.method} {request.path}"):
            return None
        site = request.headers.get("Sec-Fetch-Site")
        if site is not None and site not in ("same-origin", "none"):
            return self._reject(request, f"cross-site request (Sec-Fetch-Site: {site})")
        origin = request.headers.get("Origin")
        if origin is not None and origin not in settings.CSRF_TRUSTED_ORIGINS:
            return self._reject(request, f"untrusted Origin {origin}")
        # Exemptions live above; a stray @csrf_exempt on a view is ignored.
        callback = getattr(callback, "__wrapped__", callback)
        return super().process_view(request, callback, callback_args, callback_kwargs)

    def _reject(self, request: HttpRequest, reason: str) -> HttpResponse:
        logger.warning(
            "csrf rejected %s %s: %s", request.method, request.path, reason,
            extra={"request_id": request.headers.get("X-Request-ID")},
        )
        return JsonResponse({"error": "csrf_failed", "detail": "CSRF verification failed."}, status=403)


# settings.py excerpt, kept here so reviewers see the whole configuration.
CSRF_SETTINGS = {
    "CSRF_COOKIE_SECURE": True,
    "CSRF_COOKIE_HTTPONLY": False,  # the SPA reads it to echo X-CSRFToken
    "CSRF_COOKIE_SAMESITE": "Strict",
    "SESSION_COOKIE_SAMESITE": "Lax",
    "SESSION_COOKIE_SECURE": True,
    "CSRF_TRUSTED_ORIGINS": ["https://{{SLUG}}.example.com", "https://admin.{{SLUG}}.example.com"],
}

{{VECTORS}}
