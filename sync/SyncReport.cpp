#include "sync/SyncReport.h"

using namespace Qt::StringLiterals;

namespace assay {

QString SyncReport::summaryLine() const
{
    QString line = inStep ? u"in step"_s : u"not in step"_s;
    line += u": %1 submissions updated in %2 pages, %3 details, %4 evidence files downloaded (%5 KiB), "
            "%6 decisions pushed, %7 conflicts, %8 failed, %9 waiting"_s.arg(summaries)
                .arg(pages)
                .arg(details)
                .arg(evidenceDownloaded)
                .arg(bytes / 1024)
                .arg(pushed)
                .arg(conflicts)
                .arg(failed)
                .arg(pendingOutbox);
    if (evidenceRefused > 0)
        line += u", %1 evidence files refused"_s.arg(evidenceRefused);
    if (retries > 0)
        line += u", %1 retries"_s.arg(retries);
    line += u" in %1 s"_s.arg(double(elapsedMs) / 1000.0, 0, 'f', 1);
    if (!error.isEmpty())
        line += u" — "_s + error;
    return line;
}

} // namespace assay
