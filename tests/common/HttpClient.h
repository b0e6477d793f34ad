#pragma once

#include <QByteArray>
#include <QHttpHeaders>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>

namespace assay::test {

// A blocking HTTP client for tests: real requests over loopback through
// QNetworkAccessManager, one call = one request.
class HttpClient
{
public:
    struct Response
    {
        int status = 0;
        QByteArray body;
        QHttpHeaders headers;
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
        qint64 elapsedMs = 0;

        QJsonObject json() const;
        bool isJson() const;
        QString errorCode() const;
        QByteArray header(QByteArrayView name) const { return headers.value(name).toByteArray(); }
    };

    explicit HttpClient(QUrl base);

    Response request(const QByteArray &method, const QString &path, const QString &token,
                     const QByteArray &body = {}, const QHttpHeaders &extra = {});
    Response get(const QString &path, const QString &token, const QHttpHeaders &extra = {})
    {
        return request("GET", path, token, {}, extra);
    }
    // A JSON write with a fresh Idempotency-Key unless `key` is given.
    Response write(const QByteArray &method, const QString &path, const QString &token, const QJsonObject &body,
                   const QString &key = {});

    QUrl base() const { return m_base; }

private:
    QUrl m_base;
    QNetworkAccessManager m_nam;
};

} // namespace assay::test
