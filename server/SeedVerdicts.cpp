#include "server/SeedVerdicts.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace assay::server {

namespace {
// Internal notes as reviewers write them: short, about what they checked.
const QStringList ItemNotes = {
    u"Confirmed in the attached configuration."_s,
    u"Ticked on the strength of the code excerpt; the answer alone was vague."_s,
    u"Matches what the partner told us in the clarification thread."_s,
    u"Checked against the CI run in the evidence, dated within the last month."_s,
    u"Only partly covered: background jobs are not mentioned. Accepted for this cycle."_s};
const QStringList CategoryNotes = {
    u"Answers and evidence agree; nothing to follow up."_s,
    u"Stronger than last year's answers. Evidence is recent."_s,
    u"Relies on the cloud provider's defaults; acceptable, but worth asking about next revalidation."_s,
    u"Two answers contradict each other slightly; the evidence settles it in the partner's favour."_s};
// What a rejection's reason note tells the partner beyond the rubric's text.
const QStringList ReasonNotes = {
    u"The answer describes the intent but not the mechanism; please attach the configuration that enforces it."_s,
    u"The attached evidence predates the change the answer describes."_s,
    u"Please cover background jobs, exports and the admin console as well, not only the public API."_s,
    u"Your answer to this question and the evidence you attached disagree; please reconcile them."_s,
    QString()};
const QStringList RejectNotes = {
    u"Discussed with Carol: reject rather than another clarification round, the gap is structural."_s,
    u"Second time this comes up for this partner. Worth a call before they resubmit."_s,
    u"The evidence file names suggest a different product; checked, it is theirs."_s};
} // namespace

SeedVerdicts::SeedVerdicts(const Questionnaire &questionnaire, QRandomGenerator &random)
    : m_questionnaire(questionnaire)
    , m_random(random)
{
}

RecordedVerdict SeedVerdicts::recorded(RecordedVerdict::Stage stage, const QString &by, const QDateTime &at,
                                       qint64 version, Verdict verdict) const
{
    verdict.baseVersion = version;
    return RecordedVerdict{stage, by, at, version, std::move(verdict)};
}

QMap<QString, bool> SeedVerdicts::checklist(const QSet<QString> &unticked)
{
    QMap<QString, bool> out;
    for (const auto &c : m_questionnaire.categories) {
        for (const auto &item : c.checklist)
            out.insert(item.key, !unticked.contains(item.key) && (item.required || m_random.generateDouble() < 0.7));
    }
    return out;
}

QMap<QString, QString> SeedVerdicts::approvalNotes()
{
    QMap<QString, QString> notes;
    const int count = int(m_random.bounded(3));
    for (int i = 0; i < count; ++i) {
        const auto &c = m_questionnaire.categories.at(m_random.bounded(int(m_questionnaire.categories.size())));
        if (m_random.generateDouble() < 0.5)
            notes.insert(c.key, CategoryNotes.at(m_random.bounded(int(CategoryNotes.size()))));
        else
            notes.insert(c.checklist.at(m_random.bounded(int(c.checklist.size()))).key,
                         ItemNotes.at(m_random.bounded(int(ItemNotes.size()))));
    }
    return notes;
}

RecordedVerdict SeedVerdicts::approve(RecordedVerdict::Stage stage, const QString &by, const QDateTime &at, qint64 version)
{
    Verdict v;
    v.decision = Verdict::Decision::Approve;
    v.summary = stage == RecordedVerdict::Stage::Review ? u"Answers and evidence meet the rubric."_s
                                                        : u"Security review passed; badge granted."_s;
    v.checklist = checklist({});
    v.notes = approvalNotes();
    return recorded(stage, by, at, version, v);
}

Verdict::Reason SeedVerdicts::reason(const QString &category, const QString &code)
{
    return Verdict::Reason{category, code, ReasonNotes.at(m_random.bounded(int(ReasonNotes.size())))};
}

RecordedVerdict SeedVerdicts::reject(RecordedVerdict::Stage stage, const QString &by, const QDateTime &at,
                                     qint64 version, const QString &category, const QString &code)
{
    Verdict v;
    v.decision = Verdict::Decision::Reject;
    v.reasons.append(reason(category, code));
    const int more = int(m_random.bounded(3));
    for (int i = 0; i < more; ++i) {
        // Further reasons mostly in the same category: one weak area rarely
        // fails alone.
        const auto *c = m_random.generateDouble() < 0.5
            ? m_questionnaire.category(category)
            : &m_questionnaire.categories.at(m_random.bounded(int(m_questionnaire.categories.size())));
        const QString extra = c->rejectionReasons.at(m_random.bounded(int(c->rejectionReasons.size()))).code;
        const bool known = std::any_of(v.reasons.cbegin(), v.reasons.cend(),
                                       [&extra](const Verdict::Reason &r) { return r.code == extra; });
        if (!known)
            v.reasons.append(reason(c->key, extra));
    }
    // The items that stand for the reasons are the ones left unticked.
    QSet<QString> codes, unticked;
    QStringList titles;
    for (const Verdict::Reason &r : std::as_const(v.reasons)) {
        codes.insert(r.code);
        const QString title = m_questionnaire.category(r.category)->title;
        if (!titles.contains(title))
            titles.append(title);
    }
    for (const auto &c : m_questionnaire.categories) {
        for (const auto &item : c.checklist) {
            if (std::any_of(item.reasonCodes.cbegin(), item.reasonCodes.cend(),
                            [&codes](const QString &rc) { return codes.contains(rc); }))
                unticked.insert(item.key);
        }
    }
    v.checklist = checklist(unticked);
    v.summary = u"Rejected: %1. The reasons below say what a resubmission needs to show."_s.arg(titles.join(u", "_s));
    v.notes.insert(v.reasons.first().category, RejectNotes.at(m_random.bounded(int(RejectNotes.size()))));
    return recorded(stage, by, at, version, v);
}

RecordedVerdict SeedVerdicts::returned(const QString &by, const QDateTime &at, qint64 version)
{
    // The oversight: one required item the review stage ticked too readily.
    const auto &c = m_questionnaire.categories.at(m_random.bounded(int(m_questionnaire.categories.size())));
    QList<const Questionnaire::ChecklistItem *> required;
    for (const auto &item : c.checklist) {
        if (item.required)
            required.append(&item);
    }
    const auto *item = required.at(m_random.bounded(int(required.size())));
    Verdict v;
    v.decision = Verdict::Decision::Return;
    v.checklist = checklist({item->key});
    v.summary = u"Returned to review: %1 (%2) is ticked, but the evidence does not show it. Please look again "
                u"before this goes further."_s.arg(item->key, c.title);
    v.notes.insert(item->key, u"Not shown by the evidence: the attached files say nothing about this."_s);
    return recorded(RecordedVerdict::Stage::Security, by, at, version, v);
}

} // namespace assay::server
