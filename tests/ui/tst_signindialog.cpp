// The sign-in dialog against the reference marketplace in-process (real
// HTTP on loopback, its built-in users with tokens "t-<id>"), storing into a
// credential store in memory.

#include "MemoryCredentialStore.h"
#include "common/LoopbackMarketplace.h"
#include "common/ResultCheck.h"
#include "models/Cache.h"
#include "models/SubmissionStore.h"
#include "sync/KeychainCredentialStore.h"
#include "sync/SyncController.h"
#include "ui/MainWindow.h"
#include "ui/shell/Session.h"
#include "ui/shell/SyncStatusBar.h"
#include "ui/shell/SignInDialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace assay;
using namespace Qt::StringLiterals;

class TestSignInDialog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::LoopbackMarketplace> m_market;

    // Types the server and the token as a user would, and presses Sign in.
    static void typeAndSignIn(SignInDialog &dialog, const QString &server, const QString &token)
    {
        dialog.serverField()->clear();
        dialog.tokenField()->clear();
        QTest::keyClicks(dialog.serverField(), server);
        QTest::keyClicks(dialog.tokenField(), token);
        QVERIFY(dialog.signInButton()->isEnabled());
        QTest::mouseClick(dialog.signInButton(), Qt::LeftButton);
    }

    // The texts the window's status bar shows, joined.
    static QString statusTexts(MainWindow &window)
    {
        QStringList out;
        for (const QLabel *l : window.statusBar()->findChildren<QLabel *>()) {
            if (l->isVisibleTo(&window) && !l->text().isEmpty())
                out.append(l->text());
        }
        return out.join(u" | "_s);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_market = std::make_unique<test::LoopbackMarketplace>(2);
        QVERIFY2(m_market->ok(), qPrintable(m_market->error()));
    }

    void theTokenIsHiddenWhileTyped()
    {
        test::MemoryCredentialStore store;
        SignInDialog dialog(store);
        dialog.show();
        QTest::keyClicks(dialog.tokenField(), u"t-secret"_s);
        QCOMPARE(dialog.tokenField()->echoMode(), QLineEdit::Password);
        QCOMPARE(dialog.tokenField()->text(), u"t-secret"_s);
        QVERIFY(!dialog.tokenField()->displayText().contains(u"secret"_s));
        QVERIFY(!dialog.tokenField()->accessibleName().isEmpty());
        QVERIFY(!dialog.serverField()->accessibleName().isEmpty());
    }

    void aWrongTokenIsRefusedAndNothingStored()
    {
        test::MemoryCredentialStore store;
        SignInDialog dialog(store);
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.show();
        typeAndSignIn(dialog, m_market->url().toString(), u"t-nobody"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isChecking(), 20000);
        QVERIFY2(dialog.messageLabel()->text().contains(u"did not accept this token"_s),
                 qPrintable(dialog.messageLabel()->text()));
        QCOMPARE(accepted.count(), 0);
        QCOMPARE(store.writes, 0);
        QVERIFY(store.tokens.isEmpty());
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.token().isEmpty());
    }

    void aRightTokenIsStoredAndTheUserReturned()
    {
        test::MemoryCredentialStore store;
        SignInDialog dialog(store);
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.show();
        const QString token = test::LoopbackMarketplace::token(u"u_alice"_s);
        typeAndSignIn(dialog, m_market->url().toString(), token);
        QVERIFY(dialog.isChecking());
        QVERIFY(accepted.wait(20000));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.user().id, u"u_alice"_s);
        QCOMPARE(dialog.user().name, u"Alice Reviewer"_s);
        QCOMPARE(dialog.user().roles, QStringList{u"reviewer"_s});
        QCOMPARE(dialog.server(), m_market->url().adjusted(QUrl::RemovePath));
        QVERIFY(dialog.stored());
        QCOMPARE(store.tokens.size(), 1);
        QCOMPARE(store.tokens.value(KeychainCredentialStore::keyFor(m_market->url())), token);
    }

    void plainHttpToAnotherHostIsRefusedBeforeAnyRequest()
    {
        test::MemoryCredentialStore store;
        SignInDialog dialog(store);
        dialog.show();
        typeAndSignIn(dialog, u"http://marketplace.example.com"_s, u"t-u_alice"_s);
        // Refused at once: no check started, nothing stored.
        QVERIFY(!dialog.isChecking());
        QVERIFY2(dialog.messageLabel()->text().contains(u"https://"_s), qPrintable(dialog.messageLabel()->text()));
        QCOMPARE(store.writes, 0);

        QString why;
        QVERIFY(!SignInDialog::isAllowedServer(QUrl(u"http://marketplace.example.com"_s), &why));
        QVERIFY(why.contains(u"marketplace.example.com"_s));
        QVERIFY(!SignInDialog::isAllowedServer(QUrl(u"ftp://marketplace.example.com"_s), &why));
        QVERIFY(!SignInDialog::isAllowedServer(QUrl(u"https://"_s), &why));
        QVERIFY(!SignInDialog::isAllowedServer(QUrl(u"http://127.0.0.1.example.com"_s), &why));
        QVERIFY(SignInDialog::isAllowedServer(QUrl(u"https://marketplace.example.com"_s), &why));
        QVERIFY(why.isEmpty());
        QVERIFY(SignInDialog::isAllowedServer(QUrl(u"http://127.0.0.1:8080"_s)));
        QVERIFY(SignInDialog::isAllowedServer(QUrl(u"http://localhost:8080"_s)));
        QVERIFY(SignInDialog::isAllowedServer(QUrl(u"http://[::1]:8080"_s)));
    }

    void anUnreachableServerIsSaid()
    {
        // A port nothing listens on (bound, then closed).
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        test::MemoryCredentialStore store;
        SignInDialog dialog(store);
        dialog.show();
        typeAndSignIn(dialog, u"http://127.0.0.1:%1"_s.arg(port), u"t-u_alice"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isChecking(), 20000);
        QVERIFY2(dialog.messageLabel()->text().startsWith(u"Could not reach 127.0.0.1"_s),
                 qPrintable(dialog.messageLabel()->text()));
        QCOMPARE(store.writes, 0);
    }

    void cancelStopsACheckAndKeepsTheDialog()
    {
        // A server that takes the connection and never answers.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        test::MemoryCredentialStore store;
        SignInDialog dialog(store);
        QSignalSpy rejected(&dialog, &QDialog::rejected);
        dialog.show();
        typeAndSignIn(dialog, u"http://127.0.0.1:%1"_s.arg(silent.serverPort()), u"t-u_alice"_s);
        QVERIFY(dialog.isChecking());
        QVERIFY(!dialog.signInButton()->isEnabled());
        dialog.reject(); // what Cancel and Escape do
        QVERIFY(!dialog.isChecking());
        QVERIFY(dialog.isVisible());
        QCOMPARE(rejected.count(), 0);
        QVERIFY(dialog.messageLabel()->text().contains(u"cancelled"_s));
        QVERIFY(dialog.signInButton()->isEnabled());
        // Idle, Cancel closes it.
        dialog.reject();
        QCOMPARE(rejected.count(), 1);
        QCOMPARE(store.writes, 0);
    }

    void noKeychainIsExplainedAndTheSessionGoesOn()
    {
        test::MemoryCredentialStore store;
        store.failure = u"no keychain is available here (no D-Bus session)"_s;
        SignInDialog dialog(store);
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.show();
        typeAndSignIn(dialog, m_market->url().toString(), test::LoopbackMarketplace::token(u"u_alice"_s));
        QTRY_COMPARE_WITH_TIMEOUT(store.writes, 1, 20000);
        QTRY_VERIFY(dialog.signInButton()->isEnabled());
        const QString message = dialog.messageLabel()->text();
        QVERIFY2(message.contains(u"ASSAY_TOKEN"_s) && message.contains(u"D-Bus"_s), qPrintable(message));
        QCOMPARE(accepted.count(), 0);
        // The checked token for this session only.
        QTest::mouseClick(dialog.signInButton(), Qt::LeftButton);
        QCOMPARE(accepted.count(), 1);
        QVERIFY(!dialog.stored());
        QCOMPARE(dialog.token(), test::LoopbackMarketplace::token(u"u_alice"_s));
        QCOMPARE(dialog.user().name, u"Alice Reviewer"_s);
    }

    // A fresh profile opened without a dialog (as for a screenshot): the
    // status bar says once that nobody is signed in, not twice.
    void notSignedInIsSaidOnce()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Profile profile(dir.filePath(u"p"_s));
        QCOMPARE(profile.ensureExists().errorString(), QString());
        Cache cache;
        QVERIFY(test::ok(cache.open(profile.cachePath())));
        MainWindow window(&cache, profile);
        Session session(window, cache, profile);
        window.show();
        session.resume(QUrl(), true);
        const QString texts = statusTexts(window);
        QCOMPARE(texts.count(u"signed in"_s, Qt::CaseInsensitive), 1);
        QVERIFY2(texts.contains(u"Not signed in"_s), qPrintable(texts));
    }

    void signingInThroughTheWindowThenOut()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Profile profile(dir.filePath(u"p"_s));
        QCOMPARE(profile.ensureExists().errorString(), QString());
        Cache cache;
        QVERIFY(test::ok(cache.open(profile.cachePath())));
        MainWindow window(&cache, profile);
        Session session(window, cache, profile);
        auto store = std::make_shared<test::MemoryCredentialStore>();
        session.setCredentialStore(store);
        window.show();
        QCOMPARE(window.windowTitle(), u"Assay"_s);
        // F5 is Sync now (off until signed in); Reload from Cache gave it up.
        QAction *syncNow = window.action(u"syncNow"_s);
        QVERIFY(syncNow);
        QCOMPARE(syncNow->shortcut(), QKeySequence(Qt::Key_F5));
        QVERIFY(!syncNow->isEnabled());
        QVERIFY(window.action(u"signIn"_s)->isEnabled());
        QVERIFY(!window.action(u"signOut"_s)->isEnabled());

        window.action(u"signIn"_s)->trigger();
        auto *dialog = window.findChild<SignInDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QSignalSpy started(&session, &Session::started);
        typeAndSignIn(*dialog, m_market->url().toString(), test::LoopbackMarketplace::token(u"u_alice"_s));
        QVERIFY(started.wait(20000));
        SyncController *sync = session.sync();
        QVERIFY(sync);
        QCOMPARE(window.syncBar()->controller(), sync);
        QVERIFY(syncNow->isEnabled());
        QVERIFY(window.action(u"signOut"_s)->isEnabled());
        QCOMPARE(store->tokens.value(KeychainCredentialStore::keyFor(m_market->url())),
                 test::LoopbackMarketplace::token(u"u_alice"_s));
        // The profile remembers its marketplace for the next start.
        QCOMPARE(test::ok(cache.submissions().syncValue(u"server"_s)), m_market->url().adjusted(QUrl::RemovePath).toString());
        // The first sync stores who signed in: the title names them.
        QTRY_COMPARE_WITH_TIMEOUT(window.windowTitle(), u"Assay — Alice Reviewer (reviewer)"_s, 60000);

        window.action(u"signOut"_s)->trigger();
        QVERIFY(!session.sync());
        const QString texts = statusTexts(window);
        QCOMPARE(texts.count(u"signed"_s, Qt::CaseInsensitive), 1);
        QVERIFY2(texts.contains(u"Not signed in"_s), qPrintable(texts));
        QVERIFY(store->tokens.isEmpty());
        QCOMPARE(window.windowTitle(), u"Assay"_s);
        QVERIFY(!syncNow->isEnabled());
        QVERIFY(window.action(u"signIn"_s)->isEnabled());
    }
};

QTEST_MAIN(TestSignInDialog)
#include "tst_signindialog.moc"
