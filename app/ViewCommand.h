#pragma once

#include "domain/SecretFinding.h"
#include "domain/Result.h"
#include "models/EvidenceType.h"

#include <QList>

namespace assay {

// assay view FILE [--screenshot OUT]: the evidence viewer alone on a local
// file, read-only. No profile is opened, no cache, no settings written; the
// declared type comes from the file's name, the findings from a scan of its
// own on a worker thread. With --screenshot it saves the window's picture
// once the content (or the refusal) is shown and exits; it never hangs.
class ViewCommand
{
public:
    enum Exit { Shown = 0, CannotRead = 1, Usage = 2, TimedOut = 4 };

    // How long the viewer may take before the picture is taken anyway.
    static constexpr int WatchdogMs = 20000;

    // Whether main()'s arguments ask for it (program, "view", …).
    static bool wanted(int argc, char **argv);
    // For main(): checks the arguments and the file before any window
    // exists (a missing file needs no display to say so), then makes the
    // application and runs the viewer. Returns the exit code.
    static int main(int argc, char **argv);

    // The secrets finder's scan of a local file as the viewer shows it:
    // text and HTML/SVG as their source, PDF page by page through QtPdf's
    // text. Any thread. nullopt: the kind has no text to scan.
    struct Scan
    {
        QList<SecretFinding> findings;
        bool truncated = false;
    };
    static Result<std::optional<Scan>> scan(const QString &path, EvidenceType::View view);
};

} // namespace assay
