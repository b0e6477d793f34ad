#include "sync/MarketplaceClient.h"

#include "domain/JsonReader.h"
#include "sync/SyncLogging.h"

#include <QHostAddress>
#include <QFileDevice>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QUrlQuery>

#include <memory>
#include <tuple>

using namespace Qt::StringLiterals;

namespace assay {

namespace {

bool isLoopback(const QString &host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

int retryAfter(const QNetworkReply *reply)
{
    const QByteArray value = reply->rawHeader("Retry-After").trimmed();
    if (value.isEmpty())
        return -1;
    bool ok = false;
    const int seconds = value.toInt(&ok);
    if (ok)
        return std::clamp(seconds, 0, 3600);
    const QDateTime at = QDateTime::fromString(QString::fromLatin1(value), Qt::RFC2822Date);
    return at.isValid() ? int(std::clamp<qint64>(QDateTime::currentDateTimeUtc().secsTo(at), 0, 3600)) : -1;
}

// Classifies a finished reply. A reply whose transfer failed is never a
// success, whatever status line came before the failure: a 200 cut mid-body
// is "offline", not a short document.
ApiError classify(QNetworkReply *reply, const QByteArray &body)
{
    ApiError e;
    const QVariant statusAttr = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    e.status = statusAttr.isValid() ? statusAttr.toInt() : 0;
    const QNetworkReply::NetworkError ne = reply->error();
    const bool transportFailed = ne != QNetworkReply::NoError && (int(ne) < 200 || ne == QNetworkReply::UnknownNetworkError
                                                                   || e.status == 0);
    if (ne == QNetworkReply::SslHandshakeFailedError) {
        e.kind = ApiError::Kind::Tls;
        e.message = u"TLS failed: %1"_s.arg(reply->errorString());
        return e;
    }
    if (transportFailed) {
        e.kind = ApiError::Kind::Offline;
        e.message = ne == QNetworkReply::OperationCanceledError ? u"the transfer timed out"_s : reply->errorString();
        e.status = 0;
        return e;
    }
    if (e.status >= 200 && e.status < 300)
        return e;
    // The API's error envelope, when there is one.
    const QJsonObject err = QJsonDocument::fromJson(body).object().value(u"error"_s).toObject();
    e.code = err.value(u"code"_s).toString().left(64);
    e.message = err.value(u"message"_s).toString().left(1000);
    e.details = err.value(u"details"_s).toObject();
    e.retryAfterSeconds = retryAfter(reply);
    if (e.message.isEmpty())
        e.message = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    switch (e.status) {
    case 401:
        e.kind = ApiError::Kind::Unauthorized;
        break;
    case 403:
        e.kind = ApiError::Kind::Forbidden;
        break;
    case 404:
        e.kind = ApiError::Kind::NotFound;
        break;
    case 409:
        e.kind = ApiError::Kind::Conflict;
        break;
    case 429:
        e.kind = ApiError::Kind::RateLimited;
        break;
    default:
        e.kind = e.status >= 500 ? ApiError::Kind::ServerError : ApiError::Kind::Rejected;
        break;
    }
    return e;
}

ApiError badResponse(const QString &what)
{
    ApiError e;
    e.kind = ApiError::Kind::BadResponse;
    e.message = what;
    return e;
}

std::optional<QJsonObject> parseObject(const QByteArray &body, ApiError *error)
{
    if (!QUtf8StringView(body).isValidUtf8()) {
        *error = badResponse(u"the response is not valid UTF-8"_s);
        return std::nullopt;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError) {
        *error = badResponse(u"malformed JSON in the response: %1"_s.arg(pe.errorString()));
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = badResponse(u"the response is not a JSON object"_s);
        return std::nullopt;
    }
    return doc.object();
}

// Marks a reply that the client refused before sending it; track() turns it
// into an ApiError of kind Refused with this message.
constexpr char RefusedProperty[] = "assay_refused";

// The reply to a request that is never sent: it fails, asynchronously as a
// network reply would, with the reason it was refused.
class RefusedReply : public QNetworkReply
{
public:
    RefusedReply(QNetworkAccessManager::Operation op, const QNetworkRequest &request, const QString &why, QObject *parent)
        : QNetworkReply(parent)
    {
        setOperation(op);
        setRequest(request);
        setUrl(request.url());
        setProperty(RefusedProperty, why);
        // Opening a reply with no device behind it cannot fail; it only
        // lets the caller's reads end at once.
        std::ignore = open(QIODevice::ReadOnly | QIODevice::Unbuffered);
        setError(QNetworkReply::ProtocolFailure, why);
        setFinished(true);
        QMetaObject::invokeMethod(this, [this] {
            Q_EMIT errorOccurred(error());
            Q_EMIT finished();
        }, Qt::QueuedConnection);
    }
    void abort() override {}
    qint64 bytesAvailable() const override { return 0; }

protected:
    qint64 readData(char *, qint64) override { return -1; }
};

QString writePath(OutboxEntry::Kind kind, const QString &id)
{
    const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(id));
    switch (kind) {
    case OutboxEntry::Kind::Verdict:
        return u"/submissions/%1/verdict"_s.arg(encoded);
    case OutboxEntry::Kind::Assignment:
        return u"/submissions/%1/assignee"_s.arg(encoded);
    case OutboxEntry::Kind::Comment:
        return u"/submissions/%1/comments"_s.arg(encoded);
    }
    return {};
}

} // namespace

MarketplaceClient::MarketplaceClient(const QUrl &server, const QString &token, QObject *parent)
    : QObject(parent)
    , m_server(server.adjusted(QUrl::StripTrailingSlash | QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment))
    , m_refusal(checkServerUrl(m_server))
    , m_token(token)
    , m_nam(m_server, m_refusal)
{
    // Redirects are followed only after sameOrigin() says so (below).
    m_nam.setRedirectPolicy(QNetworkRequest::UserVerifiedRedirectPolicy);
    m_nam.setAutoDeleteReplies(false);
    if (!m_refusal.isEmpty())
        qCWarning(lcSync).noquote() << "marketplace client refused:" << m_refusal;
}

QNetworkReply *MarketplaceClient::Network::createRequest(Operation op, const QNetworkRequest &request, QIODevice *outgoingData)
{
    QString why = m_refusal.isEmpty() ? checkServerUrl(request.url()) : m_refusal;
    if (why.isEmpty() && !sameOrigin(request.url(), m_origin))
        why = u"refused a request to another origin (%1)"_s.arg(request.url().host());
    if (!why.isEmpty())
        return new RefusedReply(op, request, why, this);
    return QNetworkAccessManager::createRequest(op, request, outgoingData);
}

QString MarketplaceClient::checkServerUrl(const QUrl &server)
{
    if (!server.isValid() || server.host().isEmpty())
        return u"not a server URL: %1"_s.arg(server.toString());
    const QString scheme = server.scheme().toLower();
    if (scheme == u"https"_s)
        return {};
    if (scheme == u"http"_s) {
        if (isLoopback(server.host()))
            return {};
        return u"refusing plain HTTP to %1: TLS (https://) is required for any server that is not on this machine"_s
            .arg(server.host());
    }
    return u"unsupported scheme \"%1\" (use https://, or http:// on loopback)"_s.arg(server.scheme());
}

bool MarketplaceClient::sameOrigin(const QUrl &a, const QUrl &b)
{
    auto port = [](const QUrl &u) { return u.port(u.scheme() == u"https"_s ? 443 : 80); };
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
        && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && port(a) == port(b);
}

void MarketplaceClient::abortAll()
{
    const auto replies = findChildren<QNetworkReply *>();
    for (QNetworkReply *r : replies) {
        r->setProperty("assay_abandoned", true);
        r->abort();
    }
}

QNetworkRequest MarketplaceClient::request(const QString &path, const QString &query) const
{
    QUrl url = m_server;
    url.setPath(u"/api/v1"_s + path, QUrl::TolerantMode);
    if (!query.isEmpty())
        url.setQuery(query, QUrl::StrictMode);
    QNetworkRequest req(url);
    req.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    req.setRawHeader("Accept", "application/json");
    req.setTransferTimeout(m_timeoutMs);
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, true);
    req.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    req.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    return req;
}

void MarketplaceClient::track(QNetworkReply *reply, qint64 maxBody, Finish finish)
{
    reply->setParent(this);
    // Refused before it was sent (Network::createRequest), or later, below.
    auto refused = std::make_shared<QString>(reply->property(RefusedProperty).toString());
    const QUrl origin = reply->url();
    connect(reply, &QNetworkReply::redirected, reply, [reply, origin, refused](const QUrl &target) {
        // The origin passed checkServerUrl(), so a target of the same origin
        // passes it too (same scheme, host and port).
        if (sameOrigin(origin, target)) {
            Q_EMIT reply->redirectAllowed();
        } else {
            *refused = u"refused a redirect to another origin (%1)"_s.arg(target.host());
            reply->abort();
        }
    });
    auto received = std::make_shared<qint64>(0);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply, maxBody, refused, received](qint64 bytes, qint64) {
        *received = bytes;
        if (maxBody > 0 && bytes > maxBody && refused->isEmpty()) {
            *refused = u"the response is larger than %1 MiB"_s.arg(maxBody / (1024 * 1024));
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [reply, refused, received, finish = std::move(finish)] {
        reply->deleteLater();
        if (reply->property("assay_abandoned").toBool())
            return;
        // An aborted reply is closed: nothing to read (and reading warns).
        const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
        if (!refused->isEmpty()) {
            ApiError e;
            e.kind = refused->startsWith(u"the response"_s) ? ApiError::Kind::BadResponse : ApiError::Kind::Refused;
            e.message = *refused;
            finish(e, 0, {}, reply);
            return;
        }
        ApiError e = classify(reply, body);
        // A connection closed early can finish a reply without an error
        // (seen with Qt 6.8 under the reference server's injected cuts):
        // fewer bytes than the response's Content-Length is a cut. Not
        // checked for compressed bodies, where the two counts differ.
        const QVariant declared = reply->header(QNetworkRequest::ContentLengthHeader);
        if (!e.isError() && e.status != 204 && declared.isValid() && !reply->hasRawHeader("Content-Encoding")
            && *received < declared.toLongLong()) {
            e.kind = ApiError::Kind::Offline;
            e.message = u"the transfer ended after %1 of %2 bytes"_s.arg(*received).arg(declared.toLongLong());
            e.status = 0;
        }
        finish(e, e.status, body, reply);
    });
}

template<typename T, typename Decode>
void MarketplaceClient::getJson(const QString &path, const QString &query, Decode decode, Callback<T> done)
{
    QNetworkReply *reply = m_nam.get(request(path, query));
    track(reply, MaxJsonResponse, [decode = std::move(decode), done = std::move(done)](const ApiError &error, int, const QByteArray &body, QNetworkReply *) {
        Result<T> result;
        if (error.isError()) {
            result.error = error;
            done(result);
            return;
        }
        const auto object = parseObject(body, &result.error);
        if (!object) {
            done(result);
            return;
        }
        JsonReader reader(*object);
        T value = decode(reader);
        if (!reader.ok())
            result.error = badResponse(u"unexpected response: %1"_s.arg(reader.error()));
        else
            result.value = std::move(value);
        done(result);
    });
}

void MarketplaceClient::me(Callback<Account> done)
{
    getJson<Account>(u"/me"_s, {}, [](JsonReader &r) {
        return Account{r.string(u"id"_s, 128), r.string(u"name"_s, 512), r.stringList(u"roles"_s, 16, 64)};
    }, std::move(done));
}

void MarketplaceClient::questionnaire(const QString &version, Callback<Questionnaire> done)
{
    getJson<Questionnaire>(u"/questionnaires/"_s + QString::fromLatin1(QUrl::toPercentEncoding(version)), {},
                           [](JsonReader &r) {
                               Questionnaire q = Questionnaire::fromJson(r);
                               if (r.ok()) {
                                   if (const QString problem = q.validate(); !problem.isEmpty())
                                       r.fail(u"categories"_s, problem);
                               }
                               return q;
                           },
                           std::move(done));
}

void MarketplaceClient::feed(const QString &cursor, int limit, Callback<FeedPage> done)
{
    QUrlQuery query;
    query.addQueryItem(u"limit"_s, QString::number(limit));
    if (!cursor.isEmpty())
        query.addQueryItem(u"since"_s, QString::fromLatin1(QUrl::toPercentEncoding(cursor)));
    getJson<FeedPage>(u"/submissions"_s, query.toString(QUrl::FullyEncoded), [](JsonReader &r) {
        FeedPage page;
        const QJsonArray items = r.array(u"items"_s, 500);
        page.nextCursor = r.string(u"next_cursor"_s, 1024);
        page.hasMore = r.boolean(u"has_more"_s);
        if (r.ok() && page.nextCursor.isEmpty())
            r.fail(u"next_cursor"_s, u"empty"_s);
        // One bad item does not spoil the page: it is reported, the others
        // are kept.
        for (qsizetype i = 0; r.ok() && i < items.size(); ++i) {
            const QString name = u"items[%1]"_s.arg(i);
            const QJsonObject o = items.at(i).toObject();
            JsonReader item = r.nested(o, name);
            if (!items.at(i).isObject())
                item.fail(QString(), u"expected an object"_s);
            const SubmissionSummary s = SubmissionSummary::fromJson(item);
            if (item.ok())
                page.items.append(s);
            else
                page.invalid.append({o.value(u"id"_s).toString().left(128), item.error()});
        }
        return page;
    }, std::move(done));
}

void MarketplaceClient::submission(const QString &id, Callback<Submission> done)
{
    getJson<Submission>(u"/submissions/"_s + QString::fromLatin1(QUrl::toPercentEncoding(id)), {},
                        [id](JsonReader &r) {
                            Submission s = Submission::fromJson(r);
                            if (r.ok() && s.summary.id != id)
                                r.fail(u"id"_s, u"the server answered with another submission"_s);
                            return s;
                        },
                        std::move(done));
}

void MarketplaceClient::reviewers(Callback<QList<Reviewer>> done)
{
    getJson<QList<Reviewer>>(u"/reviewers"_s, {}, [](JsonReader &r) {
        QList<Reviewer> out;
        const QJsonArray items = r.array(u"items"_s, 10000);
        for (qsizetype i = 0; r.ok() && i < items.size(); ++i) {
            JsonReader item = r.nested(items.at(i).toObject(), u"items[%1]"_s.arg(i));
            Reviewer v{item.string(u"id"_s, 128), item.string(u"name"_s, 512), item.stringList(u"roles"_s, 16, 64),
                       int(item.integer(u"open_assigned"_s, 0, 1000000))};
            r.adopt(item);
            out.append(v);
        }
        return out;
    }, std::move(done));
}

void MarketplaceClient::users(Callback<QList<Account>> done)
{
    getJson<QList<Account>>(u"/users"_s, {}, [](JsonReader &r) {
        QList<Account> out;
        const QJsonArray items = r.array(u"items"_s, 10000);
        for (qsizetype i = 0; r.ok() && i < items.size(); ++i) {
            JsonReader item = r.nested(items.at(i).toObject(), u"items[%1]"_s.arg(i));
            Account a{item.string(u"id"_s, 128), item.string(u"name"_s, 512), item.stringList(u"roles"_s, 16, 64)};
            r.adopt(item);
            out.append(a);
        }
        return out;
    }, std::move(done));
}

void MarketplaceClient::write(OutboxEntry::Kind kind, const QString &submissionId, const QJsonObject &payload,
                              const QString &key, Callback<WriteResult> done)
{
    QNetworkRequest req = request(writePath(kind, submissionId));
    req.setRawHeader("Content-Type", "application/json");
    req.setRawHeader("Idempotency-Key", key.toLatin1());
    const QByteArray body = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    const QByteArray method = kind == OutboxEntry::Kind::Assignment ? "PUT" : "POST";
    QNetworkReply *reply = m_nam.sendCustomRequest(req, method, body);
    track(reply, MaxJsonResponse, [done = std::move(done)](const ApiError &error, int status, const QByteArray &responseBody, QNetworkReply *r) {
        Result<WriteResult> result;
        if (error.isError()) {
            result.error = error;
            done(result);
            return;
        }
        const auto object = parseObject(responseBody, &result.error);
        if (!object) {
            done(result);
            return;
        }
        result.value = WriteResult{status, *object, r->rawHeader("Idempotent-Replayed") == "true"};
        done(result);
    });
}

namespace {

// Where a 206's "Content-Range: bytes FIRST-LAST/TOTAL" starts, or -1 when
// the header is missing or not that shape.
qint64 rangeStart(const QByteArray &contentRange)
{
    const QByteArray value = contentRange.trimmed();
    if (!value.startsWith("bytes "))
        return -1;
    const QByteArray spec = value.mid(6).trimmed();
    const qsizetype dash = spec.indexOf('-');
    if (dash <= 0)
        return -1;
    bool ok = false;
    const qint64 start = spec.left(dash).toLongLong(&ok);
    return ok && start >= 0 ? start : -1;
}

ApiError downloadRefused(ApiError::Kind kind, const QString &message)
{
    ApiError e;
    e.kind = kind;
    e.message = message;
    return e;
}

} // namespace

void MarketplaceClient::evidence(const QString &id, QIODevice *sink, qint64 offset, qint64 declaredSize,
                                 Callback<Download> done, std::function<void(qint64)> progress)
{
    QNetworkRequest req = request(u"/evidence/"_s + QString::fromLatin1(QUrl::toPercentEncoding(id)));
    req.setRawHeader("Accept", "*/*");
    if (offset > 0)
        req.setRawHeader("Range", "bytes=" + QByteArray::number(offset) + '-');
    QNetworkReply *reply = m_nam.get(req);
    struct State
    {
        Download download;
        bool headersChecked = false;
        // Where the first byte of this response goes in the file.
        qint64 base = 0;
        QString sinkError;
        ApiError refused;
    };
    auto state = std::make_shared<State>();
    QPointer<QIODevice> out(sink);
    // Bytes go to the sink as they arrive, so a cut keeps what came and the
    // next attempt asks only for the rest.
    connect(reply, &QNetworkReply::readyRead, reply, [reply, out, state, offset, declaredSize, progress = std::move(progress)] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status != 200 && status != 206)
            return; // an error body: read at the end
        if (state->refused.isError() || !state->sinkError.isEmpty())
            return; // aborted already
        if (!state->headersChecked) {
            state->headersChecked = true;
            if (status == 206) {
                // Appending bytes from another offset would make a file
                // that is neither the old one nor the new one.
                const qint64 start = rangeStart(reply->rawHeader("Content-Range"));
                if (start != offset) {
                    state->refused = downloadRefused(ApiError::Kind::BadRange,
                        u"asked for bytes from %1, the server answered with %2"_s.arg(offset).arg(
                            start < 0 ? u"no usable Content-Range"_s : u"bytes from %1"_s.arg(start)));
                    reply->abort();
                    return;
                }
                state->base = offset;
            } else if (offset > 0) {
                // The server ignored the range: start over.
                state->download.restarted = true;
                QIODevice *device = out.data();
                auto *file = qobject_cast<QFileDevice *>(device);
                if (!device || !device->seek(0) || (file && !file->resize(0))) {
                    state->sinkError = device ? device->errorString() : u"the file went away"_s;
                    reply->abort();
                    return;
                }
            }
            const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
            if (declaredSize >= 0 && length.isValid() && !reply->hasRawHeader("Content-Encoding")
                && state->base + length.toLongLong() > declaredSize) {
                state->refused = downloadRefused(ApiError::Kind::Oversize,
                    u"the server announced %1 bytes, more than the %2 bytes declared"_s.arg(state->base + length.toLongLong()).arg(declaredSize));
                reply->abort();
                return;
            }
        }
        const QByteArray chunk = reply->readAll();
        // Not one byte past the declared size reaches the file.
        if (declaredSize >= 0 && state->base + state->download.written + chunk.size() > declaredSize) {
            state->refused = downloadRefused(ApiError::Kind::Oversize,
                u"the server sent more than the %1 bytes declared"_s.arg(declaredSize));
            reply->abort();
            return;
        }
        if (!out || out->write(chunk) != chunk.size()) {
            state->sinkError = out ? out->errorString() : u"the file went away"_s;
            reply->abort();
            return;
        }
        state->download.written += chunk.size();
        if (progress)
            progress(chunk.size());
    });
    track(reply, 0, [done = std::move(done), state](const ApiError &error, int, const QByteArray &, QNetworkReply *) {
        Result<Download> result;
        if (!state->sinkError.isEmpty()) {
            result.error.kind = ApiError::Kind::Refused;
            result.error.message = u"cannot write the evidence file: %1"_s.arg(state->sinkError);
        } else if (state->refused.isError()) {
            result.error = state->refused;
        } else if (error.isError()) {
            result.error = error;
        } else {
            result.value = state->download;
        }
        // Bytes written before a failure are kept by the sink; report them.
        if (!result.value) {
            result.error.details.insert(u"written"_s, state->download.written);
            result.error.details.insert(u"restarted"_s, state->download.restarted);
        }
        done(result);
    });
}

} // namespace assay
