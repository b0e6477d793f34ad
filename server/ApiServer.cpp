#include "server/ApiServer.h"

#include "domain/JsonReader.h"
#include "domain/Verdict.h"
#include "server/FeedCursor.h"
#include "server/ServerLogging.h"
#include "server/ServerStore.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

#include <memory>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

using namespace Qt::StringLiterals;

namespace assay::server {

// --- connection tracking -----------------------------------------------------

QTcpSocket *TrackingTcpServer::nextPendingConnection()
{
    QTcpSocket *socket = QTcpServer::nextPendingConnection();
    if (socket) {
        // Headers and body leave as separate writes: without TCP_NODELAY the
        // body waits for the client's delayed ACK (40 ms a response).
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        // Forget closed sockets as new ones arrive; ports are reused.
        m_sockets.removeIf([](const auto &it) { return it.value().isNull(); });
        m_sockets.insert(socket->peerPort(), socket);
    }
    return socket;
}

QTcpSocket *TrackingTcpServer::socketFor(const QHostAddress &peer, quint16 port) const
{
    QTcpSocket *socket = m_sockets.value(port);
    return socket && socket->peerAddress().isEqual(peer, QHostAddress::TolerantConversion) ? socket : nullptr;
}

// --- replies -------------------------------------------------------------------

namespace {

using Status = QHttpServerResponder::StatusCode;

Reply jsonReply(int status, const QJsonObject &o)
{
    Reply r;
    r.status = status;
    r.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
    r.headers.append(QHttpHeaders::WellKnownHeader::ContentType, "application/json");
    r.headers.append(QHttpHeaders::WellKnownHeader::CacheControl, "no-store");
    return r;
}

Reply error(int status, const QString &code, const QString &message, const QJsonObject &details = {})
{
    Reply r = jsonReply(status, QJsonObject{{u"error"_s, QJsonObject{{u"code"_s, code},
                                                                     {u"message"_s, message},
                                                                     {u"details"_s, details}}}});
    if (status == 401)
        r.headers.append(QHttpHeaders::WellKnownHeader::WWWAuthenticate, "Bearer");
    return r;
}

Reply retryLater(int status, const QString &code, const QString &message)
{
    Reply r = error(status, code, message);
    r.headers.append(QHttpHeaders::WellKnownHeader::RetryAfter, "1");
    return r;
}

Reply validation(const QString &field, const QString &message, const QString &code = u"validation_failed"_s)
{
    return error(422, code, message, QJsonObject{{u"field"_s, field}});
}

Reply conflict(const QString &code, const QString &message, const SubmissionSummary &current)
{
    return error(409, code, message, QJsonObject{{u"current"_s, current.toJson()}});
}

QString bodyHash(const QJsonObject &body)
{
    // QJsonObject keeps its keys sorted, so the compact form is canonical:
    // two bodies that are equal as JSON hash alike.
    return QString::fromLatin1(
        QCryptographicHash::hash(QJsonDocument(body).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256).toHex());
}

// Checks a write body's fields against the contract: any field it does not
// name is refused (no mass assignment), required ones must be there.
std::optional<Reply> checkFields(const QJsonObject &body, const QString &prefix, const QStringList &allowed,
                                 const QStringList &required)
{
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        if (!allowed.contains(it.key())) {
            return validation(prefix + u'/' + it.key(), u"unknown field \"%1\""_s.arg(it.key().left(64)),
                              u"unknown_field"_s);
        }
    }
    for (const QString &field : required) {
        if (!body.contains(field))
            return validation(prefix + u'/' + field, u"%1 is required"_s.arg(field));
    }
    return std::nullopt;
}

std::optional<Reply> checkString(const QJsonObject &body, const QString &prefix, const QString &field, qsizetype max,
                                 bool allowEmpty = true)
{
    if (!body.contains(field))
        return std::nullopt;
    const QJsonValue v = body.value(field);
    if (!v.isString())
        return validation(prefix + u'/' + field, u"%1 must be a string"_s.arg(field));
    const QString s = v.toString();
    if (JsonReader::codePoints(s) > max)
        return validation(prefix + u'/' + field, u"%1 is longer than %2 characters"_s.arg(field).arg(max));
    if (!allowEmpty && s.trimmed().isEmpty())
        return validation(prefix + u'/' + field, u"%1 must not be empty"_s.arg(field));
    return std::nullopt;
}

std::optional<Reply> checkBaseVersion(const QJsonObject &body)
{
    const QJsonValue v = body.value(u"base_version"_s);
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d != double(qint64(d)) || d < 1 || d > 2147483647.0)
        return validation(u"/base_version"_s, u"base_version must be a positive integer"_s);
    return std::nullopt;
}

QString routeName(const QHttpServerRequest &request)
{
    return QString::fromLatin1(QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(request.method())))
        .toUpper();
}

} // namespace

// --- setup ---------------------------------------------------------------------

ApiServer::ApiServer(ServerStore *store, Options options, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_options(std::move(options))
    , m_faults(m_options.faultProbability, m_options.faultSeed)
{
    if (!m_options.clock)
        m_options.clock = [] { return QDateTime::currentDateTimeUtc(); };
    addRoute(u"/api/v1/me"_s, Route::Me, false);
    addRoute(u"/api/v1/questionnaires/<arg>"_s, Route::Questionnaire, true);
    addRoute(u"/api/v1/submissions"_s, Route::Feed, false);
    addRoute(u"/api/v1/submissions/<arg>"_s, Route::Submission, true);
    addRoute(u"/api/v1/submissions/<arg>/verdict"_s, Route::Verdict, true);
    addRoute(u"/api/v1/submissions/<arg>/assignee"_s, Route::Assignee, true);
    addRoute(u"/api/v1/submissions/<arg>/comments"_s, Route::Comments, true);
    addRoute(u"/api/v1/evidence/<arg>"_s, Route::Evidence, true);
    addRoute(u"/api/v1/reviewers"_s, Route::Reviewers, false);
    m_http.setMissingHandler(this, [this](const QHttpServerRequest &request, QHttpServerResponder &responder) {
        // Unknown paths still answer 401 first: the API says nothing, not
        // even what exists, to a caller without a valid token.
        QElapsedTimer timer;
        timer.start();
        Reply reply;
        const QByteArray auth = request.value("Authorization");
        if (!auth.startsWith("Bearer ") || !m_store->userByToken(QString::fromUtf8(auth.mid(7).trimmed())))
            reply = error(401, u"unauthorized"_s, u"a valid bearer token is required"_s);
        else
            reply = error(404, u"not_found"_s, u"no such resource"_s);
        send(responder, reply, FaultInjector::Fault::None, request.remoteAddress(), request.remotePort());
        if (m_options.logRequests) {
            qCInfo(lcRequests).noquote() << routeName(request) << request.url().path() << reply.status
                                         << u"%1ms"_s.arg(timer.elapsed());
        }
    });
}

ApiServer::~ApiServer() = default;

void ApiServer::addRoute(const QString &pattern, Route route, bool hasArg)
{
    if (hasArg) {
        m_http.route(pattern, QHttpServerRequest::Method::AnyKnown, this,
                     [this, route](const QString &arg, const QHttpServerRequest &request, QHttpServerResponder &responder) {
                         dispatch(route, arg, request, responder);
                     });
    } else {
        m_http.route(pattern, QHttpServerRequest::Method::AnyKnown, this,
                     [this, route](const QHttpServerRequest &request, QHttpServerResponder &responder) {
                         dispatch(route, QString(), request, responder);
                     });
    }
}

QString ApiServer::listen(const QHostAddress &address, quint16 port)
{
    if (!address.isLoopback()) {
        return u"refusing to serve on %1: the reference marketplace serves loopback only (QtHttpServer is meant "
               "for trusted networks, and the API must not travel without TLS)"_s.arg(address.toString());
    }
    m_tcp = new TrackingTcpServer(this);
    if (!m_tcp->listen(address, port))
        return u"cannot listen on %1:%2: %3"_s.arg(address.toString()).arg(port).arg(m_tcp->errorString());
    if (!m_http.bind(m_tcp))
        return u"cannot serve HTTP on %1:%2"_s.arg(address.toString()).arg(port);
    return {};
}

quint16 ApiServer::port() const
{
    return m_tcp ? m_tcp->serverPort() : 0;
}

QUrl ApiServer::baseUrl() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(m_tcp ? m_tcp->serverAddress().toString() : u"127.0.0.1"_s);
    url.setPort(port());
    return url;
}

QList<std::pair<QString, QString>> ApiServer::routes()
{
    return {{u"GET"_s, u"/me"_s},
            {u"GET"_s, u"/questionnaires/{version}"_s},
            {u"GET"_s, u"/submissions"_s},
            {u"GET"_s, u"/submissions/{id}"_s},
            {u"POST"_s, u"/submissions/{id}/verdict"_s},
            {u"PUT"_s, u"/submissions/{id}/assignee"_s},
            {u"POST"_s, u"/submissions/{id}/comments"_s},
            {u"GET"_s, u"/evidence/{id}"_s},
            {u"GET"_s, u"/reviewers"_s}};
}

const Questionnaire *ApiServer::questionnaireFor(const QString &version)
{
    auto it = m_questionnaires.find(version);
    if (it == m_questionnaires.end()) {
        auto q = Questionnaire::builtin(version);
        if (!q)
            return nullptr;
        it = m_questionnaires.insert(version, *q);
    }
    return &it.value();
}

// --- the request's way through -------------------------------------------------

void ApiServer::dispatch(Route route, const QString &arg, const QHttpServerRequest &request,
                         QHttpServerResponder &responder)
{
    QElapsedTimer timer;
    timer.start();
    const FaultInjector::Fault fault = m_faults.next();
    Reply reply;
    switch (fault) {
    case FaultInjector::Fault::InternalError:
        reply = error(500, u"internal"_s, u"injected fault: internal error"_s);
        break;
    case FaultInjector::Fault::Unavailable:
        reply = retryLater(503, u"unavailable"_s, u"injected fault: unavailable"_s);
        break;
    case FaultInjector::Fault::RateLimited:
        reply = retryLater(429, u"rate_limited"_s, u"injected fault: rate limited"_s);
        break;
    default:
        reply = handle(route, arg, request);
        break;
    }
    const QString method = routeName(request);
    const QString path = request.url().path();
    auto finish = [this, method, path, timer, fault](const Reply &r) {
        if (m_options.logRequests) {
            qCInfo(lcRequests).noquote() << method << path << r.status << u"%1ms"_s.arg(timer.elapsed())
                                         << (fault == FaultInjector::Fault::None ? QString() : u"fault=" + FaultInjector::name(fault));
        }
        Q_EMIT requestServed(method, path, r.status);
    };
    int delay = m_options.latencyMs;
    if (fault == FaultInjector::Fault::Delay)
        delay += m_faults.delayMs();
    if (delay <= 0) {
        send(responder, reply, fault, request.remoteAddress(), request.remotePort());
        finish(reply);
        return;
    }
    // Answer later without holding up other connections: the responder is
    // moved out of the handler and kept until the timer fires.
    auto kept = std::make_shared<QHttpServerResponder>(std::move(responder));
    QTimer::singleShot(delay, this, [this, kept, reply, fault, finish, peer = request.remoteAddress(), peerPort = request.remotePort()] {
        send(*kept, reply, fault, peer, peerPort);
        finish(reply);
    });
}

void ApiServer::send(QHttpServerResponder &responder, const Reply &reply, FaultInjector::Fault fault,
                     const QHostAddress &peer, quint16 peerPort)
{
    using F = FaultInjector::Fault;
    QByteArray body = reply.body;
    F damage = fault;
    if (!reply.json && (damage == F::TruncatedJson || damage == F::MalformedJson))
        damage = F::CutConnection;
    if (body.size() < 2 && damage == F::CutConnection)
        damage = F::None;
    switch (damage) {
    case F::TruncatedJson:
        body.truncate(body.size() / 2);
        break;
    case F::MalformedJson:
        // Not JSON, and not even UTF-8.
        body = QByteArrayLiteral("<html>\xff\xfe upstream error</html>");
        break;
    case F::CutConnection: {
        QTcpSocket *socket = m_tcp ? m_tcp->socketFor(peer, peerPort) : nullptr;
        if (!socket) {
            // Never a short body that looks whole: without the socket, fail
            // loudly instead.
            const Reply fallback = error(500, u"internal"_s, u"injected fault: internal error"_s);
            responder.write(fallback.body, fallback.headers, Status::InternalServerError);
            return;
        }
        // Written on the socket itself: the status line and headers with
        // the full Content-Length, half the body, then the connection is
        // dropped. (A chunked response through the responder can be closed
        // by QHttpServer with a final chunk, which would make half a body
        // look whole.)
        QByteArray head = "HTTP/1.1 " + QByteArray::number(reply.status) + " Damaged\r\n";
        for (const auto &[name, value] : reply.headers.toListOfPairs())
            head += name + ": " + value + "\r\n";
        head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n";
        socket->write(head + body.left(body.size() / 2));
        socket->flush();
#ifdef Q_OS_UNIX
        // No byte may follow what was queued so far (QHttpServer may still
        // write once this handler returns): the kernel sends the queue, then
        // FIN.
        ::shutdown(int(socket->socketDescriptor()), SHUT_WR);
#endif
        // Dropped once control is back in the event loop: aborting inside
        // QHttpServer's handling of this very socket disturbs the others.
        QTimer::singleShot(0, socket, [socket] { socket->abort(); });
        return;
    }
    default:
        break;
    }
    responder.write(body, reply.headers, static_cast<Status>(reply.status));
}

Reply ApiServer::handle(Route route, const QString &arg, const QHttpServerRequest &request)
{
    // 401 before anything else. Only the Authorization header counts: the API
    // has no cookies, so no ambient credential a page could ride on.
    const QByteArray auth = request.value("Authorization");
    std::optional<User> user;
    if (auth.size() > 7 && auth.left(7).compare("Bearer ", Qt::CaseInsensitive) == 0)
        user = m_store->userByToken(QString::fromUtf8(auth.mid(7).trimmed()));
    if (!user)
        return error(401, u"unauthorized"_s, u"a valid bearer token is required"_s);

    using M = QHttpServerRequest::Method;
    M allowed = M::Get;
    switch (route) {
    case Route::Verdict:
    case Route::Comments:
        allowed = M::Post;
        break;
    case Route::Assignee:
        allowed = M::Put;
        break;
    default:
        break;
    }
    if (request.method() != allowed) {
        Reply r = error(405, u"method_not_allowed"_s, u"this resource takes %1"_s.arg(
                                                          allowed == M::Get ? u"GET"_s : allowed == M::Post ? u"POST"_s : u"PUT"_s));
        r.headers.append(QHttpHeaders::WellKnownHeader::Allow, allowed == M::Get ? "GET" : allowed == M::Post ? "POST" : "PUT");
        return r;
    }

    switch (route) {
    case Route::Me:
        return me(*user);
    case Route::Questionnaire:
        return questionnaire(arg);
    case Route::Feed:
        return feed(request);
    case Route::Submission:
        return submission(arg);
    case Route::Evidence:
        return evidence(arg, request);
    case Route::Reviewers:
        return reviewers(*user);
    case Route::Verdict:
        return write(*user, arg, request, [](const QJsonObject &body) -> std::optional<Reply> {
            if (auto r = checkFields(body, QString(), {u"decision"_s, u"base_version"_s, u"summary"_s, u"checklist"_s, u"reasons"_s},
                                     {u"decision"_s, u"base_version"_s, u"checklist"_s, u"reasons"_s}))
                return r;
            const QJsonValue decision = body.value(u"decision"_s);
            if (!decision.isString() || (decision.toString() != u"approve"_s && decision.toString() != u"reject"_s))
                return validation(u"/decision"_s, u"decision must be \"approve\" or \"reject\""_s);
            if (auto r = checkBaseVersion(body))
                return r;
            if (auto r = checkString(body, QString(), u"summary"_s, Verdict::MaxSummary))
                return r;
            const QJsonValue checklist = body.value(u"checklist"_s);
            if (!checklist.isObject())
                return validation(u"/checklist"_s, u"checklist must be an object of item keys to true/false"_s);
            const QJsonObject items = checklist.toObject();
            if (items.size() > 1000)
                return validation(u"/checklist"_s, u"checklist has too many items"_s);
            for (auto it = items.constBegin(); it != items.constEnd(); ++it) {
                if (!it->isBool())
                    return validation(u"/checklist/"_s + it.key().left(64), u"checklist values must be true or false"_s);
            }
            const QJsonValue reasons = body.value(u"reasons"_s);
            if (!reasons.isArray())
                return validation(u"/reasons"_s, u"reasons must be an array"_s);
            const QJsonArray list = reasons.toArray();
            if (list.size() > 100)
                return validation(u"/reasons"_s, u"at most 100 reasons"_s);
            for (qsizetype i = 0; i < list.size(); ++i) {
                const QString at = u"/reasons/%1"_s.arg(i);
                if (!list.at(i).isObject())
                    return validation(at, u"each reason must be an object"_s);
                const QJsonObject reason = list.at(i).toObject();
                if (auto r = checkFields(reason, at, {u"category"_s, u"code"_s, u"note"_s}, {u"category"_s, u"code"_s}))
                    return r;
                if (auto r = checkString(reason, at, u"category"_s, 64, false))
                    return r;
                if (auto r = checkString(reason, at, u"code"_s, 64, false))
                    return r;
                if (auto r = checkString(reason, at, u"note"_s, Verdict::MaxNote))
                    return r;
            }
            return std::nullopt;
        }, [this, &user](const QJsonObject &body, StoredSubmission &s) { return decideVerdict(*user, body, s); });
    case Route::Assignee:
        return write(*user, arg, request, [](const QJsonObject &body) -> std::optional<Reply> {
            if (auto r = checkFields(body, QString(), {u"assignee"_s, u"base_version"_s}, {u"assignee"_s, u"base_version"_s}))
                return r;
            const QJsonValue assignee = body.value(u"assignee"_s);
            if (!assignee.isNull() && !assignee.isString())
                return validation(u"/assignee"_s, u"assignee must be a user id or null"_s);
            if (auto r = checkString(body, QString(), u"assignee"_s, 128, false); r && !assignee.isNull())
                return r;
            return checkBaseVersion(body);
        }, [this, &user](const QJsonObject &body, StoredSubmission &s) { return decideAssignee(*user, body, s); });
    case Route::Comments:
        return write(*user, arg, request, [](const QJsonObject &body) -> std::optional<Reply> {
            if (auto r = checkFields(body, QString(), {u"body"_s, u"visibility"_s}, {u"body"_s, u"visibility"_s}))
                return r;
            if (auto r = checkString(body, QString(), u"body"_s, 20000, false))
                return r;
            const QJsonValue visibility = body.value(u"visibility"_s);
            if (visibility != QJsonValue(u"internal"_s) && visibility != QJsonValue(u"partner"_s))
                return validation(u"/visibility"_s, u"visibility must be \"internal\" or \"partner\""_s);
            return std::nullopt;
        }, [this, &user](const QJsonObject &body, StoredSubmission &s) { return decideComment(*user, body, s); });
    }
    return error(404, u"not_found"_s, u"no such resource"_s);
}

// --- reads ---------------------------------------------------------------------

Reply ApiServer::me(const User &user)
{
    return jsonReply(200, QJsonObject{{u"id"_s, user.id}, {u"name"_s, user.name},
                                      {u"roles"_s, QJsonArray::fromStringList(user.roles)}});
}

Reply ApiServer::questionnaire(const QString &version)
{
    const Questionnaire *q = questionnaireFor(version);
    if (!q)
        return error(404, u"not_found"_s, u"no questionnaire with that version"_s);
    return jsonReply(200, q->toJson());
}

Reply ApiServer::feed(const QHttpServerRequest &request)
{
    const QUrlQuery query = request.query();
    int limit = 200;
    if (query.hasQueryItem(u"limit"_s)) {
        bool ok = false;
        limit = query.queryItemValue(u"limit"_s).toInt(&ok);
        if (!ok || limit < 1 || limit > 500)
            return error(400, u"bad_request"_s, u"limit must be an integer from 1 to 500"_s, {{u"field"_s, u"limit"_s}});
    }
    qint64 after = 0;
    const QString since = query.queryItemValue(u"since"_s, QUrl::FullyDecoded);
    if (!since.isEmpty()) {
        const auto seq = FeedCursor::decode(since, m_store->secret());
        if (!seq)
            return error(400, u"bad_request"_s, u"since is not a cursor this server issued"_s, {{u"field"_s, u"since"_s}});
        after = *seq;
    }
    const auto page = m_store->feed(after, limit);
    if (!page)
        return error(500, u"internal"_s, u"the feed could not be read"_s);
    QJsonArray items;
    for (const SubmissionSummary &s : page->items)
        items.append(s.toJson());
    return jsonReply(200, QJsonObject{{u"items"_s, items},
                                      {u"next_cursor"_s, FeedCursor::encode(page->lastSeq, m_store->secret())},
                                      {u"has_more"_s, page->hasMore}});
}

Reply ApiServer::submission(const QString &id)
{
    const auto s = m_store->submission(id);
    if (!s)
        return error(404, u"not_found"_s, u"no such submission"_s);
    return jsonReply(200, s->toJson());
}

Reply ApiServer::reviewers(const User &user)
{
    if (!user.hasRole(u"lead"_s))
        return error(403, u"forbidden"_s, u"only leads see the reviewers' workload"_s);
    QJsonArray items;
    for (const User &u : m_store->users()) {
        if (!u.hasRole(u"reviewer"_s))
            continue;
        items.append(QJsonObject{{u"id"_s, u.id}, {u"name"_s, u.name}, {u"roles"_s, QJsonArray::fromStringList(u.roles)},
                                 {u"open_assigned"_s, m_store->openAssignedCount(u.id)}});
    }
    return jsonReply(200, QJsonObject{{u"items"_s, items}});
}

Reply ApiServer::evidence(const QString &id, const QHttpServerRequest &request)
{
    const auto e = m_store->evidence(id);
    if (!e)
        return error(404, u"not_found"_s, u"no such evidence"_s);
    const QByteArray etag = '"' + e->item.sha256.toLatin1() + '"';
    const qint64 size = e->content.size();
    Reply r;
    r.json = false;
    r.headers.append(QHttpHeaders::WellKnownHeader::ETag, etag);
    r.headers.append(QHttpHeaders::WellKnownHeader::AcceptRanges, "bytes");
    r.headers.append(QHttpHeaders::WellKnownHeader::CacheControl, "private, max-age=31536000, immutable");
    // Partner content: never sniffed into something executable, never shown
    // inline by a browser, and the partner's filename stays out of headers.
    r.headers.append(QHttpHeaders::WellKnownHeader::XContentTypeOptions, "nosniff");
    r.headers.append(QHttpHeaders::WellKnownHeader::ContentDisposition, "attachment");
    r.headers.append(QHttpHeaders::WellKnownHeader::ContentSecurityPolicy, "sandbox; default-src 'none'");

    const QByteArray ifNoneMatch = request.value("If-None-Match");
    if (!ifNoneMatch.isEmpty()) {
        for (const QByteArray &tag : ifNoneMatch.split(',')) {
            const QByteArray t = tag.trimmed();
            if (t == etag || t == "*" || t == "W/" + etag) {
                r.status = 304;
                return r;
            }
        }
    }
    r.headers.append(QHttpHeaders::WellKnownHeader::ContentType, e->item.mediaType.toLatin1());
    const QByteArray range = request.value("Range").trimmed();
    // One range, "bytes=N-" or "bytes=N-M". Anything else is ignored (the
    // whole file), as HTTP allows.
    if (range.startsWith("bytes=") && !range.contains(',')) {
        const QByteArray spec = range.mid(6);
        const qsizetype dash = spec.indexOf('-');
        bool okStart = false;
        bool okEnd = true;
        const qint64 start = dash > 0 ? spec.left(dash).toLongLong(&okStart) : -1;
        qint64 end = size - 1;
        if (dash > 0 && dash + 1 < spec.size())
            end = spec.mid(dash + 1).toLongLong(&okEnd);
        if (okStart && okEnd && start >= size) {
            Reply unsatisfiable = error(416, u"range_not_satisfiable"_s, u"the range starts past the end"_s);
            unsatisfiable.headers.append(QHttpHeaders::WellKnownHeader::ContentRange, "bytes */" + QByteArray::number(size));
            return unsatisfiable;
        }
        if (okStart && okEnd && start >= 0 && end >= start) {
            end = std::min(end, size - 1);
            r.status = 206;
            r.headers.append(QHttpHeaders::WellKnownHeader::ContentRange,
                             "bytes " + QByteArray::number(start) + '-' + QByteArray::number(end) + '/' + QByteArray::number(size));
            r.body = e->content.mid(start, end - start + 1);
            return r;
        }
    }
    r.status = 200;
    r.body = e->content;
    return r;
}

// --- writes --------------------------------------------------------------------

Reply ApiServer::write(const User &user, const QString &submissionId, const QHttpServerRequest &request,
                       const Shape &shape, const Decide &decide)
{
    const QString key = QString::fromLatin1(request.value("Idempotency-Key")).trimmed().toLower();
    const QUuid uuid = QUuid::fromString(key);
    if (key.isEmpty())
        return error(400, u"bad_request"_s, u"writes need an Idempotency-Key header (a UUID)"_s);
    if (uuid.isNull() || key.size() != 36)
        return error(400, u"bad_request"_s, u"the Idempotency-Key must be a UUID"_s);
    const QByteArray raw = request.body();
    if (raw.size() > MaxBody)
        return error(413, u"too_large"_s, u"request bodies are limited to 1 MiB"_s);
    if (!QUtf8StringView(raw).isValidUtf8())
        return error(400, u"bad_request"_s, u"the body is not valid UTF-8"_s);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(raw, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return error(400, u"bad_request"_s, u"malformed JSON: %1"_s.arg(parseError.errorString()));
    const QByteArray contentType = request.value("Content-Type").trimmed().toLower();
    if (!(contentType == "application/json" || contentType.startsWith("application/json;")))
        return error(415, u"unsupported_media_type"_s, u"bodies must be application/json"_s);
    auto stored = m_store->stored(submissionId);
    if (!stored)
        return error(404, u"not_found"_s, u"no such submission"_s);
    if (!doc.isObject())
        return validation(QString(), u"the body must be a JSON object"_s);
    const QJsonObject body = doc.object();
    if (auto r = shape(body))
        return *r;

    const QString endpoint = routeName(request) + u' ' + request.url().path();
    const QString hash = bodyHash(body);
    if (const auto previous = m_store->idempotentResponse(user.id, endpoint, key)) {
        if (previous->bodySha256 != hash)
            return validation(u"Idempotency-Key"_s, u"this Idempotency-Key was used with a different body"_s,
                              u"idempotency_key_reused"_s);
        Reply replay = jsonReply(previous->status, {});
        replay.body = previous->body;
        replay.headers.append("Idempotent-Replayed", "true");
        return replay;
    }

    if (!m_store->transaction())
        return error(500, u"internal"_s, u"the store is not available"_s);
    Reply reply = decide(body, *stored);
    // 2xx and the refusals that follow the key check are kept for replays;
    // 5xx are not (the client may retry with the same key).
    bool ok = true;
    if (reply.status < 500)
        ok = m_store->storeIdempotentResponse(user.id, endpoint, key, StoredResponse{hash, reply.status, reply.body});
    if (ok && reply.status < 500 && m_store->commit())
        return reply;
    m_store->rollback();
    qCWarning(lcServer).noquote() << "write failed:" << m_store->errorString();
    return error(500, u"internal"_s, u"the change could not be stored"_s);
}

Reply ApiServer::decideVerdict(const User &user, const QJsonObject &body, StoredSubmission &s)
{
    JsonReader reader(body);
    const Verdict verdict = Verdict::fromJson(reader);
    if (!reader.ok())
        return validation(QString(), reader.error());
    SubmissionSummary &sum = s.summary;
    if (sum.stage == SubmissionSummary::Stage::Done)
        return conflict(u"already_decided"_s, u"this submission is already decided"_s, sum);
    if (verdict.baseVersion != sum.version)
        return conflict(u"version_conflict"_s, u"the submission changed since version %1"_s.arg(verdict.baseVersion), sum);

    if (sum.stage == SubmissionSummary::Stage::Review) {
        const bool assignee = sum.assignee && *sum.assignee == user.id && user.hasRole(u"reviewer"_s);
        if (!assignee && !user.hasRole(u"lead"_s))
            return error(403, u"forbidden"_s, u"only the assignee or a lead decides at the review stage"_s);
    } else {
        if (!user.hasRole(u"security"_s))
            return error(403, u"forbidden"_s, u"only the security team decides at the security stage"_s);
        if (user.id == s.reviewApprovedBy)
            return error(403, u"four_eyes"_s, u"the person who approved the review stage cannot also approve security"_s);
    }

    const Questionnaire *q = questionnaireFor(sum.questionnaireVersion);
    if (!q)
        return error(500, u"internal"_s, u"the submission's questionnaire is unknown"_s);
    for (auto it = verdict.checklist.cbegin(); it != verdict.checklist.cend(); ++it) {
        if (!q->checklistItem(it.key()))
            return validation(u"/checklist/"_s + it.key().left(64), u"no checklist item \"%1\""_s.arg(it.key().left(64)));
    }
    if (verdict.decision == Verdict::Decision::Reject) {
        if (verdict.reasons.isEmpty())
            return validation(u"/reasons"_s, u"a rejection needs at least one reason"_s);
        for (qsizetype i = 0; i < verdict.reasons.size(); ++i) {
            const Verdict::Reason &r = verdict.reasons.at(i);
            if (!q->category(r.category))
                return validation(u"/reasons/%1/category"_s.arg(i), u"no category \"%1\""_s.arg(r.category));
            if (!q->hasReason(r.category, r.code))
                return validation(u"/reasons/%1/code"_s.arg(i), u"\"%1\" is not a reason of %2"_s.arg(r.code, r.category));
        }
    } else {
        if (!verdict.reasons.isEmpty())
            return validation(u"/reasons"_s, u"an approval takes no reasons"_s);
        QStringList missing;
        for (const QString &k : q->requiredChecklistKeys()) {
            if (!verdict.checklist.value(k, false))
                missing.append(k);
        }
        if (!missing.isEmpty()) {
            return error(422, u"validation_failed"_s, u"every required checklist item must be ticked to approve"_s,
                         QJsonObject{{u"field"_s, u"/checklist"_s}, {u"missing"_s, QJsonArray::fromStringList(missing)}});
        }
    }

    const QDateTime at = m_options.clock();
    QString action;
    if (verdict.decision == Verdict::Decision::Reject) {
        sum.status = SubmissionSummary::Status::Rejected;
        sum.stage = SubmissionSummary::Stage::Done;
        // Calendar months: QDateTime clamps to the end of a shorter month.
        sum.resubmissionAllowedAt = at.addMonths(3);
        action = u"rejected"_s;
    } else if (sum.stage == SubmissionSummary::Stage::Review) {
        sum.status = SubmissionSummary::Status::InReview;
        sum.stage = SubmissionSummary::Stage::Security;
        s.reviewApprovedBy = user.id;
        action = u"approved_review"_s;
    } else {
        sum.status = SubmissionSummary::Status::Approved;
        sum.stage = SubmissionSummary::Stage::Done;
        sum.badgeExpiresAt = at.addYears(1); // 29 Feb + 1 year = 28 Feb
        action = u"approved"_s;
    }
    sum.updatedAt = at;
    QJsonArray reasons = body.value(u"reasons"_s).toArray();
    if (!m_store->updateSubmission(s, true)
        || !m_store->addHistory(sum.id, at, user.id, action,
                                QJsonObject{{u"summary"_s, verdict.summary}, {u"reasons"_s, reasons},
                                            {u"stage"_s, SubmissionSummary::stageName(sum.stage)}}))
        return error(500, u"internal"_s, u"the verdict could not be stored"_s);
    sum.version += 1;
    return jsonReply(201, QJsonObject{{u"submission"_s, sum.toJson()}});
}

Reply ApiServer::decideAssignee(const User &user, const QJsonObject &body, StoredSubmission &s)
{
    SubmissionSummary &sum = s.summary;
    if (sum.stage == SubmissionSummary::Stage::Done)
        return conflict(u"already_decided"_s, u"a decided submission takes no assignment"_s, sum);
    const qint64 base = qint64(body.value(u"base_version"_s).toDouble());
    if (base != sum.version)
        return conflict(u"version_conflict"_s, u"the submission changed since version %1"_s.arg(base), sum);
    if (!user.hasRole(u"lead"_s))
        return error(403, u"forbidden"_s, u"only leads assign submissions"_s);
    std::optional<QString> assignee;
    if (body.value(u"assignee"_s).isString()) {
        const QString id = body.value(u"assignee"_s).toString();
        const auto target = m_store->user(id);
        if (!target)
            return validation(u"/assignee"_s, u"no user \"%1\""_s.arg(id.left(64)));
        if (!target->hasRole(u"reviewer"_s))
            return validation(u"/assignee"_s, u"%1 is not a reviewer"_s.arg(id));
        assignee = id;
    }
    if (assignee == sum.assignee)
        return jsonReply(200, QJsonObject{{u"submission"_s, sum.toJson()}});
    const QDateTime at = m_options.clock();
    const QJsonObject detail{{u"assignee"_s, assignee ? QJsonValue(*assignee) : QJsonValue(QJsonValue::Null)},
                             {u"previous"_s, sum.assignee ? QJsonValue(*sum.assignee) : QJsonValue(QJsonValue::Null)}};
    sum.assignee = assignee;
    if (assignee && sum.status == SubmissionSummary::Status::Submitted)
        sum.status = SubmissionSummary::Status::InReview;
    sum.updatedAt = at;
    if (!m_store->updateSubmission(s, true)
        || !m_store->addHistory(sum.id, at, user.id, assignee ? u"assigned"_s : u"unassigned"_s, detail))
        return error(500, u"internal"_s, u"the assignment could not be stored"_s);
    sum.version += 1;
    return jsonReply(200, QJsonObject{{u"submission"_s, sum.toJson()}});
}

Reply ApiServer::decideComment(const User &user, const QJsonObject &body, StoredSubmission &s)
{
    const QDateTime at = m_options.clock();
    const auto visibility = body.value(u"visibility"_s).toString() == u"partner"_s ? Comment::Visibility::Partner
                                                                                  : Comment::Visibility::Internal;
    const auto comment = m_store->addComment(s.summary.id, user.id, visibility, body.value(u"body"_s).toString(), at);
    s.summary.updatedAt = at;
    // Comments do not change what a decision depends on: no new version, but
    // the submission moves to the head of the feed.
    if (!comment || !m_store->updateSubmission(s, false)
        || !m_store->addHistory(s.summary.id, at, user.id, u"commented"_s,
                                QJsonObject{{u"comment_id"_s, comment->id},
                                            {u"visibility"_s, Comment::visibilityName(visibility)}}))
        return error(500, u"internal"_s, u"the comment could not be stored"_s);
    return jsonReply(201, comment->toJson());
}

} // namespace assay::server
