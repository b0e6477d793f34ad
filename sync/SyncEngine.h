#pragma once

#include "models/Profile.h"
#include "domain/Submission.h"
#include "sync/ApiError.h"
#include "sync/EvidenceStore.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>

namespace assay {

class Cache;
class CacheWriter;
class MarketplaceClient;

// Keeps a profile's cache in step with the marketplace: pushes the outbox,
// pulls the change feed from the stored cursor (each page with its cursor in
// one transaction), fetches details of changed submissions and downloads
// their evidence into the content-addressed store, verified.
//
// It owns its own Cache (its own connection) and works wherever it lives:
// the GUI moves it to a worker thread, `assay sync` runs it on the main
// thread. It never blocks: network calls are asynchronous and a failure is
// a state (offline, retrying after a backoff) rather than an error dialog.
class SyncEngine : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QUrl server;
        QString token;
        QString profileDir;
        int pageSize = 500;
        // Requests in flight. More than the 6 connections QNAM opens to a host:
        // the rest wait in its queue and go out from its thread the moment a
        // connection is free, without a round trip through this thread (at 4,
        // the server sat idle while the engine was busy: 9.4 s against 7.8 s).
        int parallel = 12;
        bool evidence = true;
        // Attempts of one task before it is given up (an item) or the cycle
        // stops (the feed, the outbox).
        int maxAttempts = 12;
        int maxBackoffMs = 8000;
        int transferTimeoutMs = 30000;
    };

    struct Report
    {
        bool inStep = false;
        bool tokenRejected = false;
        QString error;
        int pages = 0;
        int summaries = 0;
        int details = 0;
        int evidenceDownloaded = 0;
        int evidencePresent = 0;
        int evidenceMismatched = 0;
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

    explicit SyncEngine(Options options, QObject *parent = nullptr);
    ~SyncEngine() override;

    bool isRunning() const { return m_running; }
    // Runs one cycle and waits for it in a local event loop: for the command
    // line and benchmarks, never the GUI thread.
    Report runOnce();

public Q_SLOTS:
    // Starts a cycle unless one runs. Opens the cache on first use (in the
    // engine's thread).
    void start();
    // Puts a submission's details and evidence first in line.
    void prioritize(const QString &submissionId);
    void cancel();

Q_SIGNALS:
    void phaseChanged(const QString &phase);
    void progress(int done, int total, qint64 bytes);
    // Submissions whose cached copy changed (for the UI's models).
    void submissionsChanged(const QStringList &ids);
    // "offline, N changes waiting" — never a modal error.
    void statusChanged(const QString &status);
    void finished(const assay::SyncEngine::Report &report);

private:
    enum class Phase { Idle, Push, Feed, Questionnaires, Details, Evidence };
    // Fetched details are stored in batches of at least MinDetailBatch, or
    // fewer after MaxBatchDelay; at most MaxDetailBatch wait while the
    // writer is busy.
    static constexpr qsizetype MinDetailBatch = 64;
    static constexpr qsizetype MaxDetailBatch = 256;
    static constexpr std::chrono::milliseconds MaxBatchDelay{250};

    void setPhase(Phase phase);
    void tokenRefused();
    void next();
    void pushNext();
    void pullPage(const QString &cursor);
    void fetchQuestionnaires();
    void pumpDetails();
    void maybeFlushDetails(bool urgent = false);
    void flushDetails();
    void detailsStored(const QStringList &ids, const QStringList &problems);
    void pumpEvidence();
    struct Blob;
    void verify(const Blob &blob, bool downloaded);
    void verified(const Blob &blob, bool downloaded, EvidenceStore::Outcome outcome, const QString &error);
    void markPresent(const Blob &blob);
    void queueEvidence(const QList<EvidenceItem> &items);
    qsizetype evidenceSlots() const;
    void prioritizeEvidence(const QString &submissionId);
    void flushEvidenceMarks();
    void evidenceProgress();
    void finish(const QString &error = {});
    // Schedules `again` after a backoff for a transient error, or returns
    // false when `error` is not worth retrying or the attempts ran out.
    bool retryLater(const ApiError &error, int &attempts, std::function<void()> again);
    void problem(const QString &text);
    int backoffMs(const ApiError &error, int attempts);

    Options m_options;
    std::unique_ptr<Cache> m_cache;
    std::unique_ptr<CacheWriter> m_writer;
    std::unique_ptr<EvidenceStore> m_store;
    MarketplaceClient *m_client = nullptr;
    Phase m_phase = Phase::Idle;
    bool m_running = false;
    // Which cycle a reply belongs to: one that outlives its cycle is dropped.
    quint64 m_cycle = 0;
    bool m_cancelled = false;
    // finish() was asked for while details were still being written: it
    // runs when the writer is done, and nothing new starts meanwhile.
    bool m_stopping = false;
    QString m_stopError;
    Report m_report;
    QElapsedTimer m_timer;

    int m_pushAttempts = 0;
    int m_feedAttempts = 0;
    int m_questionnaireAttempts = 0;
    QStringList m_questionnaires;

    QStringList m_detailQueue;
    QSet<QString> m_detailInFlight;
    QHash<QString, int> m_detailAttempts;
    QSet<QString> m_priority;
    QList<Submission> m_detailBatch;
    int m_detailTotal = 0;
    QTimer m_flushTimer;

    struct Blob
    {
        QString sha256;
        qint64 size = 0;
        QStringList evidenceIds;
        QStringList submissionIds;
    };
    QList<Blob> m_blobQueue;
    QSet<QString> m_blobInFlight;
    QHash<QString, int> m_blobAttempts;
    QHash<QString, int> m_blobMismatches;
    int m_blobTotal = 0;
    int m_inFlight = 0;
    // Retries scheduled after a backoff: a phase is not over while any wait.
    int m_detailWaiting = 0;
    int m_blobWaiting = 0;
    // Downloaded files whose sha256 a worker thread is checking.
    int m_verifying = 0;
    // Verified files whose items wait to be marked present.
    QStringList m_presentShas;
    // Every file queued in this cycle (downloaded, checked or still to go).
    QSet<QString> m_blobQueued;
};

} // namespace assay

Q_DECLARE_METATYPE(assay::SyncEngine::Report)
