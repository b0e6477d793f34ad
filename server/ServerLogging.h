#pragma once

#include <QLoggingCategory>

// assay.server: the reference server's own messages. assay.server.requests:
// one line per request (method, path, status, time) — never a token, a body
// or a query string.
Q_DECLARE_LOGGING_CATEGORY(lcServer)
Q_DECLARE_LOGGING_CATEGORY(lcRequests)
