#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace assay {

// What one sync cycle did, and whether the cache is now in step with the
// marketplace (SyncEngine::Report).
struct SyncReport
{
    bool inStep = false;
    bool tokenRejected = false;
    // The last failed request could not reach the marketplace (no
    // connection, timed out), as opposed to an answer that said no.
    bool offline = false;
    QString error;
    int pages = 0;
    int summaries = 0;
    int details = 0;
    int evidenceDownloaded = 0;
    int evidencePresent = 0;
    int evidenceMismatched = 0;
    // Files given up for good this cycle: larger than declared, declared
    // over the limit, or sent from the wrong offset (in `problems`, why).
    int evidenceRefused = 0;
    qint64 bytes = 0;
    int pushed = 0;
    int conflicts = 0;
    int failed = 0;
    int pendingOutbox = 0;
    int retries = 0;
    QStringList problems;
    qint64 elapsedMs = 0;
    QString summaryLine() const;
};

} // namespace assay

Q_DECLARE_METATYPE(assay::SyncReport)
