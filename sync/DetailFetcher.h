#pragma once

#include "domain/Submission.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <functional>

namespace assay {

class Cache;
class CacheWriter;
class MarketplaceClient;
class SyncCycle;

// Fetches the details of submissions whose cached copy is missing or older
// than their summary, what the reviewer opened first, and hands them to the
// CacheWriter's thread in batches: the requests keep going while SQLite
// writes.
class DetailFetcher : public QObject
{
    Q_OBJECT

public:
    // Fetched details are stored in batches of at least MinBatch, or fewer
    // after MaxBatchDelay; at most MaxBatch wait while the writer is busy.
    static constexpr qsizetype MinBatch = 64;
    static constexpr qsizetype MaxBatch = 256;
    static constexpr std::chrono::milliseconds MaxBatchDelay{250};

    DetailFetcher(Cache &cache, MarketplaceClient &client, SyncCycle &cycle, CacheWriter &writer,
                  QObject *parent = nullptr);

    // Requests to leave to others (evidence beside the details) while
    // `reserved` returns more than zero.
    void setReservedSlots(std::function<qsizetype()> reserved) { m_reserved = std::move(reserved); }

    // The details phase: everything that needs details, the priorities first.
    void start();
    // Puts a submission first in line (now, and in later cycles).
    void prioritize(const QString &submissionId);
    bool isPriority(const QString &submissionId) const { return m_priority.contains(submissionId); }
    const QSet<QString> &priorities() const { return m_priority; }

    // Starts requests while there are free slots; says drained() when every
    // detail is fetched and stored.
    void pump();
    // The batch goes to the writer now (the cycle is ending).
    void flush();
    // The writer has batches not stored yet.
    bool isStoring() const;
    bool isActive() const { return m_active; }

Q_SIGNALS:
    // A batch is in the cache: their evidence can start.
    void stored(const QStringList &ids);
    // Every detail of the phase is fetched and stored (or given up).
    void drained();
    // A request ended: another part may use its slot.
    void slotFreed();

private:
    void fetched(const QString &id, Submission submission);
    // The cached summary's previous submission, or empty.
    QString previousOf(const QString &submissionId);
    // The cache has no row of it and it is not being fetched.
    bool needsDetails(const QString &submissionId);
    void maybeFlush(bool urgent = false);
    void writerStored(const QStringList &ids, const QStringList &problems);

    Cache &m_cache;
    MarketplaceClient &m_client;
    SyncCycle &m_cycle;
    CacheWriter &m_writer;
    std::function<qsizetype()> m_reserved;
    bool m_active = false;
    QStringList m_queue;
    QSet<QString> m_inFlight;
    QHash<QString, int> m_attempts;
    // Retries scheduled after a backoff: the phase is not over while any wait.
    int m_waiting = 0;
    QSet<QString> m_priority;
    QList<Submission> m_batch;
    int m_total = 0;
    QTimer m_flushTimer;
};

} // namespace assay
