#pragma once

#include <QLoggingCategory>

// Logging categories of the models library. Log lines name ids and counts,
// never partner text, evidence content or credentials.
Q_DECLARE_LOGGING_CATEGORY(lcCache)
