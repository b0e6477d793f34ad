#include "server/ReadHandlers.h"

#include "server/FeedCursor.h"
#include "server/QuestionnaireCache.h"
#include "server/RequestValidator.h"
#include "server/ServerLogging.h"
#include "server/ServerStore.h"

#include <QHttpServerRequest>
#include <QJsonArray>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace assay::server {

namespace {
QJsonObject userJson(const User &user)
{
    return QJsonObject{{u"id"_s, user.id}, {u"name"_s, user.name}, {u"roles"_s, QJsonArray::fromStringList(user.roles)}};
}
} // namespace

ReadHandlers::ReadHandlers(ServerStore *store, QuestionnaireCache *questionnaires)
    : m_store(store)
    , m_questionnaires(questionnaires)
{
}

Reply ReadHandlers::me(const User &user)
{
    return Reply::json(200, userJson(user));
}

Reply ReadHandlers::users()
{
    QJsonArray items;
    for (const User &u : m_store->users())
        items.append(userJson(u));
    return Reply::json(200, QJsonObject{{u"items"_s, items}});
}

Reply ReadHandlers::questionnaire(const QString &version)
{
    const Questionnaire *q = m_questionnaires->find(version);
    if (!q)
        return Reply::error(404, u"not_found"_s, u"no questionnaire with that version"_s);
    return Reply::json(200, q->toJson());
}

Reply ReadHandlers::feed(const QHttpServerRequest &request)
{
    const auto query = RequestValidator::feedQuery(request.query(), m_store->secret());
    if (!query)
        return query.error();
    const auto page = m_store->feed(query->afterSeq, query->limit);
    if (!page)
        return Reply::error(500, u"internal"_s, u"the feed could not be read"_s);
    QJsonArray items;
    for (const SubmissionSummary &s : page->items)
        items.append(s.toJson());
    return Reply::json(200, QJsonObject{{u"items"_s, items},
                                        {u"next_cursor"_s, FeedCursor::encode(page->lastSeq, m_store->secret())},
                                        {u"has_more"_s, page->hasMore}});
}

Reply ReadHandlers::submission(const QString &id)
{
    const auto s = m_store->submission(id);
    if (s)
        return Reply::json(200, s->toJson());
    if (!m_store->stored(id))
        return Reply::error(404, u"not_found"_s, u"no such submission"_s);
    // There, but its details do not read (a damaged verdict record): the
    // server's fault, not a missing submission.
    qCWarning(lcServer).noquote() << "details of" << id << "unreadable:" << m_store->errorString();
    return Reply::error(500, u"internal"_s, u"the submission's details could not be read"_s);
}

Reply ReadHandlers::reviewers(const User &user)
{
    if (!user.hasRole(u"lead"_s))
        return Reply::error(403, u"forbidden"_s, u"only leads see the reviewers' workload"_s);
    QJsonArray items;
    for (const User &u : m_store->users()) {
        if (!u.hasRole(u"reviewer"_s))
            continue;
        QJsonObject o = userJson(u);
        o.insert(u"open_assigned"_s, m_store->openAssignedCount(u.id));
        items.append(o);
    }
    return Reply::json(200, QJsonObject{{u"items"_s, items}});
}

Reply ReadHandlers::evidence(const QString &id, const QHttpServerRequest &request)
{
    const auto e = m_store->evidence(id);
    if (!e)
        return Reply::error(404, u"not_found"_s, u"no such evidence"_s);
    const QByteArray etag = '"' + e->item.sha256.toLatin1() + '"';
    const qint64 size = e->content.size();
    Reply r;
    r.isJson = false;
    r.headers.append(QHttpHeaders::WellKnownHeader::ETag, etag);
    r.headers.append(QHttpHeaders::WellKnownHeader::AcceptRanges, "bytes");
    r.headers.append(QHttpHeaders::WellKnownHeader::CacheControl, "private, max-age=31536000, immutable");
    // Partner content: never sniffed into something executable, never shown
    // inline by a browser, and the partner's filename stays out of headers.
    r.headers.append(QHttpHeaders::WellKnownHeader::XContentTypeOptions, "nosniff");
    r.headers.append(QHttpHeaders::WellKnownHeader::ContentDisposition, "attachment");
    r.headers.append(QHttpHeaders::WellKnownHeader::ContentSecurityPolicy, "sandbox; default-src 'none'");

    const QByteArray ifNoneMatch = request.value("If-None-Match");
    if (!ifNoneMatch.isEmpty()) {
        for (const QByteArray &tag : ifNoneMatch.split(',')) {
            const QByteArray t = tag.trimmed();
            if (t == etag || t == "*" || t == "W/" + etag) {
                r.status = 304;
                return r;
            }
        }
    }
    r.headers.append(QHttpHeaders::WellKnownHeader::ContentType, e->item.mediaType.toLatin1());
    const QByteArray range = request.value("Range").trimmed();
    // One range, "bytes=N-" or "bytes=N-M". Anything else is ignored (the
    // whole file), as HTTP allows.
    if (range.startsWith("bytes=") && !range.contains(',')) {
        const QByteArray spec = range.mid(6);
        const qsizetype dash = spec.indexOf('-');
        bool okStart = false;
        bool okEnd = true;
        const qint64 start = dash > 0 ? spec.left(dash).toLongLong(&okStart) : -1;
        qint64 end = size - 1;
        if (dash > 0 && dash + 1 < spec.size())
            end = spec.mid(dash + 1).toLongLong(&okEnd);
        if (okStart && okEnd && start >= size) {
            Reply unsatisfiable = Reply::error(416, u"range_not_satisfiable"_s, u"the range starts past the end"_s,
                                               {{u"size"_s, size}});
            unsatisfiable.headers.append(QHttpHeaders::WellKnownHeader::ContentRange, "bytes */" + QByteArray::number(size));
            unsatisfiable.headers.append(QHttpHeaders::WellKnownHeader::AcceptRanges, "bytes");
            return unsatisfiable;
        }
        if (okStart && okEnd && start >= 0 && end >= start) {
            end = std::min(end, size - 1);
            r.status = 206;
            r.headers.append(QHttpHeaders::WellKnownHeader::ContentRange,
                             "bytes " + QByteArray::number(start) + '-' + QByteArray::number(end) + '/' + QByteArray::number(size));
            r.body = e->content.mid(start, end - start + 1);
            return r;
        }
    }
    r.status = 200;
    r.body = e->content;
    return r;
}

} // namespace assay::server
