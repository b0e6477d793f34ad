#pragma once

#include "domain/Result.h"

#include <QObject>

namespace assay {

class Cache;
class MarketplaceClient;
class SyncCycle;
struct ApiError;
struct OutboxEntry;

// The first phase of a cycle: sends the reviewer's decisions, one outbox row
// at a time, oldest first, each with the idempotency key it was given when
// it was recorded. A row is cleared only on a 2xx; a 409 holds it as a
// conflict with the server's state (the reviewer's draft stays); a refusal
// for good marks it failed with the server's words and the others go on; a
// transient error is retried, and when the retries run out the cycle stops
// (the rows wait, pending, for the next one).
class OutboxPusher : public QObject
{
    Q_OBJECT

public:
    OutboxPusher(Cache &cache, MarketplaceClient &client, SyncCycle &cycle, QObject *parent = nullptr);

    void start();

Q_SIGNALS:
    // No row is pending any more.
    void done();

private:
    void pushNext();
    Result<> accepted(const OutboxEntry &entry, const QJsonObject &body);
    Result<> held(const OutboxEntry &entry, const ApiError &error);
    // Stores the submission as a write's answer says the server has it now.
    void adopt(const OutboxEntry &entry, const QJsonObject &summary);
    Result<> refused(const OutboxEntry &entry, const ApiError &error);

    Cache &m_cache;
    MarketplaceClient &m_client;
    SyncCycle &m_cycle;
    int m_attempts = 0;
};

} // namespace assay
