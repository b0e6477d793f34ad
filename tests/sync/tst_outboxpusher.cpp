#include "models/Outbox.h"
#include "common/ResultCheck.h"
#include "PartFixture.h"
#include "sync/OutboxPusher.h"

#include <QSqlDatabase>
#include <QSqlQuery>

using namespace assay;
using namespace assay::test;
using namespace Qt::StringLiterals;

// OutboxPusher alone: decisions from the outbox to the reference
// marketplace, each row settled by what the server said.
class TestOutboxPusher : public QObject
{
    Q_OBJECT

    QTemporaryDir m_templateDir;
    QString m_template;

    static QJsonObject comment(const QString &body, const QString &visibility = u"partner"_s)
    {
        return {{u"body"_s, body}, {u"visibility"_s, visibility}};
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_template = m_templateDir.filePath(u"t.sqlite"_s);
        QCOMPARE(LoopbackMarketplace::makeTemplate(m_template, PartFixture::Submissions), QString());
    }

    void eachRowIsSettledByTheServersAnswer()
    {
        PartFixture f(m_template);
        QVERIFY(f.ok());
        QVERIFY(f.storeSummaries());
        const auto accepted = f.cache.outbox().enqueue(OutboxEntry::Kind::Comment, u"s_00001"_s, comment(u"Please send the RLS policies."_s));
        // Not a visibility the API knows: refused for good (422).
        const auto refused = f.cache.outbox().enqueue(OutboxEntry::Kind::Comment, u"s_00002"_s, comment(u"x"_s, u"everyone"_s));
        const auto after = f.cache.outbox().enqueue(OutboxEntry::Kind::Comment, u"s_00003"_s, comment(u"And the audit log."_s));
        QVERIFY(accepted && refused && after);

        OutboxPusher pusher(f.cache, f.client, f.cycle);
        QSignalSpy done(&pusher, &OutboxPusher::done);
        QSignalSpy stopped(&f.cycle, &SyncCycle::stopRequested);
        QSignalSpy changed(&f.cycle, &SyncCycle::submissionsChanged);
        pusher.start();
        QVERIFY2(PartFixture::wait(done, stopped), qPrintable(stopped.value(0).value(0).toString()));

        QCOMPARE(test::ok(f.cache.outbox().entry(*accepted))->state, OutboxEntry::State::Sent);
        QCOMPARE(test::ok(f.cache.outbox().entry(*refused))->state, OutboxEntry::State::Failed);
        QVERIFY(test::ok(f.cache.outbox().entry(*refused))->lastError.contains(u"422"_s));
        // One refusal does not hold up the rows after it.
        QCOMPARE(test::ok(f.cache.outbox().entry(*after))->state, OutboxEntry::State::Sent);
        QCOMPARE(f.cycle.report().pushed, 2);
        QCOMPARE(f.cycle.report().failed, 1);
        QCOMPARE(f.cycle.report().problems.size(), 1);
        QCOMPARE(changed.size(), 2);
        const auto s1 = f.market.store().submission(u"s_00001"_s);
        QVERIFY(std::any_of(s1->comments.cbegin(), s1->comments.cend(),
                            [](const auto &c) { return c.body == u"Please send the RLS policies."_s; }));
    }

    // A row the cache cannot mark sent would be pushed again at once, and
    // again: the cycle stops instead, saying why.
    void aRowThatCannotBeSettledStopsTheCycle()
    {
        PartFixture f(m_template);
        QVERIFY(f.ok());
        QVERIFY(f.storeSummaries());
        const auto id = f.cache.outbox().enqueue(OutboxEntry::Kind::Comment, u"s_00001"_s, comment(u"Once."_s));
        QVERIFY(id);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"saboteur"_s);
            db.setDatabaseName(f.profile.cachePath());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"CREATE TRIGGER refuse_sent BEFORE UPDATE OF state ON outbox WHEN NEW.state = 'sent' "
                           "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"_s));
        }
        QSqlDatabase::removeDatabase(u"saboteur"_s);

        OutboxPusher pusher(f.cache, f.client, f.cycle);
        QSignalSpy done(&pusher, &OutboxPusher::done);
        QSignalSpy stopped(&f.cycle, &SyncCycle::stopRequested);
        QSignalSpy served(&f.market.api(), &server::ApiServer::requestServed);
        pusher.start();
        QVERIFY(!PartFixture::wait(done, stopped));
        QVERIFY2(stopped.first().at(0).toString().contains(u"accepted but could not be marked sent"_s),
                 qPrintable(stopped.first().at(0).toString()));
        QCOMPARE(served.size(), 1);
        QCOMPARE(test::ok(f.cache.outbox().entry(*id))->state, OutboxEntry::State::Pending);
    }
};

QTEST_MAIN(TestOutboxPusher)
#include "tst_outboxpusher.moc"
