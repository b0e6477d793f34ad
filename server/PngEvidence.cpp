#include "server/PngEvidence.h"

#include <QBuffer>
#include <QColor>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>

#include <utility>

using namespace Qt::StringLiterals;

namespace assay::server {

namespace {

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

Screen screenFor(EvidenceContext &c)
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
                s.rows.append({u"alias/"_s + c.slug + u'-' + c.pick(EvidenceContext::services), c.pick({u"Encrypt/decrypt", u"Sign/verify", u"Envelope (data keys)"}),
                               u"ok:Enabled"_s, u"ok:Every 90 days"_s, when(), QString::number(1000 + c.below(900000))});
        } else {
            s.settings = {{u"Encryption at rest (customer-managed key)"_s, u"ON"_s}, {u"Require TLS 1.2+"_s, u"ON"_s},
                          {u"Encrypted automated backups"_s, u"ON"_s}, {u"Public accessibility"_s, u"OFF"_s}};
            s.columns = {u"Instance"_s, u"Engine"_s, u"Encrypted"_s, u"KMS key"_s, u"TLS"_s, u"Backups"_s};
            for (int i = 0; i < 7; ++i)
                s.rows.append({c.slug + u'-' + c.pick(EvidenceContext::services) + u'-' + QString::number(1 + i), c.pick({u"PostgreSQL 16.4", u"PostgreSQL 15.8", u"Redis 7.2"}),
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

} // namespace

GeneratedEvidence PngEvidence::make(EvidenceContext &c)
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

} // namespace assay::server
