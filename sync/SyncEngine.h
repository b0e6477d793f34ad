#pragma once

#include "sync/SyncReport.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

namespace assay {

// Keeps a profile's cache in step with the marketplace: pushes the outbox,
// pulls the change feed from the stored cursor (each page with its cursor in
// one transaction), fetches details of changed submissions and downloads
// their evidence into the content-addressed store, verified.
//
// It owns its own Cache (its own connection) and works wherever it lives:
// the GUI moves it to a worker thread, `assay sync` runs it on the main
// thread. It never blocks: network calls are asynchronous and a failure is
// a state (offline, retrying after a backoff) rather than an error dialog.
//
// The engine orchestrates a cycle; its parts do the work: OutboxPusher,
// FeedPuller, QuestionnaireFetcher, DetailFetcher, EvidenceDownloader, with
// the retry rules in BackoffPolicy and what they share in SyncCycle.
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
        // The largest evidence file a sync downloads: one declared larger is
        // refused before any request (a problem in the report).
        qint64 maxEvidenceBytes = qint64(2) * 1024 * 1024 * 1024;
    };

    using Report = SyncReport;

    explicit SyncEngine(Options options, QObject *parent = nullptr);
    ~SyncEngine() override;

    bool isRunning() const;
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
    // A transient failure, tried again after `delayMs`; `offline`: the
    // marketplace could not be reached at all.
    void retrying(const QString &why, int delayMs, bool offline);
    void finished(const assay::SyncEngine::Report &report);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace assay
