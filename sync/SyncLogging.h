#pragma once

#include <QLoggingCategory>

// assay.sync: what the sync engine and the client do — counts, ids, states,
// never a token, never partner text.
Q_DECLARE_LOGGING_CATEGORY(lcSync)
