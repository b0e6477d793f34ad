#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace assay::server {

// The change feed's opaque cursor: a position in the feed, signed with the
// store's secret so that a cursor the server did not issue is recognised
// (400), and stable across restarts because the secret lives in the store.
// URL-safe (base64url without padding).
class FeedCursor
{
public:
    static QString encode(qint64 seq, const QByteArray &secret);
    static std::optional<qint64> decode(const QString &cursor, const QByteArray &secret);
};

} // namespace assay::server
