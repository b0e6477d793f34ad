#pragma once

#include "domain/Result.h"

class QWebEngineProfile;

namespace assay {

class EvidenceRequestInterceptor;
class EvidenceSchemeHandler;

// The one WebEngine profile evidence is shown in, created on the first HTML
// item (Chromium starts then, not with the window): off the record (nothing
// on disk: no cache, no cookies, no permissions, no history), JavaScript
// and every feature a document could use to reach out off, the evidence
// scheme's handler and a backstop interceptor installed.
class EvidenceWebProfile
{
public:
    // The profile, made on first use; or why Chromium cannot run here (as
    // root without the sandbox override, Chromium would end the process; the
    // evidence scheme not registered before QApplication).
    static Result<QWebEngineProfile *> instance();
    // The handler that serves the documents (valid once instance() succeeded).
    static EvidenceSchemeHandler *schemeHandler();
    // Whether instance() has made the profile yet (for tests and the bench).
    static bool exists();
    // Why Chromium cannot start in this process, or empty when it can.
    static QString startProblem();
    // Applies the evidence settings to a profile (the view's, and a test's
    // own when it checks one layer alone).
    static void harden(QWebEngineProfile *profile);
};

} // namespace assay
