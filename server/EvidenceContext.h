#pragma once

#include "server/EvidenceFactory.h"

#include <QDate>
#include <QJsonObject>
#include <QJsonValue>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

#include <cstddef>
#include <initializer_list>
#include <utility>

namespace assay::server {

// The ten questionnaire topics, in the order of EvidenceContext::categoryKeys.
enum EvidenceCategory {
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
    CategoryCount
};

// What one EvidenceFactory::make() call knows: the arguments, the names
// derived from them, and the one generator every random choice comes from.
// The kinds draw from it in a fixed order, so the same arguments give the
// same bytes.
struct EvidenceContext
{
    EvidenceFactory::Kind kind;
    EvidenceCategory cat;
    QString app, partner;         // as given (HTML-escaped where shown in HTML)
    QString appText, partnerText; // literal-safe, for code and config
    QString slug, pslug, ident, className;
    quint32 variant;
    QRandomGenerator rng;

    static EvidenceContext make(EvidenceFactory::Kind kind, const QString &categoryKey, const QString &appName,
                                const QString &partnerName, quint32 variant);

    static const QStringView categoryKeys[CategoryCount];
    static const QStringView categoryTitles[CategoryCount];
    static const QStringView services[7];

    int below(int n) { return n <= 1 ? 0 : int(rng.bounded(quint32(n))); }
    int range(int lo, int hi) { return lo + below(hi - lo + 1); }
    bool chance(int percent) { return below(100) < percent; }
    template <std::size_t N> QString pick(const QStringView (&list)[N]) { return list[below(int(N))].toString(); }
    QString pick(std::initializer_list<QStringView> list) { return (list.begin() + below(int(list.size())))->toString(); }
    QString pick(const QStringList &list) { return list.at(below(int(list.size()))); }

    QString person();
    QString email(const QString &person) const;
    QString tenant();
    QString hex(int digits);
    // upperAndDigits gives the shape of AWS key IDs.
    QString alnum(int n, bool upperAndDigits = false);
    // The demo's "now" is autumn 2026; variants spread over weeks, not years.
    QDate date(int maxDaysBack = 60) const;

    // Fills a code or config template (resources/demo/evidence/code/,
    // config/). Placeholders: {{APP}}, {{PARTNER}} (literal-safe names),
    // {{SLUG}}, {{PSLUG}}, {{IDENT}}, {{CLASS}} (derived identifiers), {{DAY}},
    // {{HOUR}}, {{HOURS}}, {{N}}, {{ROT}}, {{TENANT}}, {{REVIEWED}} (vary with
    // the variant). In code, {{VECTORS}} is where the regression table goes;
    // its entries must agree with the checker function code/templates.json
    // names for the file.
    QString fill(QString text);
};

// The texts live in resources/demo/evidence/ (compiled in under
// :/assay/server/demo/evidence/); `path` is relative to that folder. They
// are part of the binary, so a missing one is a broken build: fatal.
QString evidenceText(const QString &path);
QJsonObject evidenceJson(const QString &path);
QStringList evidenceStrings(const QJsonValue &array);

// "@KEY@" placeholders replaced in one pass: a value is never searched for
// further placeholders (it may be partner data).
QString expandPlaceholders(const QString &text, std::initializer_list<std::pair<QStringView, QString>> values);

// Drawn text needs fonts and fonts need a QGuiApplication.
void requireGuiApplication();

} // namespace assay::server
