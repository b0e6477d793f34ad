#pragma once

#include "server/Reply.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <expected>
#include <optional>

class QHttpServerRequest;
class QUrlQuery;

namespace assay::server {

// What a request must look like before a handler acts on it, in the
// contract's words: the bearer token, the feed's query, a write's envelope
// (Idempotency-Key, size, UTF-8, JSON, media type) and each write body's
// shape (strict: unknown members are refused, never ignored). A refusal is
// the Reply to send, so callers return it as it is.
class RequestValidator
{
public:
    static constexpr qsizetype MaxBody = 1024 * 1024;

    // The token of an `Authorization: Bearer` header; nothing else counts
    // (no cookies: no ambient credential a page could ride on).
    static std::optional<QString> bearerToken(const QHttpServerRequest &request);

    struct FeedQuery
    {
        qint64 afterSeq = 0;
        int limit = 200;
    };
    // 400 for a limit outside 1-500 or a cursor this store did not sign.
    static std::expected<FeedQuery, Reply> feedQuery(const QUrlQuery &query, const QByteArray &secret);

    struct WriteEnvelope
    {
        QString idempotencyKey; // lower case
        QJsonDocument document;
    };
    // The checks of every write that come before 404 in the contract's
    // order: 400 (Idempotency-Key, UTF-8, JSON), 413, 415.
    static std::expected<WriteEnvelope, Reply> writeEnvelope(const QHttpServerRequest &request);

    // 422 `unknown_field` / `validation_failed` of shape, per write.
    static std::optional<Reply> verdictShape(const QJsonObject &body);
    static std::optional<Reply> assigneeShape(const QJsonObject &body);
    static std::optional<Reply> commentShape(const QJsonObject &body);

private:
    static std::optional<Reply> fields(const QJsonObject &body, const QString &prefix, const QStringList &allowed,
                                       const QStringList &required);
    static std::optional<Reply> string(const QJsonObject &body, const QString &prefix, const QString &field,
                                       qsizetype max, bool allowEmpty = true);
    static std::optional<Reply> baseVersion(const QJsonObject &body);
    static std::optional<Reply> notesShape(const QJsonObject &body);
};

} // namespace assay::server
