#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace assay {

// A decision waiting to reach the marketplace: one write of the API with the
// body and Idempotency-Key it will be sent with, every time it is sent.
struct OutboxEntry
{
    enum class Kind { Verdict, Assignment, Comment };
    // Pending: to be pushed. Sent: the server answered 2xx. Conflict: the
    // server had moved on (409); held with the server's state for the
    // reviewer to look at. Failed: refused for good (other 4xx).
    // Superseded: a conflict re-based (another entry was recorded in its
    // place) or a conflict or failure discarded; never sent.
    enum class State { Pending, Sent, Conflict, Failed, Superseded };

    qint64 id = 0;
    Kind kind = Kind::Verdict;
    QString submissionId;
    QJsonObject payload;
    QString idempotencyKey;
    State state = State::Pending;
    int attempts = 0;
    QString lastError;
    QJsonObject serverState;
    QJsonObject response;
    QDateTime createdAt;
    QDateTime updatedAt;
    // The entry recorded in its place when re-based; 0: none.
    qint64 supersededBy = 0;

    static QString kindName(Kind k);
    static std::optional<Kind> kindFromName(const QString &name);
    static QString stateName(State s);
    static std::optional<State> stateFromName(const QString &name);

    QJsonObject toJson() const;
};

} // namespace assay
