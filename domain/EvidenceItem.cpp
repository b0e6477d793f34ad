#include "domain/EvidenceItem.h"

#include "domain/JsonReader.h"

#include <QRegularExpression>

namespace assay {

QJsonObject EvidenceItem::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("filename"), filename},
                       {QStringLiteral("media_type"), mediaType},
                       {QStringLiteral("size"), size},
                       {QStringLiteral("sha256"), sha256}};
}

EvidenceItem EvidenceItem::fromJson(JsonReader &r)
{
    // Anchored as a whole: "^...$" would also accept a trailing newline.
    static const QRegularExpression hex64(QRegularExpression::anchoredPattern(QStringLiteral("[0-9a-f]{64}")));
    static const QRegularExpression mediaType(
        QRegularExpression::anchoredPattern(QStringLiteral("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*")));
    EvidenceItem e;
    e.id = r.string(QStringLiteral("id"), 128);
    // Shown to the reviewer, never used as a path: a long or hostile name is
    // still a name (the viewer elides it).
    e.filename = r.string(QStringLiteral("filename"), 1024);
    e.mediaType = r.string(QStringLiteral("media_type"), 127);
    // 2^40: a terabyte of evidence is not evidence.
    e.size = r.integer(QStringLiteral("size"), 0, qint64(1) << 40);
    e.sha256 = r.string(QStringLiteral("sha256"), 64);
    if (r.ok() && !hex64.match(e.sha256).hasMatch())
        r.fail(QStringLiteral("sha256"), QStringLiteral("expected 64 lowercase hex digits"));
    if (r.ok() && !mediaType.match(e.mediaType).hasMatch())
        r.fail(QStringLiteral("media_type"), QStringLiteral("not a media type"));
    return e;
}

QString EvidenceItem::localStateName(LocalState s)
{
    switch (s) {
    case LocalState::Absent:
        return QStringLiteral("absent");
    case LocalState::Present:
        return QStringLiteral("present");
    case LocalState::Mismatch:
        return QStringLiteral("mismatch");
    case LocalState::Refused:
        return QStringLiteral("refused");
    }
    return {};
}

std::optional<EvidenceItem::LocalState> EvidenceItem::localStateFromName(const QString &name)
{
    for (auto s : {LocalState::Absent, LocalState::Present, LocalState::Mismatch, LocalState::Refused}) {
        if (localStateName(s) == name)
            return s;
    }
    return std::nullopt;
}

} // namespace assay
