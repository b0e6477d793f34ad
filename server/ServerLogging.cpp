#include "server/ServerLogging.h"

Q_LOGGING_CATEGORY(lcServer, "assay.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRequests, "assay.server.requests", QtInfoMsg)
