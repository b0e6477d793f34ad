#include "models/Logging.h"

Q_LOGGING_CATEGORY(lcCache, "assay.cache", QtInfoMsg)
Q_LOGGING_CATEGORY(lcModels, "assay.models", QtInfoMsg)
