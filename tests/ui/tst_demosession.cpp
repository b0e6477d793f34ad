// The Demo menu (app/DemoSession) in this process, against a real child
// assay-marketplace: switching signs the other demo user in with a profile
// of their own, and back again to the first user's window and profile.

#include "app/DemoSession.h"
#include "models/Cache.h"
#include "models/UserDirectory.h"
#include "sync/SyncController.h"
#include "ui/MainWindow.h"
#include "ui/shell/SyncStatusBar.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace assay;
using namespace Qt::StringLiterals;

namespace {
constexpr int StartMs = 120000;

QString meIn(const QString &cachePath)
{
    Cache cache;
    if (!cache.open(cachePath))
        return {};
    const Result<std::optional<UserDirectory::User>> me = cache.users().me();
    return me && *me ? (*me)->id : QString();
}

// The latest change to an open submission in a cache (invalid: none yet).
QDateTime latestOpenChange(const QString &cachePath)
{
    const QString name = u"tst_demosession-read"_s;
    QDateTime latest;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(cachePath);
        QSqlQuery q(db);
        if (db.open() && q.exec(u"SELECT max(updated_at) FROM submissions WHERE stage <> 'done'"_s) && q.next())
            latest = QDateTime::fromString(q.value(0).toString(), Qt::ISODate);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return latest;
}

QList<MainWindow *> mainWindows()
{
    QList<MainWindow *> out;
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (auto *m = qobject_cast<MainWindow *>(w))
            out.append(m);
    }
    return out;
}
} // namespace

class TestDemoSession : public QObject
{
    Q_OBJECT

    QTemporaryDir m_scripts;

    QString script(const QString &name, const QByteArray &body)
    {
        const QString path = m_scripts.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write("#!/bin/sh\n" + body + '\n') < 0
            || !f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner))
            qFatal("cannot write a script in the test's folder");
        return path;
    }

private Q_SLOTS:
    // What the window's status line says when the child is no server.
    void aChildThatIsNoServerIsAClearError_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QString>("says");
        QTest::newRow("missing") << u"/nonexistent/assay-marketplace"_s << u"install the package assay-marketplace"_s;
        QTest::newRow("exits at once") << u"/bin/false"_s << u"ended with exit code 1 before it was ready"_s;
        // echo prints its arguments, the first of them --listen.
        QTest::newRow("garbage") << u"/bin/echo"_s << u"said “--listen 127.0.0.1:0"_s;
        // Waits on the open pipe and says nothing.
        QTest::newRow("silent") << script(u"silent"_s, "exec cat >/dev/null") << u"did not say where it listens"_s;
        QTest::newRow("no lead") << script(u"nolead"_s, "echo 'listening on http://127.0.0.1:9'; echo 'token u_a reviewer t'; exec cat >/dev/null")
                                 << u"lists no demo user with the role “lead”"_s;
    }

    void aChildThatIsNoServerIsAClearError()
    {
        QFETCH(QString, program);
        QFETCH(QString, says);
        DemoMarketplace::Options options;
        options.program = program;
        options.seedCache = u"-"_s;
        options.startTimeout = std::chrono::milliseconds(500);
        DemoMarketplace marketplace(options);
        marketplace.setRole(u"lead"_s);
        QSignalSpy failed(&marketplace, &DemoMarketplace::failed);
        QSignalSpy ready(&marketplace, &DemoMarketplace::ready);
        marketplace.start();
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        const QString message = failed.at(0).at(0).toString();
        QVERIFY2(message.contains(says), qPrintable(message));
        QCOMPARE(ready.count(), 0);
        QTRY_COMPARE(marketplace.processId(), 0); // nothing left running
    }

    void foldersOfKilledSessionsAreRemovedOthersKept()
    {
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        const QDir dir(temp.path());
        for (const QString &name : {u"assay-demo-killed"_s, u"assay-demo-running"_s, u"assay-demo-unlocked"_s, u"other-killed"_s})
            QVERIFY(dir.mkpath(name + u"/reviewer/evidence"_s));
        // A lock whose process is gone (pid, application, host: QLockFile's
        // format), one this process holds, and none.
        for (const QString &name : {u"assay-demo-killed"_s, u"other-killed"_s}) {
            QFile stale(dir.filePath(name + u"/session.lock"_s));
            QVERIFY(stale.open(QIODevice::WriteOnly));
            QVERIFY(stale.write("2147483646\nassay\n\n") > 0);
        }
        QLockFile held(dir.filePath(u"assay-demo-running/session.lock"_s));
        QVERIFY(held.tryLock(0));

        QCOMPARE(DemoSession::removeAbandoned(temp.path()), 1);
        QVERIFY(!dir.exists(u"assay-demo-killed"_s));
        QVERIFY(dir.exists(u"assay-demo-running/reviewer/evidence"_s));
        QVERIFY(dir.exists(u"assay-demo-unlocked/reviewer/evidence"_s));
        QVERIFY(dir.exists(u"other-killed/reviewer/evidence"_s));
    }

    void switchingSignsInTheOtherUserWithAProfileOfTheirOwn()
    {
        QTemporaryDir seedCache;
        QVERIFY(seedCache.isValid());
        DemoMarketplace::Options options;
        options.program = qEnvironmentVariable("ASSAY_BIN_DIR") + u"/assay-marketplace"_s;
        options.submissions = 12;
        options.seedCache = seedCache.path();
        DemoSession session(u"reviewer"_s, options);
        const Result<Profile> profile = session.profileFor(u"reviewer"_s);
        QCOMPARE(profile.errorString(), QString());
        Cache cache;
        QCOMPARE(cache.open(profile->cachePath()).errorString(), QString());
        MainWindow window(&cache, *profile);
        std::unique_ptr<SyncController> sync;
        connect(&session.marketplace(), &DemoMarketplace::ready, this, [&](const QUrl &url, const QString &token) {
            SyncEngine::Options o;
            o.server = url;
            o.token = token;
            o.profileDir = profile->dir();
            sync = std::make_unique<SyncController>(o);
            sync->start();
        });
        session.adopt(&window);
        window.show();
        auto *menu = window.findChild<QMenu *>(u"demoMenu"_s);
        QVERIFY(menu);
        QVERIFY(!menu->isEnabled()); // nobody to switch to before the server is up
        session.start();
        QTRY_VERIFY_WITH_TIMEOUT(session.marketplace().isReady(), StartMs);
        QVERIFY(menu->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(meIn(profile->cachePath()), u"u_alice"_s, StartMs);
        // The seeded story ends on the day the demo started, not on its
        // fixed date: the open work is days old, not weeks or years.
        QTRY_VERIFY_WITH_TIMEOUT(latestOpenChange(profile->cachePath()).isValid(), StartMs);
        const QDateTime latest = latestOpenChange(profile->cachePath());
        QVERIFY2(latest <= QDateTime::currentDateTimeUtc() && latest.daysTo(QDateTime::currentDateTimeUtc()) <= 3,
                 qPrintable(latest.toString(Qt::ISODate)));

        QSignalSpy switched(&session, &DemoSession::switched);
        auto *toLead = window.findChild<QAction *>(u"demoUser-lead"_s);
        QVERIFY(toLead);
        QVERIFY(!toLead->isChecked());
        toLead->trigger();
        QCOMPARE(switched.count(), 1);
        QCOMPARE(switched.at(0).at(0).toString(), u"lead"_s);
        QCOMPARE(switched.at(0).at(1).toString(), u"u_carol"_s);
        QCOMPARE(session.role(), u"lead"_s);
        QCOMPARE(mainWindows().size(), 2);
        MainWindow *leadWindow = mainWindows().at(mainWindows().at(0) == &window ? 1 : 0);
        QVERIFY(leadWindow->isVisible());
        QVERIFY(!window.isVisible());
        QVERIFY(leadWindow->findChild<QAction *>(u"demoUser-lead"_s)->isChecked());
        // The lead's window has a session as the first one has: its status
        // bar follows the lead's sync, and the Account menu signs out.
        SyncController *leadSync = leadWindow->syncBar()->controller();
        QVERIFY(leadSync);
        QVERIFY(leadWindow->action(u"syncNow"_s)->isEnabled());
        QVERIFY(leadWindow->action(u"signOut"_s)->isEnabled());
        // The lead's own profile, signed in as the lead; the reviewer's is
        // still the reviewer's.
        const QString leadCache = session.profileFor(u"lead"_s)->cachePath();
        QVERIFY(leadCache != profile->cachePath());
        QTRY_COMPARE_WITH_TIMEOUT(meIn(leadCache), u"u_carol"_s, StartMs);
        QCOMPARE(meIn(profile->cachePath()), u"u_alice"_s);
        QTRY_COMPARE_WITH_TIMEOUT(leadWindow->windowTitle(), u"Assay — Carol Lead (lead)"_s, StartMs);
        leadWindow->action(u"signOut"_s)->trigger();
        QCOMPARE(leadWindow->syncBar()->controller(), nullptr);
        QVERIFY(!leadWindow->action(u"syncNow"_s)->isEnabled());
        QCOMPARE(leadWindow->syncBar()->onlineLabel()->text(), u"Not signed in"_s);
        QVERIFY(leadWindow->action(u"signIn"_s)->isEnabled());

        // Back: the reviewer's window again, not a third one.
        leadWindow->findChild<QAction *>(u"demoUser-reviewer"_s)->trigger();
        QCOMPARE(session.role(), u"reviewer"_s);
        QVERIFY(window.isVisible());
        QVERIFY(!leadWindow->isVisible());
        QCOMPARE(mainWindows().size(), 2);
        QVERIFY(window.findChild<QAction *>(u"demoUser-reviewer"_s)->isChecked());
        sync.reset();
    }
};

QTEST_MAIN(TestDemoSession)
#include "tst_demosession.moc"
