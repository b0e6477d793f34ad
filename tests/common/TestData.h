#pragma once

#include "domain/Submission.h"

namespace assay::test {

// Deterministic records for tests: the same n gives the same record.
SubmissionSummary summary(int n, qint64 version = 1);
Submission submission(int n, qint64 version = 1);

} // namespace assay::test
