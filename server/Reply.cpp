#include "server/Reply.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace assay::server {

Reply Reply::json(int status, const QJsonObject &body)
{
    Reply r;
    r.status = status;
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    r.headers.append(QHttpHeaders::WellKnownHeader::ContentType, "application/json");
    r.headers.append(QHttpHeaders::WellKnownHeader::CacheControl, "no-store");
    return r;
}

Reply Reply::error(int status, const QString &code, const QString &message, const QJsonObject &details)
{
    Reply r = json(status, QJsonObject{{u"error"_s, QJsonObject{{u"code"_s, code},
                                                               {u"message"_s, message},
                                                               {u"details"_s, details}}}});
    if (status == 401)
        r.headers.append(QHttpHeaders::WellKnownHeader::WWWAuthenticate, "Bearer");
    return r;
}

Reply Reply::retryLater(int status, const QString &code, const QString &message)
{
    Reply r = error(status, code, message);
    r.headers.append(QHttpHeaders::WellKnownHeader::RetryAfter, "1");
    return r;
}

Reply Reply::validation(const QString &field, const QString &message, const QString &code)
{
    return error(422, code, message, QJsonObject{{u"field"_s, field}});
}

Reply Reply::conflict(const QString &code, const QString &message, const QJsonObject &current)
{
    return error(409, code, message, QJsonObject{{u"current"_s, current}});
}

} // namespace assay::server
