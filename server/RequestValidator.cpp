#include "server/RequestValidator.h"

#include "domain/JsonReader.h"
#include "domain/Verdict.h"
#include "server/FeedCursor.h"

#include <QHttpServerRequest>
#include <QJsonArray>
#include <QUrlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace assay::server {

std::optional<QString> RequestValidator::bearerToken(const QHttpServerRequest &request)
{
    const QByteArray auth = request.value("Authorization");
    if (auth.size() <= 7 || auth.left(7).compare("Bearer ", Qt::CaseInsensitive) != 0)
        return std::nullopt;
    return QString::fromUtf8(auth.mid(7).trimmed());
}

std::expected<RequestValidator::FeedQuery, Reply> RequestValidator::feedQuery(const QUrlQuery &query,
                                                                              const QByteArray &secret)
{
    FeedQuery q;
    if (query.hasQueryItem(u"limit"_s)) {
        bool ok = false;
        q.limit = query.queryItemValue(u"limit"_s).toInt(&ok);
        if (!ok || q.limit < 1 || q.limit > 500) {
            return std::unexpected(Reply::error(400, u"bad_request"_s, u"limit must be an integer from 1 to 500"_s,
                                                {{u"field"_s, u"limit"_s}}));
        }
    }
    const QString since = query.queryItemValue(u"since"_s, QUrl::FullyDecoded);
    if (!since.isEmpty()) {
        const auto seq = FeedCursor::decode(since, secret);
        if (!seq) {
            return std::unexpected(Reply::error(400, u"bad_request"_s, u"since is not a cursor this server issued"_s,
                                                {{u"field"_s, u"since"_s}}));
        }
        q.afterSeq = *seq;
    }
    return q;
}

std::expected<RequestValidator::WriteEnvelope, Reply> RequestValidator::writeEnvelope(const QHttpServerRequest &request)
{
    const QString key = QString::fromLatin1(request.value("Idempotency-Key")).trimmed().toLower();
    if (key.isEmpty())
        return std::unexpected(Reply::error(400, u"bad_request"_s, u"writes need an Idempotency-Key header (a UUID)"_s));
    if (QUuid::fromString(key).isNull() || key.size() != 36)
        return std::unexpected(Reply::error(400, u"bad_request"_s, u"the Idempotency-Key must be a UUID"_s));
    const QByteArray raw = request.body();
    if (raw.size() > MaxBody)
        return std::unexpected(Reply::error(413, u"too_large"_s, u"request bodies are limited to 1 MiB"_s));
    if (!QUtf8StringView(raw).isValidUtf8())
        return std::unexpected(Reply::error(400, u"bad_request"_s, u"the body is not valid UTF-8"_s));
    QJsonParseError parseError;
    QJsonDocument doc = QJsonDocument::fromJson(raw, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return std::unexpected(Reply::error(400, u"bad_request"_s, u"malformed JSON: %1"_s.arg(parseError.errorString())));
    const QByteArray contentType = request.value("Content-Type").trimmed().toLower();
    if (!(contentType == "application/json" || contentType.startsWith("application/json;")))
        return std::unexpected(Reply::error(415, u"unsupported_media_type"_s, u"bodies must be application/json"_s));
    return WriteEnvelope{key, std::move(doc)};
}

std::optional<Reply> RequestValidator::fields(const QJsonObject &body, const QString &prefix,
                                              const QStringList &allowed, const QStringList &required)
{
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        if (!allowed.contains(it.key())) {
            return Reply::validation(prefix + u'/' + it.key(), u"unknown field \"%1\""_s.arg(it.key().left(64)),
                                     u"unknown_field"_s);
        }
    }
    for (const QString &field : required) {
        if (!body.contains(field))
            return Reply::validation(prefix + u'/' + field, u"%1 is required"_s.arg(field));
    }
    return std::nullopt;
}

std::optional<Reply> RequestValidator::string(const QJsonObject &body, const QString &prefix, const QString &field,
                                              qsizetype max, bool allowEmpty)
{
    if (!body.contains(field))
        return std::nullopt;
    const QJsonValue v = body.value(field);
    if (!v.isString())
        return Reply::validation(prefix + u'/' + field, u"%1 must be a string"_s.arg(field));
    const QString s = v.toString();
    if (JsonReader::codePoints(s) > max)
        return Reply::validation(prefix + u'/' + field, u"%1 is longer than %2 characters"_s.arg(field).arg(max));
    if (!allowEmpty && s.trimmed().isEmpty())
        return Reply::validation(prefix + u'/' + field, u"%1 must not be empty"_s.arg(field));
    return std::nullopt;
}

std::optional<Reply> RequestValidator::baseVersion(const QJsonObject &body)
{
    const QJsonValue v = body.value(u"base_version"_s);
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d != double(qint64(d)) || d < 1 || d > 2147483647.0)
        return Reply::validation(u"/base_version"_s, u"base_version must be a positive integer"_s);
    return std::nullopt;
}

std::optional<Reply> RequestValidator::verdictShape(const QJsonObject &body)
{
    if (auto r = fields(body, QString(),
                        {u"decision"_s, u"base_version"_s, u"summary"_s, u"checklist"_s, u"reasons"_s, u"notes"_s},
                        {u"decision"_s, u"base_version"_s, u"checklist"_s, u"reasons"_s}))
        return r;
    const QJsonValue decision = body.value(u"decision"_s);
    if (!decision.isString() || !Verdict::decisionFromName(decision.toString()))
        return Reply::validation(u"/decision"_s, u"decision must be \"approve\", \"reject\" or \"return\""_s);
    if (auto r = baseVersion(body))
        return r;
    if (auto r = string(body, QString(), u"summary"_s, Verdict::MaxSummary))
        return r;
    const QJsonValue checklist = body.value(u"checklist"_s);
    if (!checklist.isObject())
        return Reply::validation(u"/checklist"_s, u"checklist must be an object of item keys to true/false"_s);
    const QJsonObject items = checklist.toObject();
    if (items.size() > 1000)
        return Reply::validation(u"/checklist"_s, u"checklist has too many items"_s);
    for (auto it = items.constBegin(); it != items.constEnd(); ++it) {
        if (!it->isBool())
            return Reply::validation(u"/checklist/"_s + it.key().left(64), u"checklist values must be true or false"_s);
    }
    const QJsonValue reasons = body.value(u"reasons"_s);
    if (!reasons.isArray())
        return Reply::validation(u"/reasons"_s, u"reasons must be an array"_s);
    const QJsonArray list = reasons.toArray();
    if (list.size() > 100)
        return Reply::validation(u"/reasons"_s, u"at most 100 reasons"_s);
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString at = u"/reasons/%1"_s.arg(i);
        if (!list.at(i).isObject())
            return Reply::validation(at, u"each reason must be an object"_s);
        const QJsonObject reason = list.at(i).toObject();
        if (auto r = fields(reason, at, {u"category"_s, u"code"_s, u"note"_s}, {u"category"_s, u"code"_s}))
            return r;
        if (auto r = string(reason, at, u"category"_s, 64, false))
            return r;
        if (auto r = string(reason, at, u"code"_s, 64, false))
            return r;
        if (auto r = string(reason, at, u"note"_s, Verdict::MaxNote))
            return r;
    }
    return notesShape(body);
}

std::optional<Reply> RequestValidator::notesShape(const QJsonObject &body)
{
    if (!body.contains(u"notes"_s))
        return std::nullopt;
    const QJsonValue notes = body.value(u"notes"_s);
    if (!notes.isObject())
        return Reply::validation(u"/notes"_s, u"notes must be an object of checklist item or category keys to text"_s);
    const QJsonObject items = notes.toObject();
    if (items.size() > Verdict::MaxNotes)
        return Reply::validation(u"/notes"_s, u"at most %1 notes"_s.arg(Verdict::MaxNotes));
    for (auto it = items.constBegin(); it != items.constEnd(); ++it) {
        // Whether a key names an item or a category needs the submission's
        // questionnaire (a business rule); a key no questionnaire could have
        // is a shape error.
        if (it.key().isEmpty() || it.key().size() > 64)
            return Reply::validation(u"/notes/"_s + it.key().left(64), u"not a checklist item or category key"_s);
        if (auto r = string(items, u"/notes"_s, it.key(), Verdict::MaxNote))
            return r;
    }
    return std::nullopt;
}

std::optional<Reply> RequestValidator::assigneeShape(const QJsonObject &body)
{
    if (auto r = fields(body, QString(), {u"assignee"_s, u"base_version"_s}, {u"assignee"_s, u"base_version"_s}))
        return r;
    const QJsonValue assignee = body.value(u"assignee"_s);
    if (!assignee.isNull() && !assignee.isString())
        return Reply::validation(u"/assignee"_s, u"assignee must be a user id or null"_s);
    if (auto r = string(body, QString(), u"assignee"_s, 128, false); r && !assignee.isNull())
        return r;
    return baseVersion(body);
}

std::optional<Reply> RequestValidator::commentShape(const QJsonObject &body)
{
    if (auto r = fields(body, QString(), {u"body"_s, u"visibility"_s}, {u"body"_s, u"visibility"_s}))
        return r;
    if (auto r = string(body, QString(), u"body"_s, 20000, false))
        return r;
    const QJsonValue visibility = body.value(u"visibility"_s);
    if (visibility != QJsonValue(u"internal"_s) && visibility != QJsonValue(u"partner"_s))
        return Reply::validation(u"/visibility"_s, u"visibility must be \"internal\" or \"partner\""_s);
    return std::nullopt;
}

} // namespace assay::server
