#include "common/LoopbackMarketplace.h"
#include "sync/CredentialStore.h"
#include "sync/MarketplaceClient.h"
#include "sync/SyncEngine.h"

#include <QHttpServer>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
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

// An in-memory credential store: the fake for where no OS keychain runs.
class MemoryCredentialStore : public CredentialStore
{
public:
    void read(const QString &server, std::function<void(QString, QString)> done) override
    {
        done(m_tokens.value(server), m_tokens.contains(server) ? QString() : u"no token stored"_s);
    }
    void write(const QString &server, const QString &token, std::function<void(QString)> done) override
    {
        m_tokens.insert(server, token);
        done({});
    }
    void remove(const QString &server, std::function<void(QString)> done) override
    {
        m_tokens.remove(server);
        done({});
    }
    QString name() const override { return u"memory"_s; }

private:
    QHash<QString, QString> m_tokens;
};

// TLS that fails is fatal; tokens come from the environment or a store;
// what the reviewer opened is fetched first.
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

    void tokensFromTheEnvironmentOrAStore()
    {
        qputenv("ASSAY_TOKEN", " t-from-env \n");
        EnvironmentCredentialStore env;
        QString token, error;
        env.read(u"https://m.example"_s, [&](QString t, QString e) { token = t; error = e; });
        QCOMPARE(token, u"t-from-env"_s);
        QVERIFY(error.isEmpty());
        env.write(u"https://m.example"_s, u"x"_s, [&](QString e) { error = e; });
        QVERIFY(error.contains(u"ASSAY_TOKEN"_s)); // the environment is read-only
        qunsetenv("ASSAY_TOKEN");
        env.read(u"https://m.example"_s, [&](QString t, QString e) { token = t; error = e; });
        QVERIFY(token.isEmpty());
        QVERIFY(error.contains(u"not set"_s));

        MemoryCredentialStore memory;
        memory.write(u"https://a.example"_s, u"ta"_s, [](QString) {});
        memory.read(u"https://a.example"_s, [&](QString t, QString) { token = t; });
        QCOMPARE(token, u"ta"_s);
        memory.read(u"https://b.example"_s, [&](QString t, QString e) { token = t; error = e; });
        QVERIFY(token.isEmpty() && !error.isEmpty());
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
