#include "common/ResultCheck.h"
#include "common/TestData.h"
#include "models/Cache.h"
#include "models/EvidenceStates.h"
#include "models/SubmissionStore.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace assay;
using test::ok;

namespace {
QStringList idsOf(const QList<EvidenceItem> &items)
{
    QStringList ids;
    for (const EvidenceItem &e : items)
        ids.append(e.id);
    return ids;
}
} // namespace

// Each evidence item's local state: set, kept across a refresh of unchanged
// content, shared by items with the same file.
class TestEvidenceStates : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;

    QString freshPath() { return m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(++m_n)); }

    static EvidenceItem::LocalState stateOf(Cache &cache, const QString &submissionId, int item)
    {
        const std::optional<Submission> s = ok(cache.submissions().submission(submissionId));
        return s && item < s->evidence.size() ? s->evidence.at(item).localState : EvidenceItem::LocalState(-1);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void stateSurvivesUnchangedContentOnly()
    {
        Cache cache;
        QVERIFY(ok(cache.open(freshPath())));
        EvidenceStates &evidence = cache.evidence();
        Submission s = test::submission(9);
        QVERIFY(ok(cache.submissions().store(s)));
        QVERIFY(ok(evidence.set(QStringLiteral("e_9_1"), EvidenceItem::LocalState::Present)));
        QVERIFY(ok(evidence.set(QStringLiteral("e_9_2"), EvidenceItem::LocalState::Present)));
        const Result<> unknown = evidence.set(QStringLiteral("e_nope"), EvidenceItem::LocalState::Present);
        QVERIFY(!unknown);
        QVERIFY2(unknown.error().message.contains(QStringLiteral("e_nope")), qPrintable(unknown.error().message));
        s.summary.version = 2;
        s.evidence[1].sha256 = QString(64, QLatin1Char('a')); // replaced file
        QVERIFY(ok(cache.submissions().store(s)));
        QCOMPARE(stateOf(cache, QStringLiteral("s_00009"), 0), EvidenceItem::LocalState::Present);
        QCOMPARE(stateOf(cache, QStringLiteral("s_00009"), 1), EvidenceItem::LocalState::Absent);
        QCOMPARE(idsOf(ok(evidence.inState(EvidenceItem::LocalState::Absent))), QStringList{QStringLiteral("e_9_2")});
        // Evidence the submission no longer lists is gone.
        s.evidence.removeFirst();
        QVERIFY(ok(cache.submissions().store(s)));
        QCOMPARE(ok(cache.submissions().submission(s.summary.id))->evidence.size(), 1);
        QCOMPARE(ok(evidence.count(EvidenceItem::LocalState::Present)), 0);
        QCOMPARE(ok(evidence.count(EvidenceItem::LocalState::Absent)), 1);
    }

    void itemsOfVerifiedContentAreStoredPresent()
    {
        Cache cache;
        QVERIFY(ok(cache.open(freshPath())));
        Submission s = test::submission(13);
        const QString known = s.evidence[0].sha256;
        QStringList asked;
        cache.submissions().setVerifiedContent([&](const QString &sha256) {
            asked.append(sha256);
            return sha256 == known;
        });
        QVERIFY(ok(cache.submissions().store(s)));
        QCOMPARE(asked, (QStringList{known, s.evidence[1].sha256}));
        QCOMPARE(stateOf(cache, QStringLiteral("s_00013"), 0), EvidenceItem::LocalState::Present);
        QCOMPARE(stateOf(cache, QStringLiteral("s_00013"), 1), EvidenceItem::LocalState::Absent);
        // The second file arrives verified: the next store of the same
        // details marks its item present; a quarantined one stays so.
        QVERIFY(ok(cache.evidence().set(QStringLiteral("e_13_1"), EvidenceItem::LocalState::Mismatch)));
        cache.submissions().setVerifiedContent([&](const QString &) { return true; });
        s.summary.version = 2;
        QVERIFY(ok(cache.submissions().store(s)));
        QCOMPARE(stateOf(cache, QStringLiteral("s_00013"), 0), EvidenceItem::LocalState::Mismatch);
        QCOMPARE(stateOf(cache, QStringLiteral("s_00013"), 1), EvidenceItem::LocalState::Present);
    }

    void statesAreSetTogetherOrNotAtAll()
    {
        Cache cache;
        QVERIFY(ok(cache.open(freshPath())));
        EvidenceStates &evidence = cache.evidence();
        QVERIFY(ok(cache.submissions().store(QList<Submission>{test::submission(11), test::submission(12)})));
        const QStringList all = {QStringLiteral("e_11_1"), QStringLiteral("e_11_2"), QStringLiteral("e_12_1"),
                                 QStringLiteral("e_12_2")};
        // One unknown item: nothing changes, and the error says so.
        const Result<> refused = evidence.set(all + QStringList{QStringLiteral("e_nope")}, EvidenceItem::LocalState::Present);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QStringLiteral("1 of 5")), qPrintable(refused.error().message));
        QCOMPARE(ok(evidence.count(EvidenceItem::LocalState::Present)), 0);
        QVERIFY(ok(evidence.set(all, EvidenceItem::LocalState::Present)));
        QCOMPARE(ok(evidence.count(EvidenceItem::LocalState::Present)), 4);
        QCOMPARE(ok(evidence.count(EvidenceItem::LocalState::Absent)), 0);
        QCOMPARE(stateOf(cache, QStringLiteral("s_00012"), 1), EvidenceItem::LocalState::Present);
    }

    // Items that share a file share its check, whichever was stored first.
    void aVerifiedFileMarksEveryItemWithIt()
    {
        Cache cache;
        QVERIFY(ok(cache.open(freshPath())));
        EvidenceStates &evidence = cache.evidence();
        Submission a = test::submission(21), b = test::submission(22);
        const QString shared = QString(64, QLatin1Char('c'));
        a.evidence[0].sha256 = shared;
        b.evidence[1].sha256 = shared;
        QVERIFY(ok(cache.submissions().store(QList<Submission>{a, b})));
        QVERIFY(ok(evidence.set(QStringLiteral("e_21_2"), EvidenceItem::LocalState::Mismatch)));
        QVERIFY(ok(evidence.markFilesVerified({shared, a.evidence[1].sha256})));
        QCOMPARE(stateOf(cache, QStringLiteral("s_00021"), 0), EvidenceItem::LocalState::Present);
        QCOMPARE(stateOf(cache, QStringLiteral("s_00022"), 1), EvidenceItem::LocalState::Present);
        QCOMPARE(stateOf(cache, QStringLiteral("s_00022"), 0), EvidenceItem::LocalState::Absent);
        // A quarantined item whose file is now verified is present again.
        QCOMPARE(stateOf(cache, QStringLiteral("s_00021"), 1), EvidenceItem::LocalState::Present);
        QVERIFY(ok(evidence.markFilesVerified({})));
        QCOMPARE(ok(evidence.count(EvidenceItem::LocalState::Present)), 3);
    }

    void inStateForSomeSubmissions()
    {
        Cache cache;
        QVERIFY(ok(cache.open(freshPath())));
        QVERIFY(ok(cache.submissions().store(QList<Submission>{test::submission(31), test::submission(32), test::submission(33)})));
        QVERIFY(ok(cache.evidence().set(QStringLiteral("e_33_1"), EvidenceItem::LocalState::Present)));
        const QList<EvidenceItem> absent = ok(cache.evidence().inState(
            EvidenceItem::LocalState::Absent, {QStringLiteral("s_00033"), QStringLiteral("s_00031"), QStringLiteral("s_nope")}));
        QCOMPARE(idsOf(absent), (QStringList{QStringLiteral("e_31_1"), QStringLiteral("e_31_2"), QStringLiteral("e_33_2")}));
        QCOMPARE(absent.at(1).filename, QStringLiteral("../../etc/passwd scan.html"));
        QCOMPARE(absent.at(1).size, 99);
        QCOMPARE(absent.at(1).localState, EvidenceItem::LocalState::Absent);
        QCOMPARE(ok(cache.evidence().inState(EvidenceItem::LocalState::Absent)).size(), 5);
    }

    void submissionOfAnItem()
    {
        Cache cache;
        QVERIFY(ok(cache.open(freshPath())));
        QVERIFY(ok(cache.submissions().store(QList<Submission>{test::submission(31), test::submission(32)})));
        QCOMPARE(ok(cache.evidence().submissionOf(QStringLiteral("e_32_2"))), std::optional<QString>(QStringLiteral("s_00032")));
        QCOMPARE(ok(cache.evidence().submissionOf(QStringLiteral("e_31_1"))), std::optional<QString>(QStringLiteral("s_00031")));
        QCOMPARE(ok(cache.evidence().submissionOf(QStringLiteral("e_nope"))), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestEvidenceStates)
#include "tst_evidencestates.moc"
