#include "common/LoopbackMarketplace.h"
#include "sync/CredentialChain.h"
#include "sync/CredentialStore.h"
#include "sync/KeychainCredentialStore.h"
#include "sync/MarketplaceClient.h"
#include "sync/SyncEngine.h"

#include <QHttpServer>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace assay;
using namespace assay::test;
using namespace Qt::StringLiterals;

// TLS that fails is fatal; tokens come from the environment, then the
// keychain, through the chain production uses; what the reviewer opened is
// fetched first.
class TestTransportSafety : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void certificateErrorsAreFatal()
    {
        const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
        if (openssl.isEmpty())
            QSKIP("openssl is not installed to make a test certificate");
        QTemporaryDir dir;
        QProcess p;
        p.start(openssl, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-days"_s, u"1"_s,
                          u"-subj"_s, u"/CN=127.0.0.1"_s, u"-keyout"_s, dir.filePath(u"key.pem"_s), u"-out"_s,
                          dir.filePath(u"cert.pem"_s)});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        QFile certFile(dir.filePath(u"cert.pem"_s));
        QFile keyFile(dir.filePath(u"key.pem"_s));
        QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(QSslCertificate(&certFile, QSsl::Pem));
        tls.setPrivateKey(QSslKey(&keyFile, QSsl::Rsa, QSsl::Pem));
        QHttpServer http;
        // Heap-allocated: binding hands it to the HTTP server, which deletes it.
        auto *tcp = new QSslServer;
        tcp->setSslConfiguration(tls);
        QVERIFY(tcp->listen(QHostAddress::LocalHost, 0));
        http.route(u"/api/v1/me"_s, [] { return QJsonObject{{u"id"_s, u"u_x"_s}, {u"name"_s, u"X"_s}, {u"roles"_s, QJsonArray{u"reviewer"_s}}}; });
        QVERIFY(http.bind(tcp));

        // A self-signed certificate is not trusted: the call fails as a TLS
        // error, and nothing is ignored to make it pass.
        MarketplaceClient client(QUrl(u"https://127.0.0.1:%1"_s.arg(tcp->serverPort())), u"t"_s);
        std::optional<MarketplaceClient::Result<MarketplaceClient::Account>> result;
        client.me([&result](auto r) { result = r; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 30000);
        QVERIFY(!result->ok());
        QCOMPARE(result->error.kind, ApiError::Kind::Tls);
        QVERIFY(!result->error.isTransient());
    }

    // The environment's token, through the store and through the chain the
    // command line and the workstation read with. (With a real keychain
    // behind it: tst_keychaincredentialstore.)
    void tokensComeFromTheEnvironmentFirst()
    {
        const QByteArray bus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
        const auto restore = qScopeGuard([bus] {
            qunsetenv("ASSAY_TOKEN");
            if (!bus.isEmpty())
                qputenv("DBUS_SESSION_BUS_ADDRESS", bus);
        });
        qputenv("ASSAY_TOKEN", " t-from-env \n");
        EnvironmentCredentialStore env;
        QString token, error;
        env.read(u"https://m.example"_s, [&](QString t, QString e) { token = t; error = e; });
        QCOMPARE(token, u"t-from-env"_s);
        QVERIFY(error.isEmpty());
        env.write(u"https://m.example"_s, u"x"_s, [&](QString e) { error = e; });
        QVERIFY(error.contains(u"ASSAY_TOKEN"_s)); // the environment is read-only
        error.clear();
        env.remove(u"https://m.example"_s, [&](QString e) { error = e; });
        QVERIFY(error.contains(u"ASSAY_TOKEN"_s));

        // The chain answers with the environment's token without asking the
        // keychain, which here could not answer at all.
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        std::optional<std::pair<QString, QString>> answer;
        CredentialChain::standard().read(QUrl(u"https://m.example"_s), [&](QString t, QString e) { answer.emplace(t, e); });
        QTRY_VERIFY(answer.has_value());
        QCOMPARE(answer->first, u"t-from-env"_s);
        QCOMPARE(answer->second, QString());

        // Without it, the keychain is asked; where there is none, the chain
        // says why for each store instead of waiting.
        qunsetenv("ASSAY_TOKEN");
        env.read(u"https://m.example"_s, [&](QString t, QString e) { token = t; error = e; });
        QVERIFY(token.isEmpty());
        QCOMPARE(error, u"ASSAY_TOKEN is not set"_s);
        answer.reset();
        CredentialChain::standard().read(QUrl(u"https://m.example"_s), [&](QString t, QString e) { answer.emplace(t, e); });
        QTRY_VERIFY(answer.has_value());
        QCOMPARE(answer->first, QString());
        QCOMPARE(answer->second, u"ASSAY_TOKEN is not set; no keychain is available here (no D-Bus session)"_s);
        // The keychain store itself refuses at once rather than hang.
        KeychainCredentialStore keychain;
        std::optional<QString> written;
        keychain.write(u"https://m.example"_s, u"t"_s, [&](QString e) { written = e; });
        QVERIFY(written.has_value());
        QVERIFY(written->contains(u"no keychain"_s));
    }

    void whatTheReviewerOpenedComesFirst()
    {
        LoopbackMarketplace market(30);
        QVERIFY(market.ok());
        QTemporaryDir profile;
        SyncEngine::Options o;
        o.server = market.url();
        o.token = LoopbackMarketplace::token(u"u_alice"_s);
        o.profileDir = profile.path();
        o.parallel = 1;
        SyncEngine engine(o);
        engine.prioritize(u"s_00017"_s);
        engine.prioritize(u"s_00023"_s);
        QSignalSpy served(&market.api(), &server::ApiServer::requestServed);
        const auto report = engine.runOnce();
        QVERIFY2(report.inStep, qPrintable(report.summaryLine()));
        QStringList details;
        for (const auto &call : served) {
            const QString path = call.at(1).toString();
            if (path.startsWith(u"/api/v1/submissions/s_"_s))
                details.append(path.section(u'/', -1));
        }
        QCOMPARE(details.size(), 30);
        QCOMPARE(QSet<QString>(details.cbegin(), details.cbegin() + 2), (QSet<QString>{u"s_00017"_s, u"s_00023"_s}));
    }
};

QTEST_MAIN(TestTransportSafety)
#include "tst_transportsafety.moc"
