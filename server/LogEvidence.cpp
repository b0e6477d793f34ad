#include "server/LogEvidence.h"

#include "server/PlantedSecrets.h"

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
    LogWriter(EvidenceContext &c, const QJsonObject &values) : m_c(c)
    {
        auto bytes = [&values](const QString &key) {
            QList<QByteArray> out;
            for (const QJsonValue &v : values.value(key).toArray())
                out.append(v.toString().toUtf8());
            return out;
        };
        m_nets = bytes(u"ip_nets"_s);
        m_paths = bytes(u"paths"_s);
        m_countries = bytes(u"countries"_s);
        m_factors = bytes(u"factors"_s);
        m_amr = bytes(u"amr"_s);
        m_fields = bytes(u"fields"_s);
        m_localPaths = bytes(u"local_paths"_s);
        m_evilUrls = bytes(u"evil_urls"_s);
        for (const QJsonValue &v : values.value(u"packages"_s).toArray())
            m_packages.append({v[0].toString().toUtf8(), v[1].toString().toUtf8(), v[2].toString().toUtf8()});

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
                out += pick(m_nets);
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
                out += pick(m_paths);
            else if (key == "cve")
                out += "CVE-202" + QByteArray::number(c.range(3, 6)) + '-' + QByteArray::number(c.range(10000, 49999));
            else if (key == "pkg" || key == "pkgup") {
                const Package &pk = m_packages.at(c.below(int(m_packages.size())));
                out += pk.name;
                if (key == "pkgup") {
                    out += " from=";
                    out += pk.from;
                    out += " to=";
                    out += pk.to;
                }
            } else if (key == "country")
                out += pick(m_countries);
            else if (key == "factor")
                out += pick(m_factors);
            else if (key == "amr")
                out += pick(m_amr);
            else if (key == "field")
                out += pick(m_fields);
            else if (key == "localpath")
                out += pick(m_localPaths);
            else if (key == "evilurl")
                out += pick(m_evilUrls)
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
    struct Package
    {
        QByteArray name, from, to;
    };

    const QByteArray &pick(const QList<QByteArray> &list) { return list.at(m_c.below(int(list.size()))); }

    EvidenceContext &m_c;
    QList<QByteArray> m_users, m_tenants, m_hosts;
    QList<QByteArray> m_nets, m_paths, m_countries, m_factors, m_amr, m_fields, m_localPaths, m_evilUrls;
    QList<Package> m_packages;
    QByteArray m_slug, m_pslug;
};

// Puts a line after line `after` (from 1), stamped with that line's time:
// "LEVEL [component] req=... text" is what `line` holds.
void insertLine(QByteArray &log, int after, const QByteArray &line)
{
    qsizetype at = 0;
    for (int i = 0; i < after; ++i) {
        const qsizetype end = log.indexOf('\n', at);
        if (end < 0)
            return;
        at = end + 1;
    }
    const qsizetype previous = log.lastIndexOf('\n', at - 2) + 1;
    // "2026-10-05T00:01:02.345Z "
    log.insert(at, log.mid(previous, 25) + line + '\n');
}

// The fake secrets and near-misses of PlantedSecrets, in lines like the
// service's own: the first two on the first screen.
void plant(EvidenceContext &c, QByteArray &log)
{
    auto req = [&c] { return "req=" + c.hex(12).toLatin1() + ' '; };
    switch (PlantedSecrets::forLog(c.variant)) {
    case PlantedSecrets::Plant::None:
        return;
    case PlantedSecrets::Plant::Secrets: {
        const QByteArray host = "api." + c.slug.toLatin1() + ".example.com";
        insertLine(log, 3, "DEBUG [http-client] " + req() + "outbound GET https://" + host + "/v2/accounts status=200 headers={authorization: \"Bearer "
                               + PlantedSecrets::bearerToken(c).toLatin1() + "\", accept: \"application/json\"}");
        insertLine(log, 7, "DEBUG [auth] " + req() + "session issued tenant=" + c.tenant().toLatin1() + " token=" + PlantedSecrets::jwt(c).toLatin1());
        insertLine(log, 212, "ERROR [db] " + req() + "connection pool exhausted, retrying url=" + PlantedSecrets::databaseUrl(c).toLatin1());
        return;
    }
    case PlantedSecrets::Plant::NearMisses:
        insertLine(log, 4, "INFO  [deploy] " + req() + "release artifact sha256=" + PlantedSecrets::sha256Hex(c).toLatin1()
                               + " build=" + PlantedSecrets::uuid(c).toLatin1());
        insertLine(log, 150, "WARN  [worker] " + req() + "job retried trace_id=" + PlantedSecrets::uuid(c).toLatin1()
                                 + " payload_digest=" + PlantedSecrets::sha256Hex(c).toLatin1());
        return;
    }
}

} // namespace

GeneratedEvidence LogEvidence::make(EvidenceContext &c)
{
    const QJsonObject all = evidenceJson(u"log/logs.json"_s);
    const QJsonObject spec = all.value(u"logs"_s).toArray().at(c.cat).toObject();
    // Mostly 2,000-20,000 lines; every seventh variant is a multi-megabyte
    // log that a viewer must not load into one widget in one go.
    const int lines = c.variant % 7 == 0 ? 52'000 + c.below(8'000) : 2'000 + c.below(18'001);
    LogWriter writer(c, all.value(u"values"_s).toObject());
    QByteArray log = writer.write(logTemplates(spec.value(u"lines"_s)), spec.value(u"web"_s).toBool(), logTemplates(all.value(u"web_lines"_s)), lines);
    // After the log is written, so that the other variants' bytes stay as they were.
    plant(c, log);
    return {spec.value(u"file"_s).toString(), u"text/plain"_s, log};
}

} // namespace assay::server
