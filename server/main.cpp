// assay-marketplace — the reference marketplace serving the review API, for
// the demo, development and every integration test. Thin: it parses the
// command line and composes assay_server.

#include "domain/JsonReader.h"
#include "server/ApiServer.h"
#include "server/ParentWatch.h"
#include "server/SeedTemplate.h"
#include "server/ServerLogging.h"
#include "server/Seeder.h"
#include "server/ServerStore.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <cstdio>
#include <optional>
#include <tuple>

#ifdef Q_OS_UNIX
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#endif

using namespace assay;
using namespace assay::server;
using namespace Qt::StringLiterals;

namespace {
int fail(const QString &message)
{
    std::fprintf(stderr, "assay-marketplace: %s\n", qUtf8Printable(message));
    return 2;
}

std::optional<QList<User>> usersFromFile(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = u"cannot read %1: %2"_s.arg(path, f.errorString());
        return std::nullopt;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    const QJsonArray list = doc.object().value(u"users"_s).toArray();
    if (pe.error != QJsonParseError::NoError || list.isEmpty()) {
        *error = u"%1: expected {\"users\": [{\"id\", \"name\", \"roles\": [...], \"token\"}]}"_s.arg(path);
        return std::nullopt;
    }
    QList<User> users;
    const QList<User> fresh = Seeder::demoUsers();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject o = list.at(i).toObject();
        User u{o.value(u"id"_s).toString(), o.value(u"name"_s).toString(), {}, o.value(u"token"_s).toString()};
        for (const QJsonValue &r : o.value(u"roles"_s).toArray())
            u.roles.append(r.toString());
        if (u.id.isEmpty() || u.roles.isEmpty()) {
            *error = u"%1: user %2 needs an id and roles"_s.arg(path).arg(i);
            return std::nullopt;
        }
        if (u.token.isEmpty())
            u.token = fresh.at(i % fresh.size()).token + QString::number(i);
        users.append(u);
    }
    return users;
}

#ifdef Q_OS_UNIX
int signalSockets[2] = {-1, -1};

void onStopSignal(int)
{
    const char byte = 1;
    // Nothing to do if the write fails: the loop is already being woken.
    std::ignore = ::write(signalSockets[1], &byte, 1);
}

// SIGTERM (how tests and scripts stop the server) and SIGINT (Ctrl-C) end
// the event loop instead of the process, so destructors run: the store
// closes and a temporary folder is removed rather than left in /tmp.
// The handler only writes a byte; Qt functions are not async-signal-safe.
void quitOnStopSignals(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalSockets) != 0)
        return; // the default action (the process ends) still stops the server
    auto *notifier = new QSocketNotifier(signalSockets[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);
    struct sigaction action = {};
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
}
#endif
} // namespace

int main(int argc, char *argv[])
{
    // QtGui only draws the demo PDFs and screenshots; the server never needs
    // a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"assay-marketplace"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(ASSAY_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"The reference marketplace: serves the review API (api/openapi.yaml)."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listen(u"listen"_s, u"Address to serve on (default 127.0.0.1:8080; port 0 picks one)."_s, u"HOST:PORT"_s, u"127.0.0.1:8080"_s);
    const QCommandLineOption db(u"db"_s, u"The server's SQLite store, created when missing (default: a temporary one)."_s, u"FILE"_s);
    const QCommandLineOption seed(u"seed"_s, u"Create N demo submissions (an already seeded store gets none)."_s, u"N"_s);
    const QCommandLineOption seedRandom(u"seed-random"_s, u"Seed of the demo data and of --faults (default 1)."_s, u"S"_s, u"1"_s);
    const QCommandLineOption users(u"users"_s, u"Users from a JSON file instead of the built-in demo users."_s, u"FILE"_s);
    const QCommandLineOption printTokens(u"print-tokens"_s, u"Print 'token <user> <roles> <token>' per user after the listening line."_s);
    const QCommandLineOption faults(u"faults"_s, u"Answer a fraction P of requests with a fault (500, 503, 429, delay, cut connection, truncated or malformed JSON)."_s, u"P"_s, u"0"_s);
    const QCommandLineOption latency(u"latency-ms"_s, u"Delay every response by N ms."_s, u"N"_s, u"0"_s);
    const QCommandLineOption listRoutes(u"list-routes"_s, u"Print the routes served ('METHOD /path operationId') and exit."_s);
    const QCommandLineOption quiet(u"quiet"_s, u"Do not log one line per request."_s);
    const QCommandLineOption now(u"now"_s, u"Pin the server's clock to TIME (RFC 3339, e.g. 2026-11-20T09:00:00Z), for tests of dates."_s, u"TIME"_s);
    parser.addOptions({listen, db, seed, seedRandom, users, printTokens, faults, latency, listRoutes, quiet, now});
    // The demo's child server (assay --demo): it ends with its parent, and
    // starts from a seeded template when it can.
    const QCommandLineOption exitWithParent(u"exit-with-parent"_s, u"End when the parent process ends (standard input a pipe from it; on Linux also the parent-death signal)."_s);
    const QCommandLineOption seedCache(u"seed-cache"_s, u"Keep the seeded store in DIR and start from that copy when --seed and the rest are the same (a fresh --db only); keep the evidence files in DIR/evidence."_s, u"DIR"_s);
    const QCommandLineOption seedAnchor(u"seed-anchor"_s, u"The seeded story's now (RFC 3339; default 2026-11-20T09:00:00Z): every seeded date lies before it, the open work stands against the SLA there."_s, u"TIME"_s);
    parser.addOptions({exitWithParent, seedCache, seedAnchor});
    parser.process(app);

    if (parser.isSet(listRoutes)) {
        // The router's own table: what the OpenAPI checks compare is what is served.
        for (const ApiRoute &route : ApiServer::routeTable())
            std::printf("%s %s %s\n", route.method.constData(), qUtf8Printable(route.path), qUtf8Printable(route.operationId));
        return 0;
    }

    const QString hostPort = parser.value(listen);
    const qsizetype colon = hostPort.lastIndexOf(u':');
    bool portOk = false;
    const int port = colon > 0 ? hostPort.mid(colon + 1).toInt(&portOk) : -1;
    QString host = colon > 0 ? hostPort.left(colon) : QString();
    if (host == u"localhost"_s)
        host = u"127.0.0.1"_s;
    const QHostAddress address(host.startsWith(u'[') ? host.mid(1, host.size() - 2) : host);
    if (!portOk || port < 0 || port > 65535 || address.isNull())
        return fail(u"--listen takes HOST:PORT, e.g. 127.0.0.1:0"_s);
    bool ok = false;
    const double faultP = parser.value(faults).toDouble(&ok);
    if (!ok || faultP < 0 || faultP > 1)
        return fail(u"--faults takes a fraction from 0 to 1"_s);
    const int latencyMs = parser.value(latency).toInt(&ok);
    if (!ok || latencyMs < 0)
        return fail(u"--latency-ms takes a number of milliseconds"_s);
    const quint32 seedValue = parser.value(seedRandom).toUInt(&ok);
    if (!ok)
        return fail(u"--seed-random takes a number"_s);
    // Badge expiry, re-validations and resubmission locks are all decided by
    // this one clock.
    std::function<QDateTime()> clock = [] { return QDateTime::currentDateTimeUtc(); };
    if (parser.isSet(now)) {
        const std::optional<QDateTime> pinned = JsonReader::parseTimestamp(parser.value(now));
        if (!pinned)
            return fail(u"--now takes an RFC 3339 time, e.g. 2026-11-20T09:00:00Z"_s);
        clock = [at = *pinned] { return at; };
    }
    QDateTime storyNow;
    if (parser.isSet(seedAnchor)) {
        const std::optional<QDateTime> anchor = JsonReader::parseTimestamp(parser.value(seedAnchor));
        if (!anchor)
            return fail(u"--seed-anchor takes an RFC 3339 time, e.g. 2026-11-20T09:00:00Z"_s);
        storyNow = *anchor;
    }
    int seedCount = 0;
    if (parser.isSet(seed)) {
        seedCount = parser.value(seed).toInt(&ok);
        if (!ok || seedCount < 0 || seedCount > 1000000)
            return fail(u"--seed takes a number of submissions"_s);
    }

    // Armed before seeding: a parent killed meanwhile ends this process at
    // once (SIGTERM's default action, until the handler below is set).
    ParentWatch parentWatch;
    if (parser.isSet(exitWithParent)) {
        if (const Result<> watching = parentWatch.start(); !watching)
            return fail(watching.error().message);
        QObject::connect(&parentWatch, &ParentWatch::gone, &app, [](const QString &why) {
            std::fprintf(stderr, "assay-marketplace: %s; stopping\n", qUtf8Printable(why));
            QCoreApplication::quit();
        });
    }

    // A scratch folder only when no store is named: one made and never used
    // was left behind, empty, each time a server with --db was stopped.
    std::optional<QTemporaryDir> scratch;
    QString dbPath = parser.value(db);
    if (!parser.isSet(db)) {
        scratch.emplace();
        if (!scratch->isValid())
            return fail(u"cannot make a temporary folder: "_s + scratch->errorString());
        dbPath = scratch->filePath(u"marketplace.sqlite"_s);
    }
    // The users a store without any gets: read when one needs them.
    std::optional<QList<User>> fresh;
    QString usersError;
    auto readUsers = [&] {
        if (!fresh)
            fresh = parser.isSet(users) ? usersFromFile(parser.value(users), &usersError) : Seeder::demoUsers();
        return fresh.has_value();
    };
    QElapsedTimer seeding;
    seeding.start();
    std::optional<SeedTemplate> seedTemplate;
    bool fromTemplate = false;
    if (parser.isSet(seedCache) && seedCount > 0 && !QFileInfo::exists(dbPath)) {
        if (!readUsers())
            return fail(usersError);
        // Another anchor is another story.
        const QStringList parameters = storyNow.isValid() ? QStringList{u"anchor "_s + JsonReader::formatTimestamp(storyNow)}
                                                          : QStringList{};
        seedTemplate.emplace(parser.value(seedCache), seedCount, seedValue, *fresh, parameters);
        const Result<bool> restored = seedTemplate->restore(dbPath);
        // Without the template the store is seeded as if none was asked for.
        if (!restored)
            std::fprintf(stderr, "assay-marketplace: %s\n", qUtf8Printable(restored.error().message));
        fromTemplate = restored.value_or(false);
    }
    ServerStore store;
    if (!store.open(dbPath))
        return fail(store.errorString());
    if (fromTemplate) {
        for (const User &u : std::as_const(*fresh)) {
            if (!store.setToken(u.id, u.token))
                return fail(store.errorString());
        }
    } else if (store.users().isEmpty()) {
        if (!readUsers())
            return fail(usersError);
        for (const User &u : std::as_const(*fresh)) {
            if (!store.addUser(u))
                return fail(store.errorString());
        }
    }
    // Idempotency keys are kept a week (the contract asks for at least a day).
    store.expireIdempotencyKeys(clock().addDays(-7));
    const QString evidenceCache = parser.isSet(seedCache) ? QDir(parser.value(seedCache)).filePath(u"evidence"_s) : QString();
    if (const QString error = Seeder::seed(store, seedCount, seedValue, evidenceCache, storyNow); !error.isEmpty())
        return fail(u"seeding failed: "_s + error);
    if (seedTemplate && !fromTemplate) {
        // Without a template the next start seeds again: slower, not wrong.
        if (const Result<> saved = seedTemplate->save(store); !saved)
            std::fprintf(stderr, "assay-marketplace: %s\n", qUtf8Printable(saved.error().message));
    }
    if (seedTemplate)
        qCInfo(lcServer).noquote() << u"%1 in %2 ms"_s.arg(fromTemplate ? u"seeded store copied from the seed cache"_s
                                                                      : u"seeded and kept in the seed cache"_s)
                                          .arg(seeding.elapsed());

    ApiServer::Options options;
    options.faultProbability = faultP;
    options.faultSeed = seedValue;
    options.latencyMs = latencyMs;
    options.logRequests = !parser.isSet(quiet);
    options.clock = clock;
    ApiServer server(&store, options);
    if (const QString error = server.listen(address, quint16(port)); !error.isEmpty())
        return fail(error);

    // The listening line first, the tokens after it, all flushed at once:
    // scripts and tests read them from the pipe.
    QByteArray out = "listening on " + server.baseUrl().toString().toUtf8() + '\n';
    if (parser.isSet(printTokens)) {
        for (const User &u : store.users())
            out += "token " + u.id.toUtf8() + ' ' + u.roles.join(u',').toUtf8() + ' ' + u.token.toUtf8() + '\n';
    }
#ifdef Q_OS_UNIX
    // After seeding, so a signal then still ends the process at once; before
    // the listening line, so whoever read it and stops us is heard.
    quitOnStopSignals(app);
#endif
    std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
    std::fflush(stdout);
    return app.exec();
}
