#include "sync/SyncLogging.h"

Q_LOGGING_CATEGORY(lcSync, "assay.sync", QtInfoMsg)
