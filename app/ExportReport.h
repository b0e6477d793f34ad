#pragma once

#include <QStringList>

namespace assay {

// assay export --report SUBMISSION [--format html|pdf] --out FILE [--profile DIR]:
// the review report of one cached submission (models/ReviewReport), as HTML
// or PDF (ui/review/ReviewReportPdf), written whole or not at all.
class ExportReport
{
public:
    // Whether the command line (as main() gets it: program, "export", …)
    // asks for a report rather than the cache as JSON.
    static bool wanted(const QStringList &arguments);
    static bool wanted(int argc, char **argv);

    // For main(): a PDF lays out text, which takes fonts, which take a
    // QGuiApplication; this makes one on the offscreen platform (nothing is
    // shown, and over ssh there is no display) and runs the command.
    static int main(int argc, char **argv);

    // Runs the command ("assay export", options…); needs a QGuiApplication
    // for --format pdf. Returns the exit code (Commands::Exit).
    static int run(const QStringList &arguments);
};

} // namespace assay
