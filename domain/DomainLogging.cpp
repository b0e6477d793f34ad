#include "domain/DomainLogging.h"

Q_LOGGING_CATEGORY(lcSchema, "assay.schema", QtInfoMsg)
