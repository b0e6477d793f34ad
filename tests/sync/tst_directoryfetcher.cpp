#include "models/UserDirectory.h"
#include "common/ResultCheck.h"
#include "PartFixture.h"
#include "models/CacheConnection.h"
#include "sync/DirectoryFetcher.h"

#include <QSqlDatabase>
#include <QSqlQuery>

using namespace assay;
using namespace assay::test;
using namespace Qt::StringLiterals;

// DirectoryFetcher alone: the signed-in user and every user's name, asked
// for only when due (the user once per engine, the names hourly), so that a
// sync with nothing new stays one request.
class TestDirectoryFetcher : public QObject
{
    Q_OBJECT

    PartTemplate m_template;

    static QStringList paths(const QSignalSpy &served)
    {
        QStringList out;
        for (const auto &call : served)
            out.append(call.at(1).toString());
        out.sort();
        return out;
    }

    static bool exec(Cache &cache, const QString &sql)
    {
        QSqlQuery q(cache.connection().database());
        return q.exec(sql);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(m_template.make(), QString());
    }

    void fetchesWhatIsDueOnly()
    {
        PartFixture f(m_template.path);
        QVERIFY(f.ok());
        UserDirectory &users = f.cache.users();
        QCOMPARE(users.name(u"u_bob"_s), u"u_bob"_s); // nothing known yet: the id
        QSignalSpy stopped(&f.cycle, &SyncCycle::stopRequested);
        QSignalSpy served(&f.market.api(), &server::ApiServer::requestServed);
        {
            DirectoryFetcher directory(f.cache, f.client, f.cycle);
            QSignalSpy done(&directory, &DirectoryFetcher::done);
            directory.start();
            QVERIFY(directory.isActive());
            QVERIFY2(PartFixture::wait(done, stopped), qPrintable(stopped.value(0).value(0).toString()));
            QCOMPARE(paths(served), (QStringList{u"/api/v1/me"_s, u"/api/v1/users"_s}));
            const std::optional<UserDirectory::User> me = test::ok(users.me());
            QVERIFY(me);
            QCOMPARE(me->id, u"u_alice"_s);
            QCOMPARE(me->name, u"Alice Reviewer"_s);
            QVERIFY(me->hasRole(u"reviewer"_s));
            const QList<UserDirectory::User> all = test::ok(users.users());
            QVERIFY(all.size() >= 4);
            QVERIFY(all.contains(*me));
            QCOMPARE(users.name(u"u_alice"_s), u"Alice Reviewer"_s);
            QCOMPARE(users.name(u"u_nobody"_s), u"u_nobody"_s);
            QVERIFY(test::ok(users.names()).contains(u"u_bob"_s));
            QVERIFY(test::ok(users.usersStoredAt()).has_value());

            // The same engine's next cycle: nothing is due, nothing asked.
            served.clear();
            f.cycle.begin();
            directory.start();
            QVERIFY(!directory.isActive());
            QCoreApplication::processEvents();
            QCOMPARE(served.size(), 0);

        }

        // A new engine asks who is signed in once; users stored within the
        // hour are not asked for (a row removed behind its back stays gone).
        QVERIFY(exec(f.cache, u"DELETE FROM users WHERE id = 'u_bob'"_s));
        served.clear();
        {
            DirectoryFetcher directory(f.cache, f.client, f.cycle);
            QSignalSpy done(&directory, &DirectoryFetcher::done);
            f.cycle.begin();
            directory.start();
            QVERIFY(PartFixture::wait(done, stopped));
            QCOMPARE(paths(served), QStringList{u"/api/v1/me"_s});
            QCOMPARE(users.name(u"u_bob"_s), u"u_bob"_s);
        }

        // Over an hour old: the list is fetched again, whole.
        QVERIFY(exec(f.cache, u"UPDATE sync_state SET value = '2020-01-01T00:00:00Z' WHERE key = 'users_stored_at'"_s));
        served.clear();
        {
            DirectoryFetcher directory(f.cache, f.client, f.cycle);
            QSignalSpy done(&directory, &DirectoryFetcher::done);
            f.cycle.begin();
            directory.start();
            QVERIFY(PartFixture::wait(done, stopped));
            QCOMPARE(paths(served), (QStringList{u"/api/v1/me"_s, u"/api/v1/users"_s}));
            QVERIFY(users.name(u"u_bob"_s) != u"u_bob"_s);
        }
        QCOMPARE(stopped.size(), 0);
    }

    void aRefusedTokenStopsTheCycle()
    {
        PartFixture f(m_template.path, 4, u"revoked"_s);
        QVERIFY(f.ok());
        DirectoryFetcher directory(f.cache, f.client, f.cycle);
        QSignalSpy done(&directory, &DirectoryFetcher::done);
        QSignalSpy stopped(&f.cycle, &SyncCycle::stopRequested);
        directory.start();
        QVERIFY(!PartFixture::wait(done, stopped));
        QVERIFY(f.cycle.report().tokenRejected);
        QVERIFY(!test::ok(f.cache.users().me()));
    }
};

QTEST_MAIN(TestDirectoryFetcher)
#include "tst_directoryfetcher.moc"
