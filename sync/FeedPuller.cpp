#include "sync/FeedPuller.h"

#include "domain/Result.h"
#include "models/Cache.h"
#include "models/SubmissionStore.h"
#include "sync/MarketplaceClient.h"
#include "sync/SyncCycle.h"

using namespace Qt::StringLiterals;

namespace assay {

namespace {

// One page and its cursor, in one transaction; the ids it brought.
Result<QStringList> storePage(Cache &cache, SyncCycle &cycle, const QString &askedFrom, const MarketplaceClient::FeedPage &page)
{
    for (const auto &[id, why] : page.invalid)
        cycle.problem(u"feed item %1 could not be read: %2"_s.arg(id.isEmpty() ? u"(no id)"_s : id, why));
    // "Nothing new" with the cursor it was asked from is the usual answer of
    // a cache in step: writing it anyway made a commit, on a fresh WAL a
    // synced header, and a checkpoint at close (4 ms of a 5 ms sync, and
    // 14 ms of the engine's end).
    const bool unchanged = page.items.isEmpty() && page.invalid.isEmpty() && page.nextCursor == askedFrom;
    if (!unchanged) {
        if (const Result<> stored = cache.submissions().applyFeedPage(page.items, page.nextCursor); !stored)
            return Error{u"could not store the feed page: %1"_s.arg(stored.error().message)};
    }
    SyncReport &report = cycle.report();
    ++report.pages;
    report.summaries += int(page.items.size());
    QStringList ids;
    ids.reserve(page.items.size());
    for (const SubmissionSummary &s : page.items)
        ids.append(s.id);
    return ids;
}

} // namespace

FeedPuller::FeedPuller(Cache &cache, MarketplaceClient &client, SyncCycle &cycle, int pageSize, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_client(client)
    , m_cycle(cycle)
    , m_pageSize(pageSize)
{
}

void FeedPuller::start()
{
    m_attempts = 0;
    const Result<QString> cursor = m_cache.submissions().feedCursor();
    if (!cursor) {
        m_cycle.stop(u"could not read the feed cursor: %1"_s.arg(cursor.error().message));
        return;
    }
    pull(*cursor);
}

void FeedPuller::pull(const QString &cursor)
{
    m_client.feed(cursor, m_pageSize, [this, cursor, cycle = m_cycle.id()](MarketplaceClient::Result<MarketplaceClient::FeedPage> result) {
        // A page asked for ahead of time can come back after its cycle ended
        // (the page before it could not be stored).
        if (!m_cycle.isCurrent(cycle))
            return;
        if (!result.ok()) {
            if (m_cycle.retryLater(result.error, m_attempts, [this, cursor] { pull(cursor); }))
                return;
            if (result.error.kind == ApiError::Kind::Unauthorized)
                m_cycle.refuseToken(result.error);
            else
                m_cycle.stop(u"could not read the change feed: %1"_s.arg(result.error.describe()));
            return;
        }
        m_attempts = 0;
        const MarketplaceClient::FeedPage &page = *result.value;
        const bool more = page.hasMore && !page.items.isEmpty();
        // The next page is asked for before this one is stored: the server
        // prepares it while this thread writes. The stored cursor still moves
        // only with a stored page.
        if (more)
            pull(page.nextCursor);
        const Result<QStringList> ids = storePage(m_cache, m_cycle, cursor, page);
        if (!ids) {
            m_cycle.stop(ids.error().message);
            return;
        }
        if (!ids->isEmpty())
            Q_EMIT m_cycle.submissionsChanged(*ids);
        Q_EMIT m_cycle.progress(m_cycle.report().summaries, -1, m_cycle.report().bytes);
        if (!more)
            Q_EMIT done();
    });
}

} // namespace assay
