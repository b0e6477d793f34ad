#pragma once

#include "domain/EvidenceItem.h"
#include "domain/Result.h"
#include "sync/EvidenceStore.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <chrono>

namespace assay {

class Cache;
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
class EvidenceDownloader : public QObject
{
    Q_OBJECT

public:
    // Verified files are marked present in batches: at once for what the
    // reviewer opened, else within MaxMarkDelay, and before the cycle ends.
    static constexpr std::chrono::milliseconds MaxMarkDelay{250};

    EvidenceDownloader(Cache &cache, MarketplaceClient &client, SyncCycle &cycle, const EvidenceStore &store,
                       qint64 maxFileBytes, QObject *parent = nullptr);

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
    // Marks what is verified present now (the cycle is ending).
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
    };

    void download(const Blob &blob);
    void failed(const Blob &blob, const ApiError &error);
    void verify(const Blob &blob, bool downloaded);
    void verified(const Blob &blob, bool downloaded, EvidenceStore::Outcome outcome, const QString &error);
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
};

} // namespace assay
