#!/usr/bin/env node
// Nightly MFA posture audit for {{PARTNER}} staff with access to {{APP}}.
// Reads users and enrolled factors from the identity provider and fails when
// an active account can sign in without a strong second factor.
'use strict';

const IDP = process.env.IDP_ORG_URL; // configured per environment, never hard-coded
const TOKEN = process.env.IDP_API_TOKEN; // read-only token injected from the secrets manager

// RFC 8176 authentication method references that count as a second factor.
// sms and tel are deliberately absent: the MFA policy does not allow them.
const STRONG = new Set(['hwk', 'swk', 'otp', 'sc', 'pop']);

const FACTOR_AMR = {
  webauthn: 'hwk',
  'token:software:totp': 'otp',
  'token:hardware': 'hwk',
  push: 'swk',
  sms: 'sms',
  call: 'tel',
  email: 'email',
};

function satisfiesMfa(amrClaim) {
  return amrClaim
    .replace(/^amr=/, '')
    .split(',')
    .map((m) => m.trim().toLowerCase())
    .some((m) => STRONG.has(m));
}

async function idp(path) {
  const response = await fetch(new URL(path, IDP), {
    headers: { Authorization: `SSWS ${TOKEN}`, Accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

async function audit() {
  const users = await idp('/api/v1/users?search=status+eq+%22ACTIVE%22&limit=200');
  const findings = [];
  for (const user of users) {
    const factors = await idp(`/api/v1/users/${encodeURIComponent(user.id)}/factors`);
    const active = factors.filter((f) => f.status === 'ACTIVE').map((f) => FACTOR_AMR[f.factorType] ?? 'unknown');
    if (!satisfiesMfa(['pwd', ...active].join(','))) {
      findings.push({ login: user.profile.login, factors: active });
    }
  }
  return findings;
}

{{VECTORS}}

selfCheck();
audit()
  .then((findings) => {
    for (const f of findings) console.error(`NO STRONG MFA ${f.login} factors=${f.factors.join('|') || 'none'}`);
    console.log(`${findings.length} account(s) without a strong second factor`);
    process.exitCode = findings.length > 0 ? 1 : 0;
  })
  .catch((err) => {
    console.error(err);
    process.exitCode = 2;
  });
