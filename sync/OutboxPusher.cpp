#include "sync/OutboxPusher.h"

#include "domain/JsonReader.h"
#include "models/Cache.h"
#include "models/Outbox.h"
#include "models/SubmissionStore.h"
#include "sync/MarketplaceClient.h"
#include "sync/SyncCycle.h"

using namespace Qt::StringLiterals;

namespace assay {

OutboxPusher::OutboxPusher(Cache &cache, MarketplaceClient &client, SyncCycle &cycle, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_client(client)
    , m_cycle(cycle)
{
}

void OutboxPusher::start()
{
    m_attempts = 0;
    pushNext();
}

void OutboxPusher::pushNext()
{
    if (!m_cycle.accepting())
        return;
    const Result<QList<OutboxEntry>> pending = m_cache.outbox().inState(OutboxEntry::State::Pending);
    if (!pending) {
        m_cycle.stop(u"could not read the outbox: %1"_s.arg(pending.error().message));
        return;
    }
    if (pending->isEmpty()) {
        Q_EMIT done();
        return;
    }
    const OutboxEntry entry = pending->first();
    // Counted before the request leaves, so that a crash mid-request still
    // shows in the row's attempts; a cache that cannot count it cannot be
    // trusted to clear the row either.
    if (const Result<> noted = m_cache.outbox().noteAttempt(entry.id); !noted) {
        m_cycle.stop(u"could not record an attempt to push decision %1: %2"_s.arg(entry.id).arg(noted.error().message));
        return;
    }
    m_client.write(entry.kind, entry.submissionId, entry.payload, entry.idempotencyKey,
                   [this, entry, cycle = m_cycle.id()](MarketplaceClient::Result<MarketplaceClient::WriteResult> result) {
        if (!m_cycle.isCurrent(cycle))
            return;
        const ApiError &e = result.error;
        Result<> settled;
        bool changed = true;
        if (result.ok()) {
            settled = accepted(entry, result.value->body);
        } else if (e.kind == ApiError::Kind::Conflict) {
            settled = held(entry, e);
        } else if (m_cycle.retryLater(e, m_attempts, [this] { pushNext(); })) {
            return;
        } else if (e.kind == ApiError::Kind::Unauthorized) {
            m_cycle.refuseToken(e);
            return;
        } else if (e.isTransient()) {
            m_cycle.stop(u"could not push decisions: %1"_s.arg(e.describe()));
            return;
        } else {
            settled = refused(entry, e);
            changed = false;
        }
        // A row the cache could not settle would be pushed again at once,
        // and again: the cycle stops instead (the key makes the next
        // cycle's attempt harmless).
        if (!settled) {
            m_cycle.stop(settled.error().message);
            return;
        }
        if (changed)
            Q_EMIT m_cycle.submissionsChanged({entry.submissionId});
        m_attempts = 0;
        pushNext();
    });
}

Result<> OutboxPusher::accepted(const OutboxEntry &entry, const QJsonObject &body)
{
    if (const Result<> settled = m_cache.outbox().settle(entry.id, OutboxEntry::State::Sent, {}, {}, body); !settled)
        return Error{u"decision %1 was accepted but could not be marked sent: %2"_s.arg(entry.id).arg(settled.error().message)};
    ++m_cycle.report().pushed;
    // The server's answer carries the submission as it now is.
    adopt(entry, body.value(u"submission"_s).toObject());
    return {};
}

void OutboxPusher::adopt(const OutboxEntry &entry, const QJsonObject &summary)
{
    JsonReader reader(summary);
    const SubmissionSummary s = SubmissionSummary::fromJson(reader);
    if (!reader.ok())
        return;
    // Not fatal when any of this fails: the change feed brings the same
    // state in this cycle.
    SubmissionStore &store = m_cache.submissions();
    const Result<std::optional<SubmissionSummary>> known = store.summary(s.id);
    Result<> updated = known ? Result<>() : Result<>(known.error());
    // Only forwards: a feed page may have brought a newer state already.
    const std::optional<SubmissionSummary> cached = known ? *known : std::nullopt;
    if (cached && cached->version <= s.version) {
        const Result<QString> cursor = store.feedCursor();
        updated = cursor ? store.applyFeedPage({s}, *cursor) : Result<>(cursor.error());
    }
    if (!updated)
        m_cycle.problem(u"submission %1 could not be updated after decision %2: %3"_s.arg(s.id).arg(entry.id).arg(updated.error().message));
}

Result<> OutboxPusher::held(const OutboxEntry &entry, const ApiError &error)
{
    // Held: the reviewer's draft stays, with what the server has now.
    if (const Result<> settled = m_cache.outbox().settle(entry.id, OutboxEntry::State::Conflict, error.describe(),
                                                         error.details.value(u"current"_s).toObject());
        !settled)
        return Error{u"decision %1 met a conflict that could not be recorded: %2"_s.arg(entry.id).arg(settled.error().message)};
    ++m_cycle.report().conflicts;
    // The cache learns the version the server has now, so that re-basing
    // the draft records against it even before the feed brings it.
    adopt(entry, error.details.value(u"current"_s).toObject());
    return {};
}

Result<> OutboxPusher::refused(const OutboxEntry &entry, const ApiError &error)
{
    // Refused for good (403, 404, 422 ...): failed, with the server's
    // words; the other entries go on.
    if (const Result<> settled = m_cache.outbox().settle(entry.id, OutboxEntry::State::Failed, error.describe()); !settled)
        return Error{u"decision %1 was refused, and that could not be recorded: %2"_s.arg(entry.id).arg(settled.error().message)};
    ++m_cycle.report().failed;
    m_cycle.problem(u"decision %1 on %2 refused: %3"_s.arg(entry.id).arg(entry.submissionId, error.describe()));
    return {};
}

} // namespace assay
