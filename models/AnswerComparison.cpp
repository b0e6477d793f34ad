#include "models/AnswerComparison.h"

#include <QSet>

namespace assay {

namespace {

const Answer *answerFor(const Submission &s, const QString &key)
{
    for (const Answer &a : s.answers) {
        if (a.questionKey == key)
            return &a;
    }
    return nullptr;
}

QList<EvidenceItem> itemsOf(const Submission &s, const QStringList &ids)
{
    QList<EvidenceItem> out;
    for (const QString &id : ids) {
        for (const EvidenceItem &e : s.evidence) {
            if (e.id == id) {
                out.append(e);
                break;
            }
        }
    }
    return out;
}

// Content decides, not ids or names: a partner re-uploading the same file
// under a new id has not changed it, a new file under an old name has.
QList<AnswerComparison::EvidenceDelta> compareEvidence(const QList<EvidenceItem> &now, const QList<EvidenceItem> &before,
                                                      bool hasPrevious)
{
    using C = AnswerComparison::EvidenceChange;
    QList<AnswerComparison::EvidenceDelta> out;
    QSet<QString> beforeShas;
    for (const EvidenceItem &e : before)
        beforeShas.insert(e.sha256);
    QSet<QString> nowShas;
    for (const EvidenceItem &e : now) {
        nowShas.insert(e.sha256);
        out.append({!hasPrevious ? C::NoPrevious : beforeShas.contains(e.sha256) ? C::Unchanged : C::New, e});
    }
    for (const EvidenceItem &e : before) {
        if (!nowShas.contains(e.sha256)) {
            out.append({C::Removed, e});
            nowShas.insert(e.sha256); // a duplicate is removed once
        }
    }
    return out;
}

bool anyChange(const QList<AnswerComparison::EvidenceDelta> &deltas)
{
    for (const auto &d : deltas) {
        if (d.change == AnswerComparison::EvidenceChange::New || d.change == AnswerComparison::EvidenceChange::Removed)
            return true;
    }
    return false;
}

} // namespace

AnswerComparison AnswerComparison::compare(const Questionnaire &questionnaire, const Submission &current,
                                           const Submission *previous, const Questionnaire *previousQuestionnaire)
{
    AnswerComparison c;
    c.m_hasPrevious = previous != nullptr;
    const Questionnaire &before = previousQuestionnaire ? *previousQuestionnaire : questionnaire;

    for (const Questionnaire::Category &category : questionnaire.categories) {
        for (const Questionnaire::Question &q : category.questions) {
            Question out;
            out.key = q.key;
            out.categoryKey = category.key;
            out.questionText = q.text;
            const Answer *now = answerFor(current, q.key);
            if (now)
                out.currentText = now->text;
            const QList<EvidenceItem> nowItems = now ? itemsOf(current, now->evidenceIds) : QList<EvidenceItem>();
            if (!previous) {
                out.change = Change::NoPrevious;
                out.evidence = compareEvidence(nowItems, {}, false);
            } else {
                const Answer *then = answerFor(*previous, q.key);
                if (then)
                    out.previousText = then->text;
                out.evidence = compareEvidence(nowItems, then ? itemsOf(*previous, then->evidenceIds) : QList<EvidenceItem>(), true);
                if (!then && !before.question(q.key)) {
                    out.change = Change::New;
                    out.diff = WordDiff::compare(QString(), out.currentText);
                } else {
                    out.textChanged = out.previousText != out.currentText;
                    out.evidenceChanged = anyChange(out.evidence);
                    out.change = out.textChanged || out.evidenceChanged ? Change::Changed : Change::Unchanged;
                    out.diff = WordDiff::compare(out.previousText, out.currentText);
                }
            }
            c.m_byKey.insert(out.key, c.m_questions.size());
            c.m_questions.append(std::move(out));
        }
    }

    if (previous) {
        // Dropped: asked by the previous questionnaire, or answered in the
        // previous submission, and not asked now. The questionnaire's order
        // first, then answers to keys neither questionnaire knows.
        auto drop = [&](const QString &key, const QString &categoryKey, const QString &questionText) {
            if (c.m_byKey.contains(key))
                return;
            Question out;
            out.key = key;
            out.categoryKey = categoryKey;
            out.questionText = questionText;
            out.change = Change::Dropped;
            const Answer *then = answerFor(*previous, key);
            if (then) {
                out.previousText = then->text;
                out.evidence = compareEvidence({}, itemsOf(*previous, then->evidenceIds), true);
            }
            out.textChanged = !out.previousText.isEmpty();
            out.evidenceChanged = !out.evidence.isEmpty();
            out.diff = WordDiff::compare(out.previousText, QString());
            c.m_byKey.insert(key, c.m_questions.size());
            c.m_questions.append(std::move(out));
        };
        for (const Questionnaire::Category &category : before.categories) {
            for (const Questionnaire::Question &q : category.questions)
                drop(q.key, category.key, q.text);
        }
        for (const Answer &a : previous->answers) {
            const Questionnaire::Category *cat = before.categoryOfQuestion(a.questionKey);
            drop(a.questionKey, cat ? cat->key : QString(), QString());
        }
    }

    c.m_evidence = compareEvidence(current.evidence, previous ? previous->evidence : QList<EvidenceItem>(), previous != nullptr);
    return c;
}

const AnswerComparison::Question *AnswerComparison::question(const QString &key) const
{
    const auto it = m_byKey.constFind(key);
    return it == m_byKey.constEnd() ? nullptr : &m_questions.at(*it);
}

AnswerComparison::Change AnswerComparison::change(const QString &key) const
{
    const Question *q = question(key);
    return q ? q->change : (m_hasPrevious ? Change::Unchanged : Change::NoPrevious);
}

bool AnswerComparison::isChanged(const QString &key) const
{
    const Change c = change(key);
    return c == Change::New || c == Change::Changed || c == Change::Dropped;
}

QString AnswerComparison::changeName(Change c)
{
    switch (c) {
    case Change::New: return QStringLiteral("new");
    case Change::Dropped: return QStringLiteral("dropped");
    case Change::Changed: return QStringLiteral("changed");
    case Change::Unchanged: return QStringLiteral("unchanged");
    case Change::NoPrevious: return QStringLiteral("no_previous");
    }
    return {};
}

QString AnswerComparison::evidenceChangeName(EvidenceChange c)
{
    switch (c) {
    case EvidenceChange::New: return QStringLiteral("new");
    case EvidenceChange::Unchanged: return QStringLiteral("unchanged");
    case EvidenceChange::Removed: return QStringLiteral("removed");
    case EvidenceChange::NoPrevious: return QStringLiteral("no_previous");
    }
    return {};
}

} // namespace assay
