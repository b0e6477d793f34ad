#pragma once

#include <QJsonObject>
#include <QString>

namespace assay {

// What went wrong with one call to the marketplace, typed so that the sync
// engine can decide: retry later (offline, 5xx, 429), stop and ask for a
// token (401), hold a decision (409), give up on one item (other 4xx, a
// response that does not decode, evidence that breaks its declared size or
// answers a Range request from the wrong offset).
struct ApiError
{
    enum class Kind {
        None,
        Offline,        // no connection: refused, unreachable, timed out, cut
        Tls,            // a certificate or TLS problem: never ignored
        Unauthorized,   // 401
        Forbidden,      // 403
        NotFound,       // 404
        Conflict,       // 409
        Rejected,       // 400, 413, 415, 416, 422: the request itself is refused
        RateLimited,    // 429
        ServerError,    // 5xx
        BadResponse,    // malformed JSON, wrong shape, wrong types, a JSON body over the limit
        Refused,        // refused by the client itself (redirect off-origin, plain HTTP off loopback)
        Oversize,       // evidence larger than it was declared, or declared over the client's limit
        BadRange,       // a 206 whose Content-Range does not start where the request asked
    };

    Kind kind = Kind::None;
    int status = 0;
    QString code;     // the API's error code, when it sent one
    QString message;  // for people; never contains a token
    QJsonObject details;
    int retryAfterSeconds = -1;

    bool isError() const { return kind != Kind::None; }
    // Worth trying again later, unchanged.
    bool isTransient() const
    {
        return kind == Kind::Offline || kind == Kind::RateLimited || kind == Kind::ServerError
            || kind == Kind::BadResponse;
    }
    QString describe() const;
    static QString kindName(Kind kind);
};

} // namespace assay
