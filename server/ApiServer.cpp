#include "server/ApiServer.h"

#include "server/QuestionnaireCache.h"
#include "server/ReadHandlers.h"
#include "server/RequestValidator.h"
#include "server/Revalidations.h"
#include "server/ServerLogging.h"
#include "server/ServerStore.h"
#include "server/WriteHandlers.h"

#include <QHttpServerRequest>

using namespace Qt::StringLiterals;

namespace assay::server {

namespace {
using Call = ApiRoute::Call;

HttpTransport::Options transportOptions(const ApiServer::Options &o)
{
    return {o.faultProbability, o.faultSeed, o.latencyMs, o.logRequests};
}
} // namespace

static_assert(ApiServer::MaxBody == RequestValidator::MaxBody);

const QList<ApiRoute> &ApiServer::routeTable()
{
    // More specific paths first: QtHttpServer takes the first pattern that
    // matches, and "<arg>" matches one segment only.
    static const QList<ApiRoute> table{
        {"GET", u"/me"_s, u"getMe"_s, [](const Call &c) { return c.reads.me(c.user); }},
        {"GET", u"/users"_s, u"listUsers"_s, [](const Call &c) { return c.reads.users(); }},
        {"GET", u"/questionnaires/{version}"_s, u"getQuestionnaire"_s,
         [](const Call &c) { return c.reads.questionnaire(c.arg); }},
        {"GET", u"/submissions"_s, u"listSubmissions"_s, [](const Call &c) { return c.reads.feed(c.request); }},
        {"GET", u"/submissions/{id}"_s, u"getSubmission"_s, [](const Call &c) { return c.reads.submission(c.arg); }},
        {"POST", u"/submissions/{id}/verdict"_s, u"postVerdict"_s,
         [](const Call &c) { return c.writes.verdict(c.user, c.arg, c.request); }},
        {"PUT", u"/submissions/{id}/assignee"_s, u"putAssignee"_s,
         [](const Call &c) { return c.writes.assignee(c.user, c.arg, c.request); }},
        {"POST", u"/submissions/{id}/comments"_s, u"postComment"_s,
         [](const Call &c) { return c.writes.comment(c.user, c.arg, c.request); }},
        {"GET", u"/evidence/{id}"_s, u"getEvidence"_s,
         [](const Call &c) { return c.reads.evidence(c.arg, c.request); }},
        {"GET", u"/reviewers"_s, u"listReviewers"_s, [](const Call &c) { return c.reads.reviewers(c.user); }},
    };
    return table;
}

QList<std::pair<QString, QString>> ApiServer::routes()
{
    QList<std::pair<QString, QString>> out;
    for (const ApiRoute &r : routeTable())
        out.append({QString::fromLatin1(r.method), r.path});
    return out;
}

ApiServer::ApiServer(ServerStore *store, const Options &options, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(options.clock ? options.clock : std::function<QDateTime()>([] { return QDateTime::currentDateTimeUtc(); }))
    , m_revalidations(std::make_unique<Revalidations>(store))
    , m_questionnaires(std::make_unique<QuestionnaireCache>())
    , m_reads(std::make_unique<ReadHandlers>(store, m_questionnaires.get()))
    , m_writes(std::make_unique<WriteHandlers>(store, m_questionnaires.get(), m_clock))
    , m_transport(transportOptions(options))
{
    connect(&m_transport, &HttpTransport::requestReceived, this, &ApiServer::requestReceived);
    connect(&m_transport, &HttpTransport::requestServed, this, &ApiServer::requestServed);
    QStringList registered;
    for (const ApiRoute &route : routeTable()) {
        // One registration per path; the methods on it are told apart in
        // dispatch (so that a wrong one is 405, not 404).
        if (registered.contains(route.path))
            continue;
        registered.append(route.path);
        m_transport.route(route.pattern(), [this, path = route.path](const QString &arg, const QHttpServerRequest &request) {
            return dispatch(path, arg, request);
        });
    }
    m_transport.setMissingHandler([this](const QString &, const QHttpServerRequest &request) {
        // Unknown paths still answer 401 first: the API says nothing, not
        // even what exists, to a caller without a valid token.
        const auto token = RequestValidator::bearerToken(request);
        if (!token || !m_store->userByToken(*token))
            return Reply::error(401, u"unauthorized"_s, u"a valid bearer token is required"_s);
        return Reply::error(404, u"not_found"_s, u"no such resource"_s);
    });
}

ApiServer::~ApiServer() = default;

QString ApiServer::listen(const QHostAddress &address, quint16 port)
{
    return m_transport.listen(address, port);
}

QUrl ApiServer::baseUrl() const
{
    return m_transport.baseUrl();
}

quint16 ApiServer::port() const
{
    return m_transport.port();
}

Reply ApiServer::dispatch(const QString &path, const QString &arg, const QHttpServerRequest &request)
{
    const auto token = RequestValidator::bearerToken(request);
    const std::optional<User> user = token ? m_store->userByToken(*token) : std::nullopt;
    if (!user)
        return Reply::error(401, u"unauthorized"_s, u"a valid bearer token is required"_s);

    // Re-validations fall due with time, not with a request of their own:
    // every request first opens those due by the server's clock (an index
    // lookup when none is), so what it reads or decides already has them.
    // A failure to open one does not fail the caller's request; the next
    // request tries again.
    if (const Result<int> opened = m_revalidations->openDue(m_clock()); !opened)
        qCWarning(lcServer).noquote() << "re-validation check failed:" << opened.error().message;

    const QByteArray method = HttpTransport::methodName(request).toLatin1();
    QByteArrayList allowed;
    for (const ApiRoute &route : routeTable()) {
        if (route.path != path)
            continue;
        if (route.method == method)
            return route.handler(Call{*user, arg, request, *m_reads, *m_writes});
        allowed.append(route.method);
    }
    const QByteArray allow = allowed.join(", ");
    Reply r = Reply::error(405, u"method_not_allowed"_s, u"this resource takes %1"_s.arg(QString::fromLatin1(allow)));
    r.headers.append(QHttpHeaders::WellKnownHeader::Allow, allow);
    return r;
}

} // namespace assay::server
