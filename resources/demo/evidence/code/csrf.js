// CSRF protection for the {{APP}} web API (Express).
// Double-submit cookie bound to the session with an HMAC, plus Fetch Metadata
// and Origin checks. Owner: {{PARTNER}} AppSec.
'use strict';

const crypto = require('node:crypto');

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);
// Webhooks authenticate with signatures, SCIM with bearer tokens: no cookies, no CSRF.
const EXEMPT_PREFIXES = ['/webhooks/stripe', '/webhooks/github', '/scim/v2/'];
const TRUSTED_ORIGINS = new Set(['https://{{SLUG}}.example.com', 'https://admin.{{SLUG}}.example.com']);
const COOKIE = '__Host-csrf';

function requiresToken(requestLine) {
  const [method, path = ''] = requestLine.split(' ', 2);
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  return !EXEMPT_PREFIXES.some((prefix) => path.startsWith(prefix));
}

function tokenFor(sessionId, secret) {
  const nonce = crypto.randomBytes(16).toString('base64url');
  const mac = crypto.createHmac('sha256', secret).update(`${sessionId}.${nonce}`).digest('base64url');
  return `${nonce}.${mac}`;
}

function tokenValid(token, sessionId, secret) {
  if (typeof token !== 'string') return false;
  const [nonce, mac] = token.split('.');
  if (!nonce || !mac) return false;
  const expected = crypto.createHmac('sha256', secret).update(`${sessionId}.${nonce}`).digest();
  const given = Buffer.from(mac, 'base64url');
  // timingSafeEqual throws on different lengths, so compare those first.
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

function csrfProtection({ secret, logger }) {
  return function csrf(req, res, next) {
    if (!req.cookies[COOKIE] && req.session) {
      res.cookie(COOKIE, tokenFor(req.session.id, secret), { secure: true, sameSite: 'strict', path: '/' });
    }
    if (!requiresToken(`${req.method} ${req.path}`)) return next();
    const site = req.get('Sec-Fetch-Site');
    const origin = req.get('Origin');
    const header = req.get('X-CSRF-Token');
    const reason =
      (site && site !== 'same-origin' && site !== 'none' && `cross-site (${site})`) ||
      (origin && !TRUSTED_ORIGINS.has(origin) && `untrusted origin ${origin}`) ||
      (!req.session && 'no session') ||
      (header !== req.cookies[COOKIE] && 'token mismatch') ||
      (!tokenValid(header, req.session.id, secret) && 'invalid token');
    if (reason) {
      logger.warn({ requestId: req.id, method: req.method, path: req.path, reason }, 'csrf rejected');
      return res.status(403).json({ error: 'csrf_failed' });
    }
    return next();
  };
}

{{VECTORS}}

module.exports = { csrfProtection, requiresToken, tokenFor, selfCheck };
