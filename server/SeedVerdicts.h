#pragma once

#include "domain/Questionnaire.h"
#include "domain/RecordedVerdict.h"

#include <QRandomGenerator>

namespace assay::server {

// The seeder's recorded verdicts: what a reviewer or the security team would
// plausibly have sent for a seeded decision, consistent with the rubric. An
// approval ticks every required item; a rejection's reasons are real codes,
// and the required items that stand for them (their reason_codes) are the
// ones left unticked; a return names the oversight in its summary and notes.
// Draws only from the generator it is given, so seeding stays deterministic.
class SeedVerdicts
{
public:
    SeedVerdicts(const Questionnaire &questionnaire, QRandomGenerator &random);

    RecordedVerdict approve(RecordedVerdict::Stage stage, const QString &by, const QDateTime &at, qint64 version);
    // One to three reasons: `category`'s `code` first, then up to two more.
    RecordedVerdict reject(RecordedVerdict::Stage stage, const QString &by, const QDateTime &at, qint64 version,
                           const QString &category, const QString &code);
    RecordedVerdict returned(const QString &by, const QDateTime &at, qint64 version);

private:
    Verdict::Reason reason(const QString &category, const QString &code);
    // Every checklist item: required ones true unless in `unticked`, optional
    // ones mostly true.
    QMap<QString, bool> checklist(const QSet<QString> &unticked);
    QMap<QString, QString> approvalNotes();
    RecordedVerdict recorded(RecordedVerdict::Stage stage, const QString &by, const QDateTime &at, qint64 version,
                             Verdict verdict) const;

    const Questionnaire &m_questionnaire;
    QRandomGenerator &m_random;
};

} // namespace assay::server
