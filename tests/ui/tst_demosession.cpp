// The Demo menu (app/DemoSession) in this process, against a real child
// assay-marketplace: switching signs the other demo user in with a profile
// of their own, and back again to the first user's window and profile.

#include "app/DemoSession.h"
#include "models/Cache.h"
#include "models/UserDirectory.h"
#include "sync/SyncController.h"
#include "ui/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QSignalSpy>
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

private Q_SLOTS:
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
        // The lead's own profile, signed in as the lead; the reviewer's is
        // still the reviewer's.
        const QString leadCache = session.profileFor(u"lead"_s)->cachePath();
        QVERIFY(leadCache != profile->cachePath());
        QTRY_COMPARE_WITH_TIMEOUT(meIn(leadCache), u"u_carol"_s, StartMs);
        QCOMPARE(meIn(profile->cachePath()), u"u_alice"_s);

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
