#include "domain/Comment.h"

#include "domain/JsonReader.h"

namespace assay {

QString Comment::visibilityName(Visibility v)
{
    return v == Visibility::Partner ? QStringLiteral("partner") : QStringLiteral("internal");
}

QString Comment::fromName(From f)
{
    return f == From::Partner ? QStringLiteral("partner") : QStringLiteral("marketplace");
}

QJsonObject Comment::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("author"), author},
                       {QStringLiteral("from"), fromName(from)},
                       {QStringLiteral("visibility"), visibilityName(visibility)},
                       {QStringLiteral("body"), body},
                       {QStringLiteral("created_at"), JsonReader::formatTimestamp(createdAt)}};
}

Comment Comment::fromJson(JsonReader &r)
{
    Comment c;
    c.id = r.string(QStringLiteral("id"), 128);
    c.author = r.string(QStringLiteral("author"), 128);
    c.from = r.oneOf(QStringLiteral("from"), {QStringLiteral("marketplace"), QStringLiteral("partner")}) == QLatin1String("partner")
        ? From::Partner
        : From::Marketplace;
    const QString v = r.oneOf(QStringLiteral("visibility"), {QStringLiteral("internal"), QStringLiteral("partner")});
    c.visibility = v == QLatin1String("partner") ? Visibility::Partner : Visibility::Internal;
    c.body = r.string(QStringLiteral("body"), 20000);
    c.createdAt = r.timestamp(QStringLiteral("created_at"));
    if (r.ok() && c.from == From::Partner && c.visibility != Visibility::Partner)
        r.fail(QStringLiteral("visibility"), QStringLiteral("a partner's reply is always visible to the partner"));
    return c;
}

} // namespace assay
