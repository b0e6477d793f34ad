#include "sync/DetailFetcher.h"

#include "models/Cache.h"
#include "models/SubmissionStore.h"
#include "sync/CacheWriter.h"
#include "sync/MarketplaceClient.h"
#include "sync/SyncCycle.h"

using namespace Qt::StringLiterals;

namespace assay {

DetailFetcher::DetailFetcher(Cache &cache, MarketplaceClient &client, SyncCycle &cycle, CacheWriter &writer,
                             QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_client(client)
    , m_cycle(cycle)
    , m_writer(writer)
    // A child, so that it moves with the engine to the sync thread.
    , m_flushTimer(this)
{
    connect(&m_writer, &CacheWriter::stored, this, &DetailFetcher::writerStored);
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(MaxBatchDelay);
    connect(&m_flushTimer, &QTimer::timeout, this, [this] {
        // Time is up: the batch goes now, or as soon as the writer is free.
        if (!isStoring())
            flush();
        else
            m_flushTimer.start();
    });
}

void DetailFetcher::start()
{
    const Result<QStringList> needed = m_cache.submissions().needingDetails();
    if (!needed) {
        m_cycle.stop(u"could not read which submissions need details: %1"_s.arg(needed.error().message));
        return;
    }
    m_queue = *needed;
    // An open submission is read beside its previous one: one the feed did
    // not bring is asked for by id. Only new summaries can point at a new
    // one; a cycle that brought none and has no details to fetch (a sync
    // with nothing new) skips the question.
    if (m_cycle.report().summaries > 0 || !m_queue.isEmpty()) {
        const Result<QStringList> previous = m_cache.submissions().missingPrevious();
        if (!previous) {
            m_cycle.stop(u"could not read which previous submissions are missing: %1"_s.arg(previous.error().message));
            return;
        }
        m_queue += *previous;
    }
    // What the reviewer opened goes first, with the submission it is
    // compared with.
    QSet<QString> first = m_priority;
    for (const QString &id : std::as_const(m_priority)) {
        if (const QString previous = previousOf(id); !previous.isEmpty())
            first.insert(previous);
    }
    std::stable_partition(m_queue.begin(), m_queue.end(), [&first](const QString &id) { return first.contains(id); });
    m_inFlight.clear();
    m_attempts.clear();
    m_waiting = 0;
    m_total = int(m_queue.size());
    m_active = true;
    pump();
}

void DetailFetcher::prioritize(const QString &submissionId)
{
    m_priority.insert(submissionId);
    // The previous submission right after it: the screen compares the two.
    if (const QString previous = previousOf(submissionId); !previous.isEmpty()) {
        if (m_queue.removeOne(previous) || (m_active && needsDetails(previous)))
            m_queue.prepend(previous);
    }
    if (m_queue.removeOne(submissionId))
        m_queue.prepend(submissionId);
}

QString DetailFetcher::previousOf(const QString &submissionId)
{
    const Result<std::optional<SubmissionSummary>> s = m_cache.submissions().summary(submissionId);
    // Not knowing it only costs the order: its details come in their turn.
    if (!s)
        return {};
    const std::optional<SubmissionSummary> &found = *s;
    if (!found)
        return {};
    return found->previousSubmissionId.value_or(QString());
}

bool DetailFetcher::needsDetails(const QString &submissionId)
{
    if (m_inFlight.contains(submissionId))
        return false;
    const Result<std::optional<SubmissionSummary>> s = m_cache.submissions().summary(submissionId);
    // A row the cache does not have is fetched by id; one it has that needs
    // details is in the queue already (or was fetched this cycle).
    return s && !*s;
}

bool DetailFetcher::isStoring() const
{
    return m_writer.pending() > 0;
}

void DetailFetcher::pump()
{
    if (!m_cycle.accepting())
        return;
    // Back-pressure: when the writer is behind by a full batch, no more
    // requests until it catches up (memory stays bounded).
    const qsizetype slots = m_cycle.parallel() - (m_reserved ? m_reserved() : 0);
    while (m_cycle.hasFreeSlot() && m_inFlight.size() < slots && !m_queue.isEmpty()
           && !(isStoring() && m_batch.size() >= MaxBatch)) {
        const QString id = m_queue.takeFirst();
        if (m_inFlight.contains(id))
            continue;
        m_inFlight.insert(id);
        m_cycle.requestStarted();
        m_client.submission(id, [this, id, cycle = m_cycle.id()](MarketplaceClient::Result<Submission> result) {
            if (!m_cycle.isCurrent(cycle))
                return;
            m_cycle.requestEnded();
            m_inFlight.remove(id);
            if (result.ok()) {
                fetched(id, std::move(*result.value));
            } else if (result.error.kind == ApiError::Kind::Unauthorized) {
                m_cycle.refuseToken(result.error);
                return;
            } else {
                ++m_waiting;
                if (!m_cycle.retryLater(result.error, m_attempts[id], [this, id] {
                        --m_waiting;
                        m_queue.prepend(id);
                        pump();
                    })) {
                    --m_waiting;
                    m_cycle.problem(u"submission %1: %2"_s.arg(id, result.error.describe()));
                }
            }
            pump();
            Q_EMIT slotFreed();
        });
    }
    if (m_active && m_inFlight.isEmpty() && m_waiting == 0 && m_queue.isEmpty()) {
        flush();
        // Drained means stored: the evidence list comes from the stored details.
        if (isStoring())
            return;
        m_active = false;
        Q_EMIT drained();
    }
}

void DetailFetcher::fetched(const QString &id, Submission submission)
{
    // Stored in batches, one transaction each, by the writer's thread: see
    // maybeFlush().
    m_batch.append(std::move(submission));
    maybeFlush(m_priority.contains(id));
}

// A batch goes to the writer when the writer is free and the batch is worth
// a transaction (each commit flushes a search segment and appends to the
// WAL: 10k submissions in batches of ~15 spent 4.7 s committing), or when it
// holds what the reviewer is waiting for, or when its first item has waited
// long enough (a slow network still shows progress).
void DetailFetcher::maybeFlush(bool urgent)
{
    if (m_batch.isEmpty())
        return;
    if (urgent || (!isStoring() && m_batch.size() >= MinBatch)) {
        flush();
        return;
    }
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void DetailFetcher::flush()
{
    m_flushTimer.stop();
    if (m_batch.isEmpty())
        return;
    m_writer.store(std::exchange(m_batch, {}));
}

void DetailFetcher::writerStored(const QStringList &ids, const QStringList &problems)
{
    SyncReport &report = m_cycle.report();
    report.details += int(ids.size());
    for (const QString &p : problems)
        m_cycle.problem(p);
    if (!ids.isEmpty()) {
        Q_EMIT m_cycle.submissionsChanged(ids);
        // Done means stored; the total is what the phase set out to fetch.
        if (m_active)
            Q_EMIT m_cycle.progress(report.details, m_total, report.bytes);
    }
    // SyncEngine queues their evidence, and ends a cycle that waited for
    // the writer.
    Q_EMIT stored(ids);
    if (!m_cycle.accepting())
        return;
    maybeFlush();
    if (m_active) {
        pump();
        Q_EMIT slotFreed();
    }
}

} // namespace assay
