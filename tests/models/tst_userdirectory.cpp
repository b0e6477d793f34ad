#include "common/ResultCheck.h"
#include "models/Cache.h"
#include "models/UserDirectory.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace assay;
using test::ok;

// The users as the cache keeps them: the list replaced whole, names with
// the id as their fallback, the signed-in user across restarts.
class TestUserDirectory : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void usersAndMe()
    {
        const QString path = m_dir.filePath(QStringLiteral("cache.sqlite"));
        const UserDirectory::User bob{QStringLiteral("u_bob"), QStringLiteral("Bob Reviewer"), {QStringLiteral("reviewer")}};
        const UserDirectory::User sam{QStringLiteral("u_sam"), QStringLiteral("Sam Security"),
                                      {QStringLiteral("security"), QStringLiteral("reviewer")}};
        {
            Cache cache;
            QVERIFY(ok(cache.open(path)));
            UserDirectory &users = cache.users();
            QCOMPARE(ok(users.me()), std::nullopt);
            QCOMPARE(ok(users.usersStoredAt()), std::nullopt);
            QVERIFY(ok(users.users()).isEmpty());
            QVERIFY(ok(users.storeUsers({bob, {QStringLiteral("u_old"), QStringLiteral("Gone"), {}}})));
            QVERIFY(ok(users.storeUsers({sam, bob})));
            QVERIFY(ok(users.storeMe(sam)));
        }
        Cache cache;
        QVERIFY(ok(cache.open(path)));
        UserDirectory &users = cache.users();
        // Replaced whole: u_old is gone.
        QCOMPARE(ok(users.users()), (QList<UserDirectory::User>{bob, sam}));
        QCOMPARE(users.name(QStringLiteral("u_sam")), QStringLiteral("Sam Security"));
        QCOMPARE(users.name(QStringLiteral("u_old")), QStringLiteral("u_old"));
        QCOMPARE(users.name(QString()), QString());
        QCOMPARE(ok(users.names()).value(QStringLiteral("u_bob")), QStringLiteral("Bob Reviewer"));
        const std::optional<QDateTime> storedAt = ok(users.usersStoredAt());
        QVERIFY(storedAt && storedAt->isValid());
        QVERIFY(qAbs(storedAt->secsTo(QDateTime::currentDateTimeUtc())) < 300);
        const std::optional<UserDirectory::User> me = ok(users.me());
        QCOMPARE(me, std::optional(sam));
        QVERIFY(me->hasRole(QStringLiteral("security")));
        QVERIFY(!me->hasRole(QStringLiteral("lead")));
    }
};

QTEST_GUILESS_MAIN(TestUserDirectory)
#include "tst_userdirectory.moc"
