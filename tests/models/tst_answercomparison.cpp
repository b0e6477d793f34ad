#include "models/AnswerComparison.h"

#include <QTest>

using namespace assay;
using namespace Qt::StringLiterals;
using Change = AnswerComparison::Change;
using EChange = AnswerComparison::EvidenceChange;

namespace {

Questionnaire::Category category(const QString &key, const QStringList &questionKeys)
{
    Questionnaire::Category c;
    c.key = key;
    c.title = key.toUpper();
    for (const QString &q : questionKeys)
        c.questions.append({q, u"Question "_s + q, QString(), false});
    return c;
}

EvidenceItem evidence(const QString &id, const QString &sha)
{
    EvidenceItem e;
    e.id = id;
    e.filename = id + u".pdf"_s;
    e.mediaType = u"application/pdf"_s;
    e.size = 100;
    e.sha256 = sha;
    return e;
}

Submission submission(const QString &id, const QString &version, const QList<Answer> &answers, const QList<EvidenceItem> &items)
{
    Submission s;
    s.summary.id = id;
    s.summary.questionnaireVersion = version;
    s.answers = answers;
    s.evidence = items;
    return s;
}

// Version 1 asks a1 a2 a3 | b1; version 2 drops a3 and adds a4.
Questionnaire v1()
{
    Questionnaire q;
    q.version = u"2025.1"_s;
    q.categories = {category(u"c1"_s, {u"a1"_s, u"a2"_s, u"a3"_s}), category(u"c2"_s, {u"b1"_s})};
    return q;
}
Questionnaire v2()
{
    Questionnaire q;
    q.version = u"2026.1"_s;
    q.categories = {category(u"c1"_s, {u"a1"_s, u"a2"_s, u"a4"_s}), category(u"c2"_s, {u"b1"_s})};
    return q;
}

Submission previousOnV1()
{
    return submission(u"s_1"_s, u"2025.1"_s,
                      {{u"a1"_s, u"We patch monthly."_s, {u"e1"_s}},
                       {u"a2"_s, u"Same."_s, {}},
                       {u"a3"_s, u"Old question answer."_s, {u"e3"_s}},
                       {u"b1"_s, u"Logs kept."_s, {u"e4"_s}}},
                      {evidence(u"e1"_s, u"sha-1"_s), evidence(u"e3"_s, u"sha-3"_s), evidence(u"e4"_s, u"sha-4"_s)});
}

Submission currentOnV2()
{
    // e10 is e1's content re-uploaded under a new id; e12 replaces e4.
    return submission(u"s_2"_s, u"2026.1"_s,
                      {{u"a1"_s, u"We patch weekly."_s, {u"e10"_s}},
                       {u"a2"_s, u"Same."_s, {}},
                       {u"a4"_s, u"A new answer."_s, {u"e11"_s}},
                       {u"b1"_s, u"Logs kept."_s, {u"e12"_s}}},
                      {evidence(u"e10"_s, u"sha-1"_s), evidence(u"e11"_s, u"sha-5"_s), evidence(u"e12"_s, u"sha-6"_s)});
}

QStringList keys(const AnswerComparison &c)
{
    QStringList out;
    for (const auto &q : c.questions())
        out.append(q.key);
    return out;
}

} // namespace

class TestAnswerComparison : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acrossQuestionnaireVersions()
    {
        const Questionnaire now = v2();
        const Questionnaire before = v1();
        const Submission current = currentOnV2();
        const Submission previous = previousOnV1();
        const AnswerComparison c = AnswerComparison::compare(now, current, &previous, &before);

        QVERIFY(c.hasPrevious());
        QCOMPARE(keys(c), QStringList({u"a1"_s, u"a2"_s, u"a4"_s, u"b1"_s, u"a3"_s}));

        const auto *a1 = c.question(u"a1"_s);
        QVERIFY(a1);
        QCOMPARE(a1->change, Change::Changed);
        QVERIFY(a1->textChanged);
        QVERIFY(!a1->evidenceChanged);
        QCOMPARE(a1->previousText, u"We patch monthly."_s);
        QCOMPARE(a1->currentText, u"We patch weekly."_s);
        QCOMPARE(WordDiff::toHtml(a1->diff), u"We patch <del>monthly</del><ins>weekly</ins>."_s);
        QCOMPARE(a1->evidence.size(), 1);
        QCOMPARE(a1->evidence.at(0).change, EChange::Unchanged);
        QCOMPARE(a1->evidence.at(0).item.id, u"e10"_s);

        QCOMPARE(c.change(u"a2"_s), Change::Unchanged);
        QVERIFY(!c.isChanged(u"a2"_s));

        const auto *a4 = c.question(u"a4"_s);
        QVERIFY(a4);
        QCOMPARE(a4->change, Change::New);
        QCOMPARE(a4->categoryKey, u"c1"_s);
        QCOMPARE(a4->previousText, QString());
        QCOMPARE(WordDiff::toHtml(a4->diff), u"<ins>A new answer.</ins>"_s);
        QCOMPARE(a4->evidence.size(), 1);
        QCOMPARE(a4->evidence.at(0).change, EChange::New);

        // The same text with other evidence content is a change too.
        const auto *b1 = c.question(u"b1"_s);
        QVERIFY(b1);
        QCOMPARE(b1->change, Change::Changed);
        QVERIFY(!b1->textChanged);
        QVERIFY(b1->evidenceChanged);
        QCOMPARE(b1->evidence.size(), 2);
        QCOMPARE(b1->evidence.at(0).change, EChange::New);
        QCOMPARE(b1->evidence.at(0).item.id, u"e12"_s);
        QCOMPARE(b1->evidence.at(1).change, EChange::Removed);
        QCOMPARE(b1->evidence.at(1).item.id, u"e4"_s);

        const auto *a3 = c.question(u"a3"_s);
        QVERIFY(a3);
        QCOMPARE(a3->change, Change::Dropped);
        QCOMPARE(a3->categoryKey, u"c1"_s);
        QCOMPARE(a3->questionText, u"Question a3"_s);
        QCOMPARE(a3->previousText, u"Old question answer."_s);
        QCOMPARE(a3->currentText, QString());
        QCOMPARE(WordDiff::toHtml(a3->diff), u"<del>Old question answer.</del>"_s);
        QCOMPARE(a3->evidence.size(), 1);
        QCOMPARE(a3->evidence.at(0).change, EChange::Removed);
        QVERIFY(c.isChanged(u"a3"_s));

        // The whole submission's evidence, by content.
        const auto &all = c.evidence();
        QCOMPARE(all.size(), 5);
        QCOMPARE(all.at(0).item.id, u"e10"_s);
        QCOMPARE(all.at(0).change, EChange::Unchanged);
        QCOMPARE(all.at(1).change, EChange::New);
        QCOMPARE(all.at(2).change, EChange::New);
        QCOMPARE(all.at(3).item.id, u"e3"_s);
        QCOMPARE(all.at(3).change, EChange::Removed);
        QCOMPARE(all.at(4).item.id, u"e4"_s);
        QCOMPARE(all.at(4).change, EChange::Removed);
    }

    void sameVersionWithoutAnEarlierAnswer()
    {
        // Same questionnaire: a question the previous submission left
        // unanswered is Changed (it was asked), not New.
        const Questionnaire q = v2();
        Submission previous = currentOnV2();
        previous.answers.removeAt(2); // no a4 before
        const Submission current = currentOnV2();
        const AnswerComparison c = AnswerComparison::compare(q, current, &previous);
        QCOMPARE(c.change(u"a4"_s), Change::Changed);
        QCOMPARE(c.change(u"a1"_s), Change::Unchanged);
        QCOMPARE(c.change(u"b1"_s), Change::Unchanged);
        QCOMPARE(keys(c), QStringList({u"a1"_s, u"a2"_s, u"a4"_s, u"b1"_s}));
        // e11 belonged to no answer before but was in the submission.
        QCOMPARE(c.question(u"a4"_s)->evidence.at(0).change, EChange::New);
        for (const auto &e : c.evidence())
            QCOMPARE(e.change, EChange::Unchanged);
    }

    void answerToAKeyNoQuestionnaireKnowsIsDropped()
    {
        const Questionnaire q = v2();
        Submission previous = currentOnV2();
        previous.answers.append({u"zz"_s, u"Stray."_s, {}});
        const AnswerComparison c = AnswerComparison::compare(q, currentOnV2(), &previous);
        QCOMPARE(c.change(u"zz"_s), Change::Dropped);
        QCOMPARE(c.question(u"zz"_s)->categoryKey, QString());
        QCOMPARE(keys(c).last(), u"zz"_s);
    }

    // A re-validation starts as the approved answers with the same files
    // under new ids: against the approved submission (its previous) only
    // what the partner updated since is a change.
    void revalidationAgainstTheApprovedSubmission()
    {
        const Questionnaire q = v2();
        Submission approved = currentOnV2();
        approved.summary.id = u"s_approved"_s;
        approved.summary.status = SubmissionSummary::Status::Approved;
        Submission revalidation = submission(u"s_reval"_s, u"2026.1"_s, approved.answers, {});
        revalidation.summary.kind = SubmissionSummary::Kind::Revalidation;
        revalidation.summary.previousSubmissionId = approved.summary.id;
        for (const EvidenceItem &e : approved.evidence) {
            EvidenceItem copy = e;
            copy.id = u"r_"_s + e.id;
            revalidation.evidence.append(copy);
        }
        for (Answer &a : revalidation.answers) {
            for (QString &id : a.evidenceIds)
                id = u"r_"_s + id;
        }
        revalidation.answers[1].text = u"Same, and reviewed every quarter."_s; // the partner's update (a2)

        const AnswerComparison c = AnswerComparison::compare(q, revalidation, &approved);
        QVERIFY(c.hasPrevious());
        for (const QString &key : {u"a1"_s, u"a4"_s, u"b1"_s}) {
            QCOMPARE(c.change(key), Change::Unchanged);
            QCOMPARE(c.question(key)->previousText, c.question(key)->currentText);
        }
        QCOMPARE(c.change(u"a2"_s), Change::Changed);
        QVERIFY(c.question(u"a2"_s)->textChanged);
        QVERIFY(!c.question(u"a2"_s)->evidenceChanged);
        QCOMPARE(c.question(u"a2"_s)->previousText, u"Same."_s);
        QCOMPARE(c.evidence().size(), 3);
        for (const AnswerComparison::EvidenceDelta &d : c.evidence())
            QCOMPARE(d.change, EChange::Unchanged);
    }

    void withoutPrevious()
    {
        const AnswerComparison c = AnswerComparison::compare(v2(), currentOnV2());
        QVERIFY(!c.hasPrevious());
        QCOMPARE(keys(c), QStringList({u"a1"_s, u"a2"_s, u"a4"_s, u"b1"_s}));
        for (const auto &q : c.questions()) {
            QCOMPARE(q.change, Change::NoPrevious);
            QVERIFY(q.diff.isEmpty());
            QVERIFY(!c.isChanged(q.key));
        }
        QCOMPARE(c.question(u"a1"_s)->currentText, u"We patch weekly."_s);
        QCOMPARE(c.evidence().size(), 3);
        for (const auto &e : c.evidence())
            QCOMPARE(e.change, EChange::NoPrevious);
    }

    void unansweredQuestionIsListedEmpty()
    {
        Submission current = currentOnV2();
        current.answers.removeAt(1);
        const AnswerComparison c = AnswerComparison::compare(v2(), current);
        QVERIFY(c.question(u"a2"_s));
        QCOMPARE(c.question(u"a2"_s)->currentText, QString());
        QVERIFY(!c.question(u"nope"_s));
    }
};

QTEST_GUILESS_MAIN(TestAnswerComparison)
#include "tst_answercomparison.moc"
