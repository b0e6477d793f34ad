#pragma once

// The cache bench_queue opens: `count` submissions with realistic answers,
// comments, history and verdicts, written directly through the cache's own
// calls (SubmissionStore::store in big transactions, no sync), once, and kept
// in the build folder between runs (it is rebuilt when its format version
// changes). Deterministic.

#include "domain/Result.h"

#include <QDateTime>
#include <QString>

namespace assay::bench {

// The path of the cache (made when missing or of another format version).
Result<QString> queueBenchCache(int count = 100000);
// The "now" the cache's dates are written around (a QueueContext's now).
QDateTime queueBenchNow();

} // namespace assay::bench
