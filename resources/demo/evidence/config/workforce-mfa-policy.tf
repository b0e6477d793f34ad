# {{PARTNER}} workforce MFA, managed as code (Okta provider).
# {{REVIEWED}}.
# Every employee and contractor who can reach {{APP}} is in one of these
# groups; changes go through pull-request review by the identity team.

resource "okta_policy_mfa" "employees" {
  name            = "Employees - phishing-resistant MFA"
  status          = "ACTIVE"
  description     = "Enrollment policy for all workforce users"
  is_oie          = true
  groups_included = [okta_group.employees.id, okta_group.contractors.id]
  priority        = 1

  fido_webauthn = { enroll = "REQUIRED" }
  okta_verify   = { enroll = "OPTIONAL" }
  google_otp    = { enroll = "OPTIONAL" }
  okta_sms      = { enroll = "NOT_ALLOWED" }
  okta_call     = { enroll = "NOT_ALLOWED" }
  okta_email    = { enroll = "NOT_ALLOWED" }
}

resource "okta_app_signon_policy" "production_access" {
  name        = "{{APP}} production access"
  description = "Engineers and admins: security key, re-authenticate every {{HOURS}} hours"
}

resource "okta_app_signon_policy_rule" "require_phishing_resistant" {
  policy_id                   = okta_app_signon_policy.production_access.id
  name                        = "Require phishing-resistant MFA"
  priority                    = 1
  groups_included             = [okta_group.engineers.id, okta_group.admins.id]
  factor_mode                 = "2FA"
  re_authentication_frequency = "PT{{HOURS}}H"
  constraints = [
    jsonencode({
      possession = {
        required           = true
        phishingResistant  = "REQUIRED"
        hardwareProtection = "REQUIRED"
        userPresence       = "REQUIRED"
      }
    })
  ]
}

resource "okta_app_signon_policy_rule" "deny_everyone_else" {
  policy_id = okta_app_signon_policy.production_access.id
  name      = "Deny by default"
  priority  = 99
  access    = "DENY"
}

resource "okta_policy_signon" "session" {
  name            = "Workforce sessions"
  status          = "ACTIVE"
  groups_included = [okta_group.employees.id]
}

resource "okta_policy_rule_signon" "mfa_every_session" {
  policy_id          = okta_policy_signon.session.id
  name               = "MFA at every sign-in"
  mfa_required       = true
  mfa_prompt         = "ALWAYS"
  session_lifetime   = {{HOURS}} * 60
  session_idle       = 60
  session_persistent = false
}
