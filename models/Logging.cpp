#include "models/Logging.h"

Q_LOGGING_CATEGORY(lcCache, "assay.cache", QtInfoMsg)
