#include "QueueFixture.h"

#include "models/QueueFacts.h"
#include "models/QueueModel.h"
#include "models/SlaPolicy.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QTest>

using namespace assay;
using test::ok;
using test::QueueFixture;

class TestSlaPolicy : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static QDateTime at(int day, int hour = 0)
    {
        return QDateTime(QDate(2026, 11, day), QTime(hour, 0), QTimeZone::UTC);
    }

private Q_SLOTS:
    void daysInStage()
    {
        QCOMPARE(SlaPolicy::daysInStage(at(1), 0, std::nullopt, at(4)), 3.0);
        QCOMPARE(SlaPolicy::daysInStage(at(1), 86400, std::nullopt, at(4)), 2.0);
        QCOMPARE(SlaPolicy::daysInStage(at(1), 0, at(2, 12), at(20)), 1.5);
        // A wait that began before the stage: no time in it yet.
        QCOMPARE(SlaPolicy::daysInStage(at(3), 0, at(2), at(20)), 0.0);
        QCOMPARE(SlaPolicy::daysInStage(QDateTime(), 0, std::nullopt, at(20)), 0.0);
    }

    void states()
    {
        const SlaPolicy p; // 5 days at review, 3 at security, due soon in the last day
        using S = SlaPolicy::State;
        QCOMPARE(p.state(SubmissionSummary::Stage::Review, 3.9, false), S::OnTrack);
        QCOMPARE(p.state(SubmissionSummary::Stage::Review, 4.5, false), S::DueSoon);
        QCOMPARE(p.state(SubmissionSummary::Stage::Review, 5.0, false), S::DueSoon);
        QCOMPARE(p.state(SubmissionSummary::Stage::Review, 5.1, false), S::Breached);
        QCOMPARE(p.state(SubmissionSummary::Stage::Security, 3.1, false), S::Breached);
        QCOMPARE(p.state(SubmissionSummary::Stage::Security, 9, true), S::Paused);
        QCOMPARE(p.state(SubmissionSummary::Stage::Done, 90, false), S::None);
        SlaPolicy strict;
        strict.reviewTargetDays = 2;
        QCOMPARE(strict.state(SubmissionSummary::Stage::Review, 3.9, false), S::Breached);
    }

    // Closed waits within the stage count as paused; the open wait starts
    // at the first request after the last partner reply; internal notes and
    // a return do what the review screen says.
    void factsFromDetails()
    {
        Submission sub;
        sub.summary.stage = SubmissionSummary::Stage::Security;
        sub.summary.submittedAt = at(1);
        sub.history.append({at(1), QStringLiteral("p_1"), QStringLiteral("submitted"), {}});
        sub.history.append({at(2), QStringLiteral("u_lena"), QStringLiteral("assigned"), {}});
        sub.history.append({at(5), QStringLiteral("u_bob"), QStringLiteral("approved_review"), {}});
        sub.history.append({at(6), QStringLiteral("u_bob"), QStringLiteral("commented"), {}});
        using V = Comment::Visibility;
        const QString partner = QStringLiteral("p_1");
        // Asked at review (day 3), answered at security (day 6): one day of
        // it falls in this stage.
        sub.comments.append({QStringLiteral("a"), QStringLiteral("u_bob"), V::Partner, QStringLiteral("?"), at(3)});
        sub.comments.append({QStringLiteral("b"), partner, V::Partner, QStringLiteral("!"), at(6), Comment::From::Partner});
        sub.comments.append({QStringLiteral("c"), QStringLiteral("u_sam"), V::Internal, QStringLiteral("note"), at(7)});
        sub.comments.append({QStringLiteral("d"), QStringLiteral("u_sam"), V::Partner, QStringLiteral("?"), at(8)});
        sub.comments.append({QStringLiteral("e"), QStringLiteral("u_sam"), V::Partner, QStringLiteral("??"), at(9)});
        sub.verdicts.append(QueueFixture::verdict(RecordedVerdict::Stage::Review, Verdict::Decision::Approve,
                                                  QStringLiteral("u_bob"), at(5)));
        QueueFacts facts = QueueFacts::of(sub);
        QCOMPARE(facts.stageEnteredAt, at(5));
        QCOMPARE(facts.pausedSeconds, 86400);
        QCOMPARE(facts.awaitingSince, std::optional(at(8)));
        QCOMPARE(facts.reviewApprovedBy, QStringLiteral("u_bob"));
        // Stood still since day 8: 3 days entered-to-asked, less one paused.
        QCOMPARE(SlaPolicy::daysInStage(facts.stageEnteredAt, facts.pausedSeconds, facts.awaitingSince, at(20)), 2.0);

        sub.verdicts.append(QueueFixture::verdict(RecordedVerdict::Stage::Security, Verdict::Decision::Return,
                                                  QStringLiteral("u_sam"), at(10)));
        sub.history.append({at(10), QStringLiteral("u_sam"), QStringLiteral("returned"), {}});
        sub.comments.append({QStringLiteral("f"), partner, V::Partner, QStringLiteral("!!"), at(11), Comment::From::Partner});
        facts = QueueFacts::of(sub);
        QCOMPARE(facts.stageEnteredAt, at(10));
        QCOMPARE(facts.reviewApprovedBy, QString());
        QCOMPARE(facts.awaitingSince, std::nullopt);
        QCOMPARE(facts.pausedSeconds, 86400); // days 10-11 of the wait from day 8
    }

    // On the queue: an awaiting-partner submission's clock stands still
    // however much time passes; another's runs on.
    void anAwaitingSubmissionsClockStandsStill()
    {
        Cache cache;
        QVERIFY(ok(cache.open(m_dir.filePath(QStringLiteral("sla.sqlite")))));
        QVERIFY(QueueFixture::fill(cache));
        QueueModel model(&cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QueueContext c = QueueFixture::context(QStringLiteral("u_alice"), {QStringLiteral("reviewer")});
        model.setContext(c);
        const auto sla = [&model](const QString &id, int role) {
            return model.index(model.indexOfId(id).row(), QueueModel::SlaColumn).data(role);
        };
        QCOMPARE(sla(QStringLiteral("q02"), QueueModel::SlaStateRole).toString(), QStringLiteral("paused"));
        QCOMPARE(sla(QStringLiteral("q02"), QueueModel::SortRole).toDouble(), 2.0);
        // (Without a translation loaded, %n's plural stays the source text's.)
        const QString shown = sla(QStringLiteral("q02"), Qt::DisplayRole).toString();
        QVERIFY2(shown.startsWith(QStringLiteral("Awaiting partner, 2 day")), qPrintable(shown));
        QCOMPARE(sla(QStringLiteral("q01"), QueueModel::SortRole).toDouble(), 1.5);
        QCOMPARE(sla(QStringLiteral("q01"), QueueModel::SlaStateRole).toString(), QStringLiteral("on-track"));
        QCOMPARE(sla(QStringLiteral("q04"), QueueModel::SlaStateRole).toString(), QStringLiteral("breached"));
        QCOMPARE(sla(QStringLiteral("q07"), QueueModel::SlaStateRole).toString(), QStringLiteral("none"));

        c.now = QueueFixture::inDays(30);
        model.setContext(c);
        QCOMPARE(sla(QStringLiteral("q02"), QueueModel::SortRole).toDouble(), 2.0);
        QCOMPARE(sla(QStringLiteral("q02"), QueueModel::SlaStateRole).toString(), QStringLiteral("paused"));
        QCOMPARE(sla(QStringLiteral("q01"), QueueModel::SortRole).toDouble(), 31.5);
        QCOMPARE(sla(QStringLiteral("q01"), QueueModel::SlaStateRole).toString(), QStringLiteral("breached"));
    }
};

QTEST_GUILESS_MAIN(TestSlaPolicy)
#include "tst_slapolicy.moc"
