#pragma once

#include <QLoggingCategory>

// Logging category of the domain library (records, JSON, questionnaire,
// schema migrations). Log lines name ids and counts, never partner text,
// evidence content or credentials.
Q_DECLARE_LOGGING_CATEGORY(lcSchema)
