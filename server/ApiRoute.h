#pragma once

#include "server/Reply.h"

#include <QByteArray>
#include <QString>

class QHttpServerRequest;

namespace assay::server {

class ReadHandlers;
class WriteHandlers;
struct User;

// One operation of the review API: what the router serves and what
// `assay-marketplace --list-routes` prints for the OpenAPI checks
// (tests/server/check_openapi.py, check_responses.py), from the same row.
struct ApiRoute
{
    // An authenticated request on its way to a handler.
    struct Call
    {
        const User &user;
        QString arg; // the path's variable segment, or empty
        const QHttpServerRequest &request;
        ReadHandlers &reads;
        WriteHandlers &writes;
    };

    QByteArray method;   // GET, POST, PUT
    QString path;        // OpenAPI path template relative to /api/v1, at most one {variable}
    QString operationId; // as in api/openapi.yaml
    Reply (*handler)(const Call &call);

    // The QtHttpServer pattern of `path` under /api/v1 ("{id}" -> "<arg>").
    QString pattern() const;
};

} // namespace assay::server
