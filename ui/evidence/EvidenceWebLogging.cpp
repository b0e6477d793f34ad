#include "ui/evidence/EvidenceWebLogging.h"

Q_LOGGING_CATEGORY(lcEvidenceWeb, "assay.evidence.web", QtInfoMsg)
