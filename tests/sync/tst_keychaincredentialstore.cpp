#include "common/LoopbackMarketplace.h"
#include "sync/CredentialChain.h"
#include "sync/KeychainCredentialStore.h"

#include <QDirIterator>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <tuple>

using namespace assay;
using namespace assay::test;
using namespace Qt::StringLiterals;

// The token in the real system keychain: QtKeychain talking to gnome-keyring
// over a private D-Bus session (tests/sync/with-keychain.sh), then `assay
// login`, `assay sync` reading the token from there, and `assay logout`.
// Where no keychain can run the test skips, unless the wrapper said one would
// (ASSAY_EXPECT_KEYCHAIN): then a missing keychain fails it.
class TestKeychainCredentialStore : public QObject
{
    Q_OBJECT

private:
    KeychainCredentialStore m_keychain;

    // The stores answer asynchronously; a keychain that never answers is a
    // failure of the call, not a hung test.
    template<typename T>
    static bool waitFor(const std::optional<T> &answer)
    {
        QDeadlineTimer deadline(20000);
        while (!answer && !deadline.hasExpired())
            QTest::qWait(5);
        return answer.has_value();
    }

    std::pair<QString, QString> read(const QString &key)
    {
        std::optional<std::pair<QString, QString>> answer;
        m_keychain.read(key, [&](QString token, QString error) { answer.emplace(token, error); });
        return waitFor(answer) ? *answer : std::pair<QString, QString>{{}, u"the keychain did not answer"_s};
    }
    QString write(const QString &key, const QString &token)
    {
        std::optional<QString> answer;
        m_keychain.write(key, token, [&](QString error) { answer = error; });
        return waitFor(answer) ? *answer : u"the keychain did not answer"_s;
    }
    QString remove(const QString &key)
    {
        std::optional<QString> answer;
        m_keychain.remove(key, [&](QString error) { answer = error; });
        return waitFor(answer) ? *answer : u"the keychain did not answer"_s;
    }

    static QString newToken() { return u"tok_"_s + QUuid::createUuid().toString(QUuid::Id128); }

    // The files under `dir` whose bytes contain `secret` in clear text.
    static QStringList filesHolding(const QString &dir, const QString &secret)
    {
        QStringList found;
        QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.open(QIODevice::ReadOnly) && f.readAll().contains(secret.toUtf8()))
                found.append(f.fileName());
        }
        return found;
    }

    // What the Secret Service holds under QtKeychain's attributes, asked
    // behind QtKeychain's back.
    static std::optional<QString> secretToolLookup(const QString &key)
    {
        QProcess p;
        p.start(u"secret-tool"_s, {u"lookup"_s, u"server"_s, u"Assay"_s, u"user"_s, key});
        if (!p.waitForFinished(20000) || p.exitStatus() != QProcess::NormalExit)
            return std::nullopt;
        return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    }

    struct Run
    {
        int exit = -1;
        QString out, err;
    };
    // The assay program, with the event loop running meanwhile: the
    // marketplace it talks to serves from this process.
    static Run assay(const QStringList &args, const QByteArray &input = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"ASSAY_TOKEN"_s);
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("ASSAY_BIN_DIR") + u"/assay"_s, args);
        p.write(input);
        p.closeWriteChannel();
        QDeadlineTimer deadline(120000);
        while (p.state() != QProcess::NotRunning && !deadline.hasExpired())
            QTest::qWait(20);
        if (p.state() != QProcess::NotRunning) {
            p.kill(); // shows as exit -1 below
            std::ignore = p.waitForFinished();
        }
        return Run{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
                   QString::fromUtf8(p.readAllStandardError())};
    }

private Q_SLOTS:
    void initTestCase()
    {
        const bool expected = qEnvironmentVariableIsSet("ASSAY_EXPECT_KEYCHAIN");
        if (const QString reason = KeychainCredentialStore::unavailableReason(); !reason.isEmpty()) {
            if (expected)
                QFAIL(qPrintable(u"a keychain was expected here, but "_s + reason));
            QSKIP(qPrintable(reason + u"; ./dev test runs this against gnome-keyring"_s));
        }
        // A bus without a Secret Service on it (or one that is locked) is
        // no keychain either.
        const QString error = write(u"assay-test://probe"_s, newToken());
        if (!error.isEmpty()) {
            if (expected)
                QFAIL(qPrintable(u"the keychain does not work: "_s + error));
            QSKIP(qPrintable(u"no working keychain on this session bus: "_s + error));
        }
        QVERIFY(remove(u"assay-test://probe"_s).isEmpty());
    }

    void aWrittenTokenReadsBack()
    {
        const QString key = u"http://127.0.0.1:1"_s;
        const QString token = newToken();
        QCOMPARE(write(key, token), QString());
        const auto [got, error] = read(key);
        QCOMPARE(error, QString());
        QCOMPARE(got, token);
        // A second write replaces the first.
        const QString next = newToken();
        QCOMPARE(write(key, next), QString());
        QCOMPARE(read(key).first, next);
    }

    void theTokenIsInTheSecretServiceAndInNoFile()
    {
        const QString key = u"https://marketplace.example"_s;
        const QString token = newToken();
        QCOMPARE(write(key, token), QString());
        const auto stored = secretToolLookup(key);
        if (!stored)
            QSKIP("secret-tool is not installed here");
        QCOMPARE(*stored, token);
        // Not in clear text anywhere under HOME: QtKeychain's insecure
        // fallback (a plain settings file) stays off, and the keyring file
        // is encrypted.
        QCOMPARE(filesHolding(QDir::homePath(), token), QStringList());
    }

    void eachServerHasItsOwnToken()
    {
        const QString a = newToken(), b = newToken();
        QCOMPARE(write(u"https://a.example"_s, a), QString());
        QCOMPARE(write(u"https://b.example:8443"_s, b), QString());
        QCOMPARE(read(u"https://a.example"_s).first, a);
        QCOMPARE(read(u"https://b.example:8443"_s).first, b);
    }

    void aRemovedTokenIsGone()
    {
        const QString key = u"https://gone.example"_s;
        QCOMPARE(write(key, newToken()), QString());
        QCOMPARE(remove(key), QString());
        const auto [got, error] = read(key);
        QCOMPARE(got, QString());
        QVERIFY2(!error.isEmpty(), "reading a removed entry says why nothing came back");
    }

    void keysAreOrigins()
    {
        QCOMPARE(KeychainCredentialStore::keyFor(QUrl(u"https://m.example:8443/api/v1?x=1#f"_s)), u"https://m.example:8443"_s);
        QCOMPARE(KeychainCredentialStore::keyFor(QUrl(u"http://user:pw@127.0.0.1:8080/"_s)), u"http://127.0.0.1:8080"_s);
    }

    // The chain production reads the token with: ASSAY_TOKEN when it is
    // set, else this keychain's entry for the server's origin.
    void theChainReadsTheEnvironmentThenTheKeychain()
    {
        const auto restore = qScopeGuard([] { qunsetenv("ASSAY_TOKEN"); });
        const QUrl server(u"https://chain.example:8443/api/v1"_s);
        const QString kept = newToken();
        QCOMPARE(write(KeychainCredentialStore::keyFor(server), kept), QString());
        auto readChain = [&server] {
            std::optional<std::pair<QString, QString>> answer;
            CredentialChain::standard().read(server, [&](QString token, QString error) { answer.emplace(token, error); });
            return waitFor(answer) ? *answer : std::pair<QString, QString>{{}, u"the chain did not answer"_s};
        };
        qputenv("ASSAY_TOKEN", "t-from-env");
        QCOMPARE(readChain(), (std::pair<QString, QString>{u"t-from-env"_s, QString()}));
        qunsetenv("ASSAY_TOKEN");
        QCOMPARE(readChain(), (std::pair<QString, QString>{kept, QString()}));
        QCOMPARE(remove(KeychainCredentialStore::keyFor(server)), QString());
        const auto [none, why] = readChain();
        QCOMPARE(none, QString());
        QVERIFY2(why.startsWith(u"ASSAY_TOKEN is not set; keychain: "_s), qPrintable(why));
    }

    // The command line: sign in, sync with the keychain's token, sign out.
    void loginSyncLogout()
    {
        if (!QFile::exists(qEnvironmentVariable("ASSAY_BIN_DIR") + u"/assay"_s))
            QSKIP("the assay program is not built here (a GUI-less build)");
        LoopbackMarketplace market(5);
        QVERIFY2(market.ok(), qPrintable(market.error()));
        const QString server = market.url().toString();
        const QString key = KeychainCredentialStore::keyFor(market.url());
        QTemporaryDir profile;

        // A refused token is not stored.
        Run r = assay({u"login"_s, u"--server"_s, server}, "t-nobody\n");
        QCOMPARE(r.exit, 3);
        QVERIFY2(r.err.contains(u"refused this token"_s), qPrintable(r.err));
        QVERIFY(read(key).first.isEmpty());

        // Without a token anywhere, sync says how to sign in.
        r = assay({u"sync"_s, u"--profile"_s, profile.path(), u"--server"_s, server, u"--no-evidence"_s});
        QCOMPARE(r.exit, 3);
        QVERIFY2(r.err.contains(u"assay login --server"_s), qPrintable(r.err));

        const QString token = LoopbackMarketplace::token(u"u_alice"_s);
        r = assay({u"login"_s, u"--server"_s, server + u"/"_s}, token.toUtf8() + "\n");
        QCOMPARE(r.exit, 0);
        QVERIFY2(r.out.contains(u"signed in"_s) && r.out.contains(u"Alice"_s), qPrintable(r.out + r.err));
        QCOMPARE(read(key).first, token);

        r = assay({u"sync"_s, u"--profile"_s, profile.path(), u"--server"_s, server, u"--no-evidence"_s});
        QCOMPARE(r.exit, 0);
        QVERIFY2(r.out.startsWith(u"in step: 5 submissions"_s), qPrintable(r.out + r.err));
        // The token went to no file of the profile, and to no output.
        QCOMPARE(filesHolding(profile.path(), token), QStringList());
        QVERIFY(!r.out.contains(token) && !r.err.contains(token));

        r = assay({u"logout"_s, u"--server"_s, server});
        QCOMPARE(r.exit, 0);
        QVERIFY(read(key).first.isEmpty());
        r = assay({u"sync"_s, u"--profile"_s, profile.path(), u"--no-evidence"_s});
        QCOMPARE(r.exit, 3);
        QVERIFY2(r.err.contains(u"not set"_s), qPrintable(r.err));
    }
};

QTEST_MAIN(TestKeychainCredentialStore)
#include "tst_keychaincredentialstore.moc"
