// Output encoding and sanitization for {{APP}} server-rendered views.
// Secure Coding Standard, section 4: everything is escaped by default; rich
// text from customers goes through DOMPurify with an allow-list.
// Owner: {{PARTNER}} AppSec.
'use strict';

const createDOMPurify = require('dompurify');
const { JSDOM } = require('jsdom');

const { window } = new JSDOM('');
const DOMPurify = createDOMPurify(window);

const RICH_TEXT = {
  ALLOWED_TAGS: ['b', 'i', 'em', 'strong', 'a', 'p', 'ul', 'ol', 'li', 'br', 'code', 'pre', 'blockquote'],
  ALLOWED_ATTR: ['href', 'title'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|\/(?!\/))/i,
  FORBID_ATTR: ['style'],
};

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    node.setAttribute('rel', 'noopener noreferrer nofollow');
  }
});

const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

function escapeHtml(value) {
  return String(value).replace(/[&<>"'`]/g, (ch) => HTML_ESCAPES[ch]);
}

// Data placed inside <script type="application/json"> must not close the tag.
function jsonForScript(value) {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function sanitizeRichText(html) {
  return DOMPurify.sanitize(String(html), RICH_TEXT);
}

// True when the sanitizer leaves the input unchanged (plain text or allowed markup).
function survivesSanitizer(input) {
  return sanitizeRichText(input) === input;
}

function securityHeaders(req, res, next) {
  const nonce = res.locals.cspNonce;
  res.set(
    'Content-Security-Policy',
    `default-src 'self'; script-src 'nonce-${nonce}' 'strict-dynamic'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'`,
  );
  res.set('X-Content-Type-Options', 'nosniff');
  next();
}

{{VECTORS}}

module.exports = { escapeHtml, jsonForScript, sanitizeRichText, survivesSanitizer, securityHeaders, selfCheck };
