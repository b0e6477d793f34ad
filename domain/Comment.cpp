#include "domain/Comment.h"

#include "domain/JsonReader.h"

namespace assay {

QString Comment::visibilityName(Visibility v)
{
    return v == Visibility::Partner ? QStringLiteral("partner") : QStringLiteral("internal");
}

QJsonObject Comment::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("author"), author},
                       {QStringLiteral("visibility"), visibilityName(visibility)},
                       {QStringLiteral("body"), body},
                       {QStringLiteral("created_at"), JsonReader::formatTimestamp(createdAt)}};
}

Comment Comment::fromJson(JsonReader &r)
{
    Comment c;
    c.id = r.string(QStringLiteral("id"), 128);
    c.author = r.string(QStringLiteral("author"), 128);
    const QString v = r.oneOf(QStringLiteral("visibility"), {QStringLiteral("internal"), QStringLiteral("partner")});
    c.visibility = v == QLatin1String("partner") ? Visibility::Partner : Visibility::Internal;
    c.body = r.string(QStringLiteral("body"), 20000);
    c.createdAt = r.timestamp(QStringLiteral("created_at"));
    return c;
}

} // namespace assay
