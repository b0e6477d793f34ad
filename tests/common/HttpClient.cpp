#include "common/HttpClient.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QTimer>
#include <QUuid>

namespace assay::test {

QJsonObject HttpClient::Response::json() const
{
    return QJsonDocument::fromJson(body).object();
}

bool HttpClient::Response::isJson() const
{
    QJsonParseError e;
    QJsonDocument::fromJson(body, &e);
    return e.error == QJsonParseError::NoError;
}

QString HttpClient::Response::errorCode() const
{
    return json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

HttpClient::HttpClient(QUrl base)
    : m_base(std::move(base))
{
}

HttpClient::Response HttpClient::request(const QByteArray &method, const QString &path, const QString &token,
                                         const QByteArray &body, const QHttpHeaders &extra)
{
    QUrl url = m_base;
    const qsizetype q = path.indexOf(QLatin1Char('?'));
    url.setPath(q < 0 ? path : path.left(q));
    if (q >= 0)
        url.setQuery(path.mid(q + 1));
    QNetworkRequest req(url);
    QHttpHeaders headers = extra;
    if (!token.isEmpty())
        headers.replaceOrAppend(QHttpHeaders::WellKnownHeader::Authorization, "Bearer " + token.toUtf8());
    req.setHeaders(headers);
    req.setTransferTimeout(15000);
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply = m_nam.sendCustomRequest(req, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Response r;
    r.elapsedMs = timer.elapsed();
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.headers = reply->headers();
    r.error = reply->error();
    reply->deleteLater();
    return r;
}

HttpClient::Response HttpClient::write(const QByteArray &method, const QString &path, const QString &token,
                                       const QJsonObject &body, const QString &key)
{
    QHttpHeaders h;
    h.append(QHttpHeaders::WellKnownHeader::ContentType, "application/json");
    h.append("Idempotency-Key", (key.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : key).toUtf8());
    return request(method, path, token, QJsonDocument(body).toJson(QJsonDocument::Compact), h);
}

} // namespace assay::test
