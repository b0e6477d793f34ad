#include "sync/ApiError.h"

namespace assay {

QString ApiError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("none");
    case Kind::Offline:
        return QStringLiteral("offline");
    case Kind::Tls:
        return QStringLiteral("tls");
    case Kind::Unauthorized:
        return QStringLiteral("unauthorized");
    case Kind::Forbidden:
        return QStringLiteral("forbidden");
    case Kind::NotFound:
        return QStringLiteral("not_found");
    case Kind::Conflict:
        return QStringLiteral("conflict");
    case Kind::Rejected:
        return QStringLiteral("rejected");
    case Kind::RateLimited:
        return QStringLiteral("rate_limited");
    case Kind::ServerError:
        return QStringLiteral("server_error");
    case Kind::BadResponse:
        return QStringLiteral("bad_response");
    case Kind::Refused:
        return QStringLiteral("refused");
    case Kind::Oversize:
        return QStringLiteral("oversize");
    case Kind::BadRange:
        return QStringLiteral("bad_range");
    }
    return {};
}

QString ApiError::describe() const
{
    QString text = message.isEmpty() ? kindName(kind) : message;
    if (status > 0)
        text = QStringLiteral("HTTP %1: %2").arg(status).arg(text);
    if (!code.isEmpty() && !text.contains(code))
        text += QStringLiteral(" (%1)").arg(code);
    return text;
}

} // namespace assay
