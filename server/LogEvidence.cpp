#include "server/LogEvidence.h"

#include <QJsonArray>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace assay::server {

namespace {

// One kind of log line: its level (I, W, E, D), how often it comes, the
// component in brackets and the text, whose {keys} LogWriter::expand fills.
struct LogTemplate
{
    char level;
    int weight;
    QByteArray component, text;
};

QList<LogTemplate> logTemplates(const QJsonValue &lines)
{
    QList<LogTemplate> out;
    for (const QJsonValue &v : lines.toArray()) {
        const QJsonObject o = v.toObject();
        out.append({char(o.value(u"level"_s).toString().at(0).toLatin1()), o.value(u"weight"_s).toInt(),
                    o.value(u"component"_s).toString().toUtf8(), o.value(u"text"_s).toString().toUtf8()});
    }
    return out;
}

class LogWriter
{
public:
    explicit LogWriter(EvidenceContext &c) : m_c(c)
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
        EvidenceContext &c = m_c;
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
                out += c.pick(EvidenceContext::services).toLatin1();
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

    QByteArray write(const QList<LogTemplate> &specLines, bool web, const QList<LogTemplate> &webLines, int lines)
    {
        QList<const LogTemplate *> pool;
        QList<int> weights;
        int total = 0;
        auto add = [&](const LogTemplate &t) {
            pool.append(&t);
            total += t.weight;
            weights.append(total);
        };
        for (const LogTemplate &t : specLines)
            add(t);
        if (web)
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
            expand(out, t->text.constData());
            out += '\n';
        }
        return out;
    }

private:
    EvidenceContext &m_c;
    QList<QByteArray> m_users, m_tenants, m_hosts;
    QByteArray m_slug, m_pslug;
};

} // namespace

GeneratedEvidence LogEvidence::make(EvidenceContext &c)
{
    const QJsonObject all = evidenceJson(u"log/logs.json"_s);
    const QJsonObject spec = all.value(u"logs"_s).toArray().at(c.cat).toObject();
    // Mostly 2,000-20,000 lines; every seventh variant is a multi-megabyte
    // log that a viewer must not load into one widget in one go.
    const int lines = c.variant % 7 == 0 ? 52'000 + c.below(8'000) : 2'000 + c.below(18'001);
    LogWriter writer(c);
    return {spec.value(u"file"_s).toString(), u"text/plain"_s,
            writer.write(logTemplates(spec.value(u"lines"_s)), spec.value(u"web"_s).toBool(), logTemplates(all.value(u"web_lines"_s)), lines)};
}

} // namespace assay::server
