#include "common/LoopbackMarketplace.h"
#include "sync/MarketplaceClient.h"

#include <QBuffer>
#include <QHttpServer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QBuffer>
#include <QNetworkInterface>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace assay;
using namespace assay::test;
using namespace Qt::StringLiterals;

// A tiny purpose-built server for what the reference server never does:
// broken items, redirects, oversize answers.
class OddServer
{
public:
    OddServer()
    {
        m_http.route(u"/api/v1/submissions"_s, [](const QHttpServerRequest &) {
            QJsonObject good = QJsonObject{{u"id"_s, u"s_1"_s}, {u"version"_s, 1},
                                           {u"app"_s, QJsonObject{{u"id"_s, u"a"_s}, {u"name"_s, u"App"_s}}},
                                           {u"partner"_s, QJsonObject{{u"id"_s, u"p"_s}, {u"name"_s, u"P"_s}}},
                                           {u"questionnaire_version"_s, u"2026.1"_s}, {u"status"_s, u"submitted"_s},
                                           {u"stage"_s, u"review"_s}, {u"assignee"_s, QJsonValue::Null},
                                           {u"submitted_at"_s, u"2026-11-01T10:00:00Z"_s}, {u"updated_at"_s, u"2026-11-01T10:00:00Z"_s},
                                           {u"kind"_s, u"initial"_s}, {u"previous_submission_id"_s, QJsonValue::Null}, {u"badge_expires_at"_s, QJsonValue::Null},
                                           {u"resubmission_allowed_at"_s, QJsonValue::Null}};
            QJsonObject badType = good;
            badType.insert(u"id"_s, u"s_2"_s);
            badType.insert(u"version"_s, u"three"_s);
            QJsonObject badEnum = good;
            badEnum.insert(u"id"_s, u"s_3"_s);
            badEnum.insert(u"status"_s, u"escalated"_s);
            QJsonObject huge = good;
            huge.insert(u"id"_s, u"s_4"_s);
            huge.insert(u"app"_s, QJsonObject{{u"id"_s, u"a"_s}, {u"name"_s, QString(100000, u'x')}});
            return QHttpServerResponse(QJsonObject{{u"items"_s, QJsonArray{good, badType, badEnum, huge}},
                                                   {u"next_cursor"_s, u"c1"_s}, {u"has_more"_s, false}});
        });
        m_http.route(u"/api/v1/me"_s, [](const QHttpServerRequest &) {
            QHttpServerResponse r(QHttpServerResponse::StatusCode::Found);
            QHttpHeaders h;
            h.append(QHttpHeaders::WellKnownHeader::Location, "http://127.0.0.2:9/api/v1/me");
            r.setHeaders(h);
            return r;
        });
        m_http.route(u"/api/v1/questionnaires/<arg>"_s, [](const QString &, const QHttpServerRequest &) {
            return QHttpServerResponse("application/json", QByteArray("{\"version\": \"2026.1\", \"categories\": [\xff]}"));
        });
        m_http.route(u"/api/v1/submissions/<arg>"_s, [](const QString &, const QHttpServerRequest &) {
            return QHttpServerResponse("application/json", QByteArray(40 * 1024 * 1024, ' '));
        });
        if (!m_tcp.listen(QHostAddress::LocalHost, 0) || !m_http.bind(&m_tcp))
            qFatal("the misbehaving test server cannot listen on loopback");
    }
    QUrl url() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(m_tcp.serverPort())); }

private:
    QHttpServer m_http;
    QTcpServer m_tcp;
};

class TestMarketplaceClient : public QObject
{
    Q_OBJECT

private:
    template<typename T>
    static MarketplaceClient::Result<T> wait(std::function<void(MarketplaceClient::Callback<T>)> call)
    {
        std::optional<MarketplaceClient::Result<T>> result;
        call([&result](MarketplaceClient::Result<T> r) { result = std::move(r); });
        (void)QTest::qWaitFor([&result] { return result.has_value(); }, 60000);
        if (!result)
            qFatal("no answer");
        return *result;
    }

private Q_SLOTS:
    void urlRules_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("https anywhere") << u"https://marketplace.example"_s << true;
        QTest::newRow("http loopback") << u"http://127.0.0.1:8080"_s << true;
        QTest::newRow("http localhost") << u"http://localhost:8080"_s << true;
        QTest::newRow("http ::1") << u"http://[::1]:8080"_s << true;
        QTest::newRow("http elsewhere") << u"http://marketplace.example"_s << false;
        QTest::newRow("http private net") << u"http://192.168.1.10"_s << false;
        QTest::newRow("ftp") << u"ftp://127.0.0.1"_s << false;
        QTest::newRow("nonsense") << u"not a url"_s << false;
    }
    void urlRules()
    {
        QFETCH(QString, url);
        QFETCH(bool, allowed);
        QCOMPARE(MarketplaceClient::checkServerUrl(QUrl(url)).isEmpty(), allowed);
        // The client holds itself to the rule: made with a refused URL, it
        // says why, and every call fails as Refused without a connection.
        MarketplaceClient client{QUrl(url), u"t-secret"_s};
        QCOMPARE(client.refusal().isEmpty(), allowed);
        if (allowed)
            return;
        const auto me = wait<MarketplaceClient::Account>([&](auto cb) { client.me(cb); });
        QCOMPARE(me.error.kind, ApiError::Kind::Refused);
        QCOMPARE(me.error.message, client.refusal());
        QVERIFY(!me.error.isTransient());
        QVERIFY(!me.error.message.contains(u"t-secret"_s));
        const auto write = wait<MarketplaceClient::WriteResult>([&](auto cb) {
            client.write(OutboxEntry::Kind::Comment, u"s_1"_s, {{u"body"_s, u"x"_s}}, u"k"_s, cb);
        });
        QCOMPARE(write.error.kind, ApiError::Kind::Refused);
        QBuffer sink;
        QVERIFY(sink.open(QIODevice::WriteOnly));
        const auto evidence = wait<MarketplaceClient::Download>([&](auto cb) { client.evidence(u"e_1"_s, &sink, 0, cb); });
        QCOMPARE(evidence.error.kind, ApiError::Kind::Refused);
        QCOMPARE(sink.size(), 0);
    }

    // Plain HTTP to this machine's own network address (not loopback): a
    // listener there would see the token if anything were sent. Nothing is;
    // the same listener, asked over loopback, answers.
    void aRefusedClientSendsNothing()
    {
        QHostAddress lan;
        const auto addresses = QNetworkInterface::allAddresses();
        for (const QHostAddress &a : addresses) {
            if (!a.isLoopback() && a.protocol() == QAbstractSocket::IPv4Protocol) {
                lan = a;
                break;
            }
        }
        if (lan.isNull())
            QSKIP("this machine has no network address besides loopback");
        QTcpServer listener;
        QVERIFY(listener.listen(QHostAddress::AnyIPv4, 0));
        QByteArrayList requests;
        connect(&listener, &QTcpServer::newConnection, &listener, [&listener, &requests] {
            while (QTcpSocket *socket = listener.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [socket, &requests] {
                    if (!socket->peek(64 * 1024).contains("\r\n\r\n"))
                        return;
                    requests.append(socket->readAll());
                    const QByteArray body = R"({"id": "u_x", "name": "X", "roles": ["reviewer"]})";
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                                  + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
                    socket->disconnectFromHost();
                });
            }
        });
        MarketplaceClient refused(QUrl(u"http://%1:%2"_s.arg(lan.toString()).arg(listener.serverPort())), u"t-secret"_s);
        QVERIFY2(refused.refusal().contains(u"TLS"_s), qPrintable(refused.refusal()));
        const auto r = wait<MarketplaceClient::Account>([&](auto cb) { refused.me(cb); });
        QCOMPARE(r.error.kind, ApiError::Kind::Refused);
        MarketplaceClient loopback(QUrl(u"http://127.0.0.1:%1"_s.arg(listener.serverPort())), u"t-loopback"_s);
        const auto ok = wait<MarketplaceClient::Account>([&](auto cb) { loopback.me(cb); });
        QVERIFY2(ok.ok(), qPrintable(ok.error.describe()));
        QCOMPARE(requests.size(), 1);
        QVERIFY(requests.at(0).contains("Bearer t-loopback"));
        QVERIFY(!requests.join().contains("t-secret"));
    }

    // Redirects: followed within the origin, refused to anywhere else —
    // another host name for the same loopback port included.
    void redirectsStayWithinTheOrigin()
    {
        QTcpServer raw;
        QVERIFY(raw.listen(QHostAddress::LocalHost, 0));
        const QByteArray port = QByteArray::number(raw.serverPort());
        QByteArrayList paths;
        connect(&raw, &QTcpServer::newConnection, &raw, [&raw, &paths, port] {
            while (QTcpSocket *socket = raw.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [socket, &paths, port] {
                    if (!socket->peek(64 * 1024).contains("\r\n\r\n"))
                        return;
                    const QByteArray request = socket->readAll();
                    const QByteArray path = request.split(' ').value(1);
                    paths.append(path);
                    QByteArray response;
                    if (path == "/api/v1/me")
                        response = "HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:" + port + "/api/v1/me-here\r\n";
                    else if (path == "/api/v1/reviewers")
                        response = "HTTP/1.1 302 Found\r\nLocation: http://localhost:" + port + "/api/v1/reviewers-there\r\n";
                    if (!response.isEmpty()) {
                        socket->write(response + "Content-Length: 0\r\n\r\n");
                        return;
                    }
                    const QByteArray body = R"({"id": "u_x", "name": "X", "roles": ["reviewer"]})";
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                                  + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                });
            }
        });
        MarketplaceClient client(QUrl(u"http://127.0.0.1:%1"_s.arg(raw.serverPort())), u"t"_s);
        const auto me = wait<MarketplaceClient::Account>([&](auto cb) { client.me(cb); });
        QVERIFY2(me.ok(), qPrintable(me.error.describe()));
        QCOMPARE(me.value->id, u"u_x"_s);
        QCOMPARE(paths, (QByteArrayList{"/api/v1/me", "/api/v1/me-here"}));
        const auto reviewers = wait<QList<MarketplaceClient::Reviewer>>([&](auto cb) { client.reviewers(cb); });
        QCOMPARE(reviewers.error.kind, ApiError::Kind::Refused);
        QVERIFY2(reviewers.error.message.contains(u"another origin"_s), qPrintable(reviewers.error.message));
        QCOMPARE(paths.size(), 3);
        QCOMPARE(paths.last(), QByteArray("/api/v1/reviewers"));
    }

    void typedCallsAgainstTheReferenceServer()
    {
        LoopbackMarketplace market(12);
        QVERIFY(market.ok());
        MarketplaceClient client(market.url(), LoopbackMarketplace::token(u"u_carol"_s));
        const auto me = wait<MarketplaceClient::Account>([&](auto cb) { client.me(cb); });
        QVERIFY(me.ok());
        QCOMPARE(me.value->roles, QStringList{u"lead"_s});
        const auto q = wait<Questionnaire>([&](auto cb) { client.questionnaire(u"2026.1"_s, cb); });
        QVERIFY(q.ok());
        QCOMPARE(q.value->categories.size(), 10);
        const auto page = wait<MarketplaceClient::FeedPage>([&](auto cb) { client.feed({}, 5, cb); });
        QVERIFY(page.ok());
        QCOMPARE(page.value->items.size(), 5);
        QVERIFY(page.value->hasMore);
        const auto next = wait<MarketplaceClient::FeedPage>([&](auto cb) { client.feed(page.value->nextCursor, 500, cb); });
        QCOMPARE(next.value->items.size(), 7);
        const auto sub = wait<Submission>([&](auto cb) { client.submission(page.value->items.first().id, cb); });
        QVERIFY(sub.ok());
        const auto reviewers = wait<QList<MarketplaceClient::Reviewer>>([&](auto cb) { client.reviewers(cb); });
        QCOMPARE(reviewers.value->size(), 4);
        const auto missing = wait<Submission>([&](auto cb) { client.submission(u"s_nope"_s, cb); });
        QCOMPARE(missing.error.kind, ApiError::Kind::NotFound);
        // Evidence streamed into a buffer, then resumed from an offset.
        const EvidenceItem e = sub.value->evidence.first();
        QBuffer whole;
        whole.open(QIODevice::ReadWrite);
        const auto d = wait<MarketplaceClient::Download>([&](auto cb) { client.evidence(e.id, &whole, 0, cb); });
        QVERIFY(d.ok());
        QCOMPARE(d.value->written, e.size);
        QBuffer tail;
        tail.open(QIODevice::ReadWrite);
        const auto t = wait<MarketplaceClient::Download>([&](auto cb) { client.evidence(e.id, &tail, 100, cb); });
        QCOMPARE(tail.data(), whole.data().mid(100));
        QVERIFY(!t.value->restarted);
        // A write and its replay.
        const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QJsonObject body{{u"body"_s, u"hello"_s}, {u"visibility"_s, u"internal"_s}};
        const auto w1 = wait<MarketplaceClient::WriteResult>([&](auto cb) { client.write(OutboxEntry::Kind::Comment, u"s_00001"_s, body, key, cb); });
        const auto w2 = wait<MarketplaceClient::WriteResult>([&](auto cb) { client.write(OutboxEntry::Kind::Comment, u"s_00001"_s, body, key, cb); });
        QCOMPARE(w1.value->status, 201);
        QVERIFY(!w1.value->replayed);
        QVERIFY(w2.value->replayed);
        QCOMPARE(w2.value->body, w1.value->body);
    }

    void errorsAreTyped()
    {
        LoopbackMarketplace market(3);
        MarketplaceClient bad(market.url(), u"t-wrong"_s);
        QCOMPARE(wait<MarketplaceClient::Account>([&](auto cb) { bad.me(cb); }).error.kind, ApiError::Kind::Unauthorized);
        MarketplaceClient alice(market.url(), LoopbackMarketplace::token(u"u_alice"_s));
        // Every signed-in user may list the users (names for authors).
        const auto users = wait<QList<MarketplaceClient::Account>>([&](auto cb) { alice.users(cb); });
        QVERIFY(users.ok());
        const auto bob = std::find_if(users.value->cbegin(), users.value->cend(),
                                      [](const MarketplaceClient::Account &a) { return a.id == u"u_bob"_s; });
        QVERIFY(bob != users.value->cend());
        QCOMPARE(bob->name, u"Bob Reviewer"_s);
        QVERIFY(bob->roles.contains(u"reviewer"_s));
        const auto forbidden = wait<QList<MarketplaceClient::Reviewer>>([&](auto cb) { alice.reviewers(cb); });
        QCOMPARE(forbidden.error.kind, ApiError::Kind::Forbidden);
        QCOMPARE(forbidden.error.code, u"forbidden"_s);
        const auto conflict = wait<MarketplaceClient::WriteResult>([&](auto cb) {
            alice.write(OutboxEntry::Kind::Assignment, u"s_00001"_s, {{u"assignee"_s, u"u_bob"_s}, {u"base_version"_s, 99}},
                        QUuid::createUuid().toString(QUuid::WithoutBraces), cb);
        });
        QCOMPARE(conflict.error.kind, ApiError::Kind::Conflict);
        QVERIFY(conflict.error.details.contains(u"current"_s));
        market.stop();
        const auto offline = wait<MarketplaceClient::Account>([&](auto cb) { alice.me(cb); });
        QCOMPARE(offline.error.kind, ApiError::Kind::Offline);
        QVERIFY(offline.error.isTransient());
    }

    void brokenItemsAreReportedGoodOnesKept()
    {
        OddServer odd;
        MarketplaceClient client(odd.url(), u"t"_s);
        const auto page = wait<MarketplaceClient::FeedPage>([&](auto cb) { client.feed({}, 10, cb); });
        QVERIFY(page.ok());
        QCOMPARE(page.value->items.size(), 1);
        QCOMPARE(page.value->items.first().id, u"s_1"_s);
        QCOMPARE(page.value->invalid.size(), 3);
        QCOMPARE(page.value->invalid.at(0).first, u"s_2"_s);
        QVERIFY(page.value->invalid.at(0).second.contains(u"version: expected an integer"_s));
        QVERIFY(page.value->invalid.at(1).second.contains(u"unknown value \"escalated\""_s));
        QVERIFY(page.value->invalid.at(2).second.contains(u"app.name: longer than"_s));
    }

    void refusesRedirectsElsewhereBadBytesAndOversize()
    {
        OddServer odd;
        MarketplaceClient client(odd.url(), u"t"_s);
        const auto redirected = wait<MarketplaceClient::Account>([&](auto cb) { client.me(cb); });
        QCOMPARE(redirected.error.kind, ApiError::Kind::Refused);
        QVERIFY(redirected.error.message.contains(u"another origin"_s));
        const auto utf8 = wait<Questionnaire>([&](auto cb) { client.questionnaire(u"2026.1"_s, cb); });
        QCOMPARE(utf8.error.kind, ApiError::Kind::BadResponse);
        QVERIFY(utf8.error.message.contains(u"UTF-8"_s));
        const auto huge = wait<Submission>([&](auto cb) { client.submission(u"s_1"_s, cb); });
        QCOMPARE(huge.error.kind, ApiError::Kind::BadResponse);
        QVERIFY(huge.error.message.contains(u"larger than"_s));
    }

    // A server that says 1000 bytes and closes after 400: a cut, never a
    // whole file, and the 400 bytes stay in the sink for a Range resume.
    // (Qt can report such a transfer as finished without error.)
    void aShortDownloadIsACut()
    {
        QTcpServer raw;
        QVERIFY(raw.listen(QHostAddress::LocalHost, 0));
        connect(&raw, &QTcpServer::newConnection, &raw, [&raw] {
            QTcpSocket *socket = raw.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                if (!socket->peek(64 * 1024).contains("\r\n\r\n"))
                    return;
                socket->readAll();
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: 1000\r\n\r\n"
                              + QByteArray(400, 'e'));
                // As the reference server's injected cut: FIN, then RST.
                socket->flush();
#ifdef Q_OS_UNIX
                ::shutdown(int(socket->socketDescriptor()), SHUT_WR);
#endif
                QTimer::singleShot(0, socket, [socket] { socket->abort(); });
            });
        });
        MarketplaceClient client(QUrl(u"http://127.0.0.1:%1"_s.arg(raw.serverPort())), u"t"_s);
        QBuffer sink;
        QVERIFY(sink.open(QIODevice::WriteOnly));
        const auto r = wait<MarketplaceClient::Download>([&](auto cb) { client.evidence(u"e_1"_s, &sink, 0, cb); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error.kind, ApiError::Kind::Offline);
        QVERIFY(r.error.isTransient());
        QCOMPARE(qint64(r.error.details.value(u"written"_s).toDouble()), 400);
        QCOMPARE(sink.data(), QByteArray(400, 'e'));
    }
};

QTEST_MAIN(TestMarketplaceClient)
#include "tst_marketplaceclient.moc"
