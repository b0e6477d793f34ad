#include "models/OutboxEntry.h"

#include "domain/JsonReader.h"

namespace assay {

QString OutboxEntry::kindName(Kind k)
{
    switch (k) {
    case Kind::Verdict:
        return QStringLiteral("verdict");
    case Kind::Assignment:
        return QStringLiteral("assignment");
    case Kind::Comment:
        return QStringLiteral("comment");
    }
    return {};
}

std::optional<OutboxEntry::Kind> OutboxEntry::kindFromName(const QString &name)
{
    for (auto k : {Kind::Verdict, Kind::Assignment, Kind::Comment}) {
        if (kindName(k) == name)
            return k;
    }
    return std::nullopt;
}

QString OutboxEntry::stateName(State s)
{
    switch (s) {
    case State::Pending:
        return QStringLiteral("pending");
    case State::Sent:
        return QStringLiteral("sent");
    case State::Conflict:
        return QStringLiteral("conflict");
    case State::Failed:
        return QStringLiteral("failed");
    case State::Superseded:
        return QStringLiteral("superseded");
    }
    return {};
}

std::optional<OutboxEntry::State> OutboxEntry::stateFromName(const QString &name)
{
    for (auto s : {State::Pending, State::Sent, State::Conflict, State::Failed, State::Superseded}) {
        if (stateName(s) == name)
            return s;
    }
    return std::nullopt;
}

QJsonObject OutboxEntry::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("kind"), kindName(kind)},
                  {QStringLiteral("submission_id"), submissionId},
                  {QStringLiteral("payload"), payload},
                  {QStringLiteral("idempotency_key"), idempotencyKey},
                  {QStringLiteral("state"), stateName(state)},
                  {QStringLiteral("attempts"), attempts},
                  {QStringLiteral("created_at"), JsonReader::formatTimestamp(createdAt)},
                  {QStringLiteral("updated_at"), JsonReader::formatTimestamp(updatedAt)}};
    if (!lastError.isEmpty())
        o.insert(QStringLiteral("last_error"), lastError);
    if (!serverState.isEmpty())
        o.insert(QStringLiteral("server_state"), serverState);
    if (supersededBy != 0)
        o.insert(QStringLiteral("superseded_by"), supersededBy);
    return o;
}

} // namespace assay
