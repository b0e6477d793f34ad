#pragma once

#include <QLoggingCategory>

// The HTML evidence view's log: counts and states, never a partner's URL, name
// or content.
Q_DECLARE_LOGGING_CATEGORY(lcEvidenceWeb)
