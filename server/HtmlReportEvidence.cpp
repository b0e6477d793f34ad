#include "server/HtmlReportEvidence.h"

#include <QJsonArray>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace assay::server {

namespace {

struct Finding
{
    QString severity, location, title, description, remediation, cwe;
};

QString severityClass(const QString &severity) { return u"sev-"_s + severity.toLower(); }

} // namespace

GeneratedEvidence HtmlReportEvidence::make(EvidenceContext &c)
{
    const QJsonObject spec = evidenceJson(u"html/reports.json"_s).value(u"reports"_s).toArray().at(c.cat).toObject();
    const QString idPrefix = spec.value(u"id_prefix"_s).toString();
    const bool hostile = c.variant % 3 == 0;
    const QString app = c.app.toHtmlEscaped(), partner = c.partner.toHtmlEscaped();
    const QString host = c.slug + u".example.com"_s;
    const QDate scanDate = c.date();
    const QString reportId = idPrefix + u'-' + QString::number(scanDate.year()) + u'-' + QString::number(1000 + c.below(9000));

    // The findings: a shuffled subset of the category's catalogue, so
    // variants differ in count, order, IDs and paths.
    QList<Finding> chosen;
    for (const QJsonValue &v : spec.value(u"findings"_s).toArray()) {
        const QJsonObject f = v.toObject();
        chosen.append({f.value(u"severity"_s).toString(), f.value(u"location"_s).toString(), f.value(u"title"_s).toString(),
                       f.value(u"description"_s).toString(), f.value(u"remediation"_s).toString(), f.value(u"cwe"_s).toString()});
    }
    for (qsizetype i = chosen.size() - 1; i > 0; --i)
        std::swap(chosen[i], chosen[c.below(int(i + 1))]);
    chosen.resize(3 + qsizetype((c.variant * 5 + quint32(c.below(5))) % quint32(chosen.size() - 2)));
    const QStringList order = {u"Critical"_s, u"High"_s, u"Medium"_s, u"Low"_s, u"Info"_s};
    std::stable_sort(chosen.begin(), chosen.end(),
                     [&](const Finding &a, const Finding &b) { return order.indexOf(a.severity) < order.indexOf(b.severity); });
    int counts[5] = {0, 0, 0, 0, 0};
    for (const Finding &f : chosen)
        ++counts[order.indexOf(f.severity)];

    const QString rowTemplate = evidenceText(u"html/finding-row.html"_s);
    QString rows;
    int seq = 1;
    for (const Finding &f : chosen) {
        QString location = f.location;
        location.replace(u"{n}"_s, QString::number(c.range(2, 9800)));
        location.replace(u"{t}"_s, c.tenant());
        location.replace(u"{slug}"_s, c.slug);
        QString description = f.description;
        description.replace(u"{slug}"_s, c.slug);
        // Method-and-path locations are shown as full URLs, as scanners do.
        const qsizetype slash = location.indexOf(u'/');
        if (slash >= 0 && slash <= 7 && (location.startsWith(u'/') || location.at(0).isUpper()))
            location = location.left(slash) + u"https://"_s + host + location.mid(slash);
        rows += expandPlaceholders(rowTemplate, {{u"ID", idPrefix + u'-' + QString::number(seq++).rightJustified(3, u'0')},
                                                 {u"SEVCLASS", severityClass(f.severity)},
                                                 {u"SEVERITY", f.severity},
                                                 {u"LOCATION", location.toHtmlEscaped()},
                                                 {u"TITLE", f.title.toHtmlEscaped()},
                                                 {u"DESCRIPTION", description.toHtmlEscaped()},
                                                 {u"CWE", f.cwe},
                                                 {u"REMEDIATION", f.remediation.toHtmlEscaped()}});
    }

    const QString boxTemplate = evidenceText(u"html/severity-box.html"_s);
    QString sevBoxes;
    for (int i = 0; i < 5; ++i)
        sevBoxes += expandPlaceholders(boxTemplate, {{u"SEVCLASS", severityClass(order.at(i))},
                                                     {u"COUNT", QString::number(counts[i])},
                                                     {u"SEVERITY", order.at(i)}});

    const int requests = 4000 + c.below(60000);
    QString html = evidenceText(u"html/report.html"_s);
    QString head, logo, iframe, toolbar, form, pixel, script;
    if (hostile) {
        // What a malicious or compromised partner might slip into a report.
        head = evidenceText(u"html/hostile/head.html"_s);
        logo = evidenceText(u"html/hostile/logo.html"_s);
        iframe = evidenceText(u"html/hostile/iframe.html"_s);
        toolbar = evidenceText(u"html/hostile/toolbar.html"_s);
        form = expandPlaceholders(evidenceText(u"html/hostile/form.html"_s), {{u"REPORTID", reportId}});
        pixel = evidenceText(u"html/hostile/pixel.html"_s);
        script = evidenceText(u"html/hostile/script.html"_s);
    }
    // One replacement after the other, in this order, as the report was
    // always made: a name that happens to contain a later key is replaced
    // too, and changing that would change the bytes of existing evidence.
    const std::pair<QString, QString> subs[] = {
        {u"@HEAD@"_s, head}, {u"@LOGO@"_s, logo}, {u"@IFRAME@"_s, iframe}, {u"@TOOLBAR@"_s, toolbar},
        {u"@FORM@"_s, form}, {u"@PIXEL@"_s, pixel}, {u"@SCRIPT@"_s, script}, {u"@ROWS@"_s, rows},
        {u"@BOXES@"_s, sevBoxes}, {u"@TITLE@"_s, spec.value(u"title"_s).toString()}, {u"@APP@"_s, app},
        {u"@PARTNER@"_s, partner}, {u"@TOOL@"_s, spec.value(u"tool"_s).toString().toHtmlEscaped()}, {u"@HOST@"_s, host},
        {u"@DATE@"_s, scanDate.toString(Qt::ISODate)}, {u"@MIN@"_s, QString::number(10 + c.below(50))},
        {u"@DURATION@"_s, QString::number(20 + requests / 400)}, {u"@REQUESTS@"_s, QString::number(requests)},
        {u"@CATTITLE@"_s, EvidenceContext::categoryTitles[c.cat].toString()}, {u"@REPORTID@"_s, reportId},
        {u"@COUNT@"_s, QString::number(chosen.size())}, {u"@LOCHEADER@"_s, spec.value(u"location_header"_s).toString()},
    };
    for (const auto &[key, value] : subs)
        html.replace(key, value);
    return {spec.value(u"file_prefix"_s).toString() + u'-' + scanDate.toString(u"yyyy-MM") + u".html"_s, u"text/html"_s,
            html.toUtf8()};
}

} // namespace assay::server
