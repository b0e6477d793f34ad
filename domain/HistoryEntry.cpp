#include "domain/HistoryEntry.h"

#include "domain/JsonReader.h"

namespace assay {

QJsonObject HistoryEntry::toJson() const
{
    return QJsonObject{{QStringLiteral("at"), JsonReader::formatTimestamp(at)},
                       {QStringLiteral("actor"), actor},
                       {QStringLiteral("action"), action},
                       {QStringLiteral("detail"), detail}};
}

HistoryEntry HistoryEntry::fromJson(JsonReader &r)
{
    HistoryEntry h;
    h.at = r.timestamp(QStringLiteral("at"));
    h.actor = r.string(QStringLiteral("actor"), 128);
    h.action = r.string(QStringLiteral("action"), 64);
    h.detail = r.child(QStringLiteral("detail"));
    return h;
}

} // namespace assay
