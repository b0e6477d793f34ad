#pragma once

#include "domain/EvidenceItem.h"
#include "domain/Result.h"
#include "models/EvidenceFindings.h"
#include "sync/EvidenceStore.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <memory>

namespace assay {

class Cache;
class EvidenceScanner;
class MarketplaceClient;
class SyncCycle;
struct ApiError;

// Downloads evidence into the content-addressed store, one download per
// distinct content: every item with that sha256 is present once the file is
// verified (Cache::markFilesVerified). Files start as soon as their details
// are stored, beside the remaining details, the opened submission's first;
// a cut resumes with Range; the sha256 is checked on a worker thread.
//
// Sizes are held to what the details declare: a file declared over the
// limit is refused before any request, and a transfer that passes its
// declared size or answers a Range request from the wrong offset is given
// up for that item (not retried) and its partial bytes are discarded.
//
// A verified file is scanned for secrets in the same worker job
// (EvidenceScanner), and its findings are stored with the batch that marks
// it present. Present files the finder has not scanned at its current
// version (a cache from before the finder, a new finder) are scanned during
// the evidence phase too, one at a time beside the downloads' checks, so
// they never hold up a download's turn on the thread pool for long.
class EvidenceDownloader : public QObject
{
    Q_OBJECT

public:
    // Verified files are marked present in batches: at once for what the
    // reviewer opened, else within MaxMarkDelay, and before the cycle ends.
    static constexpr std::chrono::milliseconds MaxMarkDelay{250};

    EvidenceDownloader(Cache &cache, MarketplaceClient &client, SyncCycle &cycle, const EvidenceStore &store,
                       qint64 maxFileBytes, QObject *parent = nullptr);
    ~EvidenceDownloader() override;

    // A declared size this client accepts to download, or why not.
    static Result<> checkDeclaredSize(qint64 size, qint64 limit);

    // Forgets the last cycle's queue (its requests were aborted with it).
    void reset();
    void queue(const QList<EvidenceItem> &items);
    // The files of what the reviewer opened go first (the last opened first).
    void prioritize(const QString &submissionId);
    // The evidence phase: every absent item, from earlier cycles too, with
    // all the requests.
    void startPhase(const QSet<QString> &priorities);
    void pump();
    // Files wait or are under way.
    bool hasWork() const { return !m_queue.isEmpty() || !m_inFlight.isEmpty(); }
    // Beside details, files get a quarter of the requests: details are what
    // the queue shows, and a file holds its request much longer.
    qsizetype besideDetailsSlots() const;
    // Stores the scans made and marks what is verified present now (the
    // cycle is ending).
    void flushMarks();

Q_SIGNALS:
    // The phase is over: every file is verified, given up, or waiting for
    // the next cycle.
    void drained();
    // A request ended: another part may use its slot.
    void slotFreed();

private:
    struct Blob
    {
        QString sha256;
        qint64 size = 0;
        QStringList evidenceIds;
        QStringList submissionIds;
        // What one of its items declares: where the scan's detection starts.
        QString mediaType;
    };
    // A verified file's check and scan, from the worker.
    struct Checked
    {
        EvidenceStore::Outcome outcome = EvidenceStore::Outcome::Failed;
        QString error;
        std::optional<EvidenceFindings::Record> scan;
    };

    void download(const Blob &blob);
    void failed(const Blob &blob, const ApiError &error);
    void verify(const Blob &blob, bool downloaded);
    void verified(const Blob &blob, bool downloaded, const Checked &checked);
    // Present files without a scan at the finder's version, each once a cycle.
    void queueUnscanned();
    void pumpScans();
    void scanned(const EvidenceFindings::Record &record);
    void markPresent(const Blob &blob);
    void refuse(const Blob &blob, const QString &why);
    void progress();

    Cache &m_cache;
    MarketplaceClient &m_client;
    SyncCycle &m_cycle;
    const EvidenceStore &m_store;
    qint64 m_maxFileBytes;
    bool m_allSlots = false;
    QList<Blob> m_queue;
    QSet<QString> m_inFlight;
    QHash<QString, int> m_attempts;
    QHash<QString, int> m_mismatches;
    int m_total = 0;
    // Retries scheduled after a backoff: the phase is not over while any wait.
    int m_waiting = 0;
    // Downloaded files whose sha256 a worker thread is checking.
    int m_verifying = 0;
    // Verified files whose items wait to be marked present.
    QStringList m_presentShas;
    // Every file queued in this cycle (downloaded, checked or still to go).
    QSet<QString> m_queued;
    QTimer m_markTimer;
    // One finder for every worker job (its rules are compiled once).
    std::shared_ptr<const EvidenceScanner> m_scanner;
    // Scans made, waiting to be stored with the next marks.
    QList<EvidenceFindings::Record> m_scans;
    // Present files to scan again, one at a time.
    QList<EvidenceFindings::Unscanned> m_scanQueue;
    QSet<QString> m_scanQueued;
    int m_scanning = 0;
    // The phase's end looked once more for files still unscanned.
    bool m_scansCaughtUp = false;
};

} // namespace assay
