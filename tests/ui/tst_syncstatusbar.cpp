// The sync's status bar attached to a real SyncController syncing from the
// reference marketplace in-process (real HTTP on loopback).

#include "common/LoopbackMarketplace.h"
#include "sync/SyncController.h"
#include "ui/shell/SyncStatusBar.h"

#include <QAction>
#include <QLabel>
#include <QMessageBox>
#include <QMutex>
#include <QProgressBar>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace assay;
using namespace Qt::StringLiterals;

class TestSyncStatusBar : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<test::LoopbackMarketplace> m_market;
    int m_profiles = 0;

    SyncEngine::Options options(const QString &token = test::LoopbackMarketplace::token(u"u_alice"_s))
    {
        SyncEngine::Options o;
        o.server = m_market->url();
        o.token = token;
        o.profileDir = m_dir.filePath(u"p%1"_s.arg(++m_profiles));
        o.maxAttempts = 2;
        o.maxBackoffMs = 50;
        return o;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_market = std::make_unique<test::LoopbackMarketplace>(4);
        QVERIFY2(m_market->ok(), qPrintable(m_market->error()));
    }

    void showsProgressOnlineAndTheLastSync()
    {
        const SyncEngine::Options o = options();
        QDateTime lastSync;
        {
            SyncController controller(o);
            SyncStatusBar bar;
            bar.show();
            bar.attach(&controller);
            QCOMPARE(bar.lastSyncLabel()->text(), u"Never synced"_s);
            QVERIFY(bar.syncNowAction()->isEnabled());
            // What the bar shows while each phase runs (its slot runs first).
            QSet<QString> phases;
            bool barShown = false;
            connect(&controller, &SyncController::progressChanged, this, [&](const QString &phase, int, int) {
                phases.insert(phase);
                barShown = barShown || bar.progressBar()->isVisibleTo(&bar);
            });
            QSignalSpy finished(&controller, &SyncController::finished);
            QSignalSpy lastSyncChanged(&controller, &SyncController::lastSyncChanged);
            QToolButton *syncButton = nullptr;
            for (QToolButton *b : bar.findChildren<QToolButton *>())
                syncButton = b->defaultAction() == bar.syncNowAction() ? b : syncButton;
            QVERIFY(syncButton);
            QVERIFY(!syncButton->accessibleName().isEmpty());
            QTest::mouseClick(syncButton, Qt::LeftButton);
            QVERIFY(controller.isSyncing());
            // A second request during the cycle makes one more cycle, not an overlap.
            controller.syncNow();
            QVERIFY(finished.wait(120000));
            const auto report = finished.first().at(0).value<SyncEngine::Report>();
            QVERIFY2(report.inStep, qPrintable(report.error));
            QVERIFY2(phases.contains(u"feed"_s) && phases.contains(u"details"_s) && phases.contains(u"evidence"_s),
                     qPrintable(QStringList(phases.values()).join(u", "_s)));
            QVERIFY(barShown);
            QVERIFY(!bar.progressBar()->isVisibleTo(&bar));
            QCOMPARE(bar.onlineLabel()->text(), u"Online"_s);
            QCOMPARE(lastSyncChanged.count(), 1);
            lastSync = controller.lastSuccess();
            QVERIFY(lastSync.isValid());
            QVERIFY(qAbs(lastSync.secsTo(QDateTime::currentDateTimeUtc())) < 120);
            QVERIFY2(bar.lastSyncLabel()->text().startsWith(u"Last synced "_s), qPrintable(bar.lastSyncLabel()->text()));
            QVERIFY(bar.failureButton()->isHidden());
            // The coalesced second cycle.
            QVERIFY(finished.wait(120000));
            QCOMPARE(finished.count(), 2);
            lastSync = controller.lastSuccess();
        }
        // Kept in the cache's sync values: a new controller on the profile knows it.
        SyncController again(o);
        SyncStatusBar bar;
        bar.attach(&again);
        QSignalSpy known(&again, &SyncController::lastSyncChanged);
        QVERIFY(known.wait(10000));
        QCOMPARE(known.first().at(0).toDateTime(), lastSync);
        QCOMPARE(again.lastSuccess(), lastSync);
        QVERIFY(bar.lastSyncLabel()->text().startsWith(u"Last synced "_s));
    }

    void changesWaitingHaveRealPlurals()
    {
        SyncStatusBar bar;
        bar.show();
        bar.setPending(1);
        QCOMPARE(bar.pendingLabel()->text(), u"1 change waiting"_s);
        QVERIFY(bar.pendingLabel()->isVisibleTo(&bar));
        bar.setPending(2);
        QCOMPARE(bar.pendingLabel()->text(), u"2 changes waiting"_s);
        bar.setPending(0);
        QVERIFY(!bar.pendingLabel()->isVisibleTo(&bar));
        QVERIFY(!bar.pendingLabel()->accessibleName().isEmpty());
    }

    // Counts are numbers in the user's locale: 12,345 in English, 12.345 in German.
    void countsFollowTheLocale()
    {
        const QLocale before;
        const auto restore = qScopeGuard([before] { QLocale::setDefault(before); });
        SyncStatusBar bar;
        bar.show();
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        bar.setPending(12345);
        QCOMPARE(bar.pendingLabel()->text(), u"12,345 changes waiting"_s);
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        bar.setPending(12345);
        QCOMPARE(bar.pendingLabel()->text(), u"12.345 changes waiting"_s);
    }

    // A wrong token against the real reference server: the failure says
    // what the server said (api.md's error body: its message and code), and
    // no log line repeats the server's words.
    void aRefusedTokenIsAFailureToClick()
    {
        SyncController controller(options(u"t-nobody"_s));
        SyncStatusBar bar;
        bar.show();
        bar.attach(&controller);
        QSignalSpy failed(&controller, &SyncController::failed);
        QSignalSpy finished(&controller, &SyncController::finished);
        // The engine logs from its own thread.
        static QMutex mutex;
        static QStringList logged;
        logged.clear();
        const QtMessageHandler previous = qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &m) {
            const QMutexLocker lock(&mutex);
            logged.append(m);
        });
        controller.syncNow();
        const bool done = finished.wait(60000);
        qInstallMessageHandler(previous);
        QVERIFY(done);
        QCOMPARE(failed.count(), 1);
        const QString message = failed.first().at(0).toString();
        QVERIFY2(message.contains(u"401"_s), qPrintable(message));
        QVERIFY2(message.contains(u"a valid bearer token is required"_s) && message.contains(u"unauthorized"_s),
                 qPrintable(message));
        const QMutexLocker lock(&mutex);
        for (const QString &line : std::as_const(logged))
            QVERIFY2(!line.contains(u"valid bearer token"_s), qPrintable(line));
        // The server answered: online, but not in step.
        QCOMPARE(bar.onlineLabel()->text(), u"Online"_s);
        QVERIFY(!controller.lastSuccess().isValid());
        QVERIFY(bar.failureButton()->isVisibleTo(&bar));
        QVERIFY(!bar.failureButton()->accessibleName().isEmpty());
        QTest::mouseClick(bar.failureButton(), Qt::LeftButton);
        QMessageBox *box = bar.failureDialog();
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        QCOMPARE(box->informativeText(), message);
        box->close();
    }

    void anUnreachableMarketplaceIsOffline()
    {
        test::LoopbackMarketplace gone(0);
        QVERIFY2(gone.ok(), qPrintable(gone.error()));
        SyncEngine::Options o = options();
        o.server = gone.url();
        gone.stop();
        SyncController controller(o);
        SyncStatusBar bar;
        bar.show();
        bar.attach(&controller);
        QSignalSpy online(&controller, &SyncController::onlineChanged);
        QSignalSpy finished(&controller, &SyncController::finished);
        controller.syncNow();
        QVERIFY(finished.wait(60000));
        QVERIFY(!controller.isOnline());
        QCOMPARE(online.count(), 1);
        QCOMPARE(bar.onlineLabel()->text(), u"Offline"_s);
        QVERIFY(bar.failureButton()->isVisibleTo(&bar));
        QVERIFY(!controller.lastError().isEmpty());
    }
};

QTEST_MAIN(TestSyncStatusBar)
#include "tst_syncstatusbar.moc"
