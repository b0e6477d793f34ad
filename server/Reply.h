#pragma once

#include <QByteArray>
#include <QHttpHeaders>
#include <QJsonObject>
#include <QString>

namespace assay::server {

// A response before it goes out: built by the handlers, then sent (or
// damaged, under --faults) in one place, HttpTransport.
struct Reply
{
    int status = 200;
    QByteArray body;
    QHttpHeaders headers;
    bool isJson = true; // false for evidence bytes: damaged by a cut, not by bad JSON

    static Reply json(int status, const QJsonObject &body);
    // The contract's one error shape: {"error": {"code", "message", "details"}}.
    static Reply error(int status, const QString &code, const QString &message, const QJsonObject &details = {});
    // 429 / 503 with Retry-After.
    static Reply retryLater(int status, const QString &code, const QString &message);
    // 422 naming the member (a JSON Pointer into the request body).
    static Reply validation(const QString &field, const QString &message,
                            const QString &code = QStringLiteral("validation_failed"));
    // 409 carrying the submission as it now is.
    static Reply conflict(const QString &code, const QString &message, const QJsonObject &current);
};

} // namespace assay::server
