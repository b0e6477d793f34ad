// A full sync of N seeded submissions (default 10,000) against a local
// assay-marketplace, as a ratio to a floor: the best simple client, which
// fetches the same feed pages, details and evidence over keep-alive, as many
// at a time as the engine, and throws them away. And a sync with nothing new
// against one GET /me on the same server.
//
// Floor and engine run in turns (floor first, then engine first, ...), each
// several times, and the medians are compared: on a shared machine one run of
// each says more about the neighbours than about the engine. A floor or an
// engine run that does not do the whole work (a failed request, fewer items
// or files than seeded, a sync not in step) ends the benchmark with the
// reason and a non-zero exit, rather than printing a flattering figure.
//
// Usage: bench_sync [--runs N] [--cycles N] [--only PART] [SUBMISSIONS]

#include "bench/BenchSupport.h"
#include "sync/SyncEngine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>

using namespace assay;
using namespace assay::bench;
using namespace Qt::StringLiterals;

namespace {
QUrl g_base;
QByteArray g_token;

QUrl url(const QString &path)
{
    QUrl u = g_base;
    u.setPath(path);
    return u;
}

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

struct FloorRun
{
    double ms = 0;
    int details = 0;
    int files = 0;
    qint64 bytes = 0;
};

// The floor's client: the feed page by page, then details `parallel` at a
// time; with evidence, each file starts as soon as the first detail that
// lists it arrives, as the engine's do, with the engine's share of the
// requests (a quarter while details remain, all of them after). Same
// requests, same schedule: what the engine takes beyond it is its own cost.
class FloorClient
{
public:
    FloorClient(int parallel, bool evidence)
        : m_parallel(parallel)
        , m_evidence(evidence)
    {
    }

    Result<FloorRun> run(int expected)
    {
        QElapsedTimer t;
        t.start();
        const Result<QStringList> ids = readFeedChecked(m_nam, g_base, g_token);
        if (!ids)
            return Error{u"floor: "_s + ids.error().message};
        if (ids->size() != expected)
            return Error{u"floor: the feed listed %1 submissions, %2 were seeded"_s.arg(ids->size()).arg(expected)};
        for (const QString &id : *ids)
            m_details.append(url(u"/api/v1/submissions/"_s + id));
        pump();
        if (m_running > 0)
            m_loop.exec();
        if (!m_error.isEmpty())
            return Error{u"floor: "_s + m_error};
        if (m_result.details != expected)
            return Error{u"floor: %1 of %2 details arrived"_s.arg(m_result.details).arg(expected)};
        m_result.ms = msSince(t);
        return m_result;
    }

private:
    struct File
    {
        QUrl url;
        qint64 size = 0;
    };

    qsizetype fileSlots() const
    {
        const bool detailsLeft = !m_details.isEmpty() || m_detailsRunning > 0;
        return detailsLeft ? std::max(1, m_parallel / 4) : m_parallel;
    }

    void pump()
    {
        while (m_error.isEmpty() && m_running < m_parallel) {
            const bool filesWait = !m_files.isEmpty() || m_filesRunning > 0;
            if (!m_files.isEmpty() && m_filesRunning < fileSlots())
                startFile(m_files.takeFirst());
            else if (!m_details.isEmpty() && m_detailsRunning < m_parallel - (filesWait ? fileSlots() : 0))
                startDetail(m_details.takeFirst());
            else
                break;
        }
        if (m_running == 0)
            m_loop.quit();
    }

    QNetworkReply *get(const QUrl &u)
    {
        QNetworkRequest req(u);
        req.setRawHeader("Authorization", "Bearer " + g_token);
        ++m_running;
        return m_nam.get(req);
    }

    void fail(const QString &error)
    {
        if (m_error.isEmpty())
            m_error = error;
    }

    void startDetail(const QUrl &u)
    {
        QNetworkReply *r = get(u);
        ++m_detailsRunning;
        QObject::connect(r, &QNetworkReply::finished, r, [this, r] {
            r->deleteLater();
            --m_running;
            --m_detailsRunning;
            const QByteArray body = r->readAll();
            if (const QString error = replyError(r); !error.isEmpty())
                fail(error);
            else if (body.isEmpty())
                fail(u"GET %1: an empty body"_s.arg(r->url().path()));
            else {
                ++m_result.details;
                if (m_evidence)
                    queueFiles(body, r->url().path());
            }
            pump();
        });
    }

    // The evidence list comes from the detail: a client cannot know it sooner.
    void queueFiles(const QByteArray &detail, const QString &path)
    {
        const QJsonValue evidence = QJsonDocument::fromJson(detail).object().value(u"evidence"_s);
        if (!evidence.isArray()) {
            fail(u"GET %1: no evidence list"_s.arg(path));
            return;
        }
        for (const QJsonValue &e : evidence.toArray()) {
            const QJsonObject o = e.toObject();
            const QString sha256 = o.value(u"sha256"_s).toString();
            if (m_seen.contains(sha256))
                continue;
            m_seen.insert(sha256);
            m_files.append({url(u"/api/v1/evidence/"_s + o.value(u"id"_s).toString()), o.value(u"size"_s).toInteger()});
        }
    }

    void startFile(const File &file)
    {
        QNetworkReply *r = get(file.url);
        ++m_filesRunning;
        auto received = std::make_shared<qint64>(0);
        QObject::connect(r, &QNetworkReply::readyRead, r, [r, received] { *received += r->readAll().size(); });
        QObject::connect(r, &QNetworkReply::finished, r, [this, r, received, size = file.size] {
            r->deleteLater();
            --m_running;
            --m_filesRunning;
            *received += r->readAll().size();
            if (const QString error = replyError(r); !error.isEmpty())
                fail(error);
            else if (*received != size)
                fail(u"GET %1: %2 of %3 bytes"_s.arg(r->url().path()).arg(*received).arg(size));
            else {
                ++m_result.files;
                m_result.bytes += size;
            }
            pump();
        });
    }

    const int m_parallel;
    const bool m_evidence;
    QNetworkAccessManager m_nam;
    QEventLoop m_loop;
    QList<QUrl> m_details;
    QList<File> m_files;
    QSet<QString> m_seen;
    int m_running = 0;
    int m_detailsRunning = 0;
    int m_filesRunning = 0;
    QString m_error;
    FloorRun m_result;
};

SyncEngine::Options engineOptions(const QString &profile, bool evidence)
{
    SyncEngine::Options o;
    o.server = g_base;
    o.token = QString::fromUtf8(g_token);
    o.profileDir = profile;
    o.evidence = evidence;
    return o;
}

struct EngineRun
{
    double ms = 0;
    SyncEngine::Report report;
};

// A full sync into a fresh profile, from the engine's construction to its
// end (as `assay sync` on a new profile: the last batches and the cache's
// close are part of it).
Result<EngineRun> runEngine(const QString &profile, bool evidence)
{
    QElapsedTimer t;
    t.start();
    EngineRun run;
    {
        SyncEngine engine(engineOptions(profile, evidence));
        run.report = engine.runOnce();
    }
    run.ms = msSince(t);
    if (!run.report.inStep)
        return Error{u"sync: not in step: %1"_s.arg(run.report.error)};
    return run;
}

// A cycle that found something to do is not a no-change sync.
Result<> nothingNew(const SyncEngine::Report &r, const char *which)
{
    if (!r.inStep)
        return Error{u"%1 no-change sync: not in step: %2"_s.arg(QLatin1String(which), r.error)};
    if (r.summaries != 0 || r.details != 0 || r.evidenceDownloaded != 0 || r.pushed != 0)
        return Error{u"%1 no-change sync found work: %2"_s.arg(QLatin1String(which), r.summaryLine())};
    return {};
}

void printComparison(const char *what, const Spread &floor, const Spread &engine)
{
    std::printf("%s\n  floor %s\n  sync  %s\n  -> %.2fx the floor (medians)\n", what, qPrintable(describe(floor, 0)),
                qPrintable(describe(engine, 0)), engine.median / floor.median);
}

// Floor and engine in turns, `runs` times each. Every engine run starts from
// an empty profile; the last one's is kept in `keep` (for the no-change runs).
Result<> fullSync(bool evidence, int runs, int parallel, int expected, const QTemporaryDir &dir, const QString &keep)
{
    QList<double> floorMs, engineMs;
    FloorRun floorRun;
    SyncEngine::Report report;
    for (int i = 0; i < runs; ++i) {
        const QString profile = dir.filePath(u"profile-%1-%2"_s.arg(evidence ? u"all"_s : u"meta"_s).arg(i));
        for (int turn = 0; turn < 2; ++turn) {
            if ((turn == 0) == (i % 2 == 0)) {
                const Result<FloorRun> f = FloorClient(parallel, evidence).run(expected);
                if (!f)
                    return f.error();
                floorMs.append(f->ms);
                floorRun = *f;
            } else {
                const Result<EngineRun> e = runEngine(profile, evidence);
                if (!e)
                    return e.error();
                engineMs.append(e->ms);
                report = e->report;
            }
        }
        if (report.details != expected)
            return Error{u"sync: %1 of %2 details stored"_s.arg(report.details).arg(expected)};
        if (evidence && report.evidenceDownloaded != floorRun.files)
            return Error{u"sync: %1 files downloaded, the floor fetched %2"_s.arg(report.evidenceDownloaded)
                             .arg(floorRun.files)};
        if (i == runs - 1 && !keep.isEmpty()) {
            if (!QDir().rename(profile, keep))
                return Error{u"cannot keep the profile %1"_s.arg(profile)};
        } else if (!QDir(profile).removeRecursively()) {
            return Error{u"cannot remove the profile %1"_s.arg(profile)};
        }
    }
    if (evidence)
        printComparison(qPrintable(u"with evidence, %1 submissions, %2 files (%3 MiB):"_s.arg(expected)
                                       .arg(floorRun.files)
                                       .arg(double(floorRun.bytes) / 1048576.0, 0, 'f', 1)),
                        spreadOf(floorMs), spreadOf(engineMs));
    else
        printComparison(qPrintable(u"metadata, %1 submissions:"_s.arg(expected)), spreadOf(floorMs), spreadOf(engineMs));
    return {};
}

// A sync with nothing new, against GET /me over a keep-alive connection (the
// cost of a request that does no work). Cold: a new engine opens the cache,
// starts its threads and connects, as `assay sync` does. Warm: the same
// engine's next cycles, as the workstation runs them every few minutes.
// Each cycle is timed on its own: the figures are per cycle that ran.
Result<> noChange(const QString &profile, int runs, int cycles)
{
    QList<double> meMs, firstMeMs, coldMs, warmMs, teardownMs;
    QNetworkAccessManager nam;
    if (const Result<QByteArray> warmUp = fetchChecked(nam, url(u"/api/v1/me"_s), g_token); !warmUp)
        return Error{u"floor: "_s + warmUp.error().message};
    for (int i = 0; i < runs; ++i) {
        for (int turn = 0; turn < 2; ++turn) {
            if ((turn == 0) == (i % 2 == 0)) {
                for (int k = 0; k < 50; ++k) {
                    QElapsedTimer t;
                    t.start();
                    if (const Result<QByteArray> me = fetchChecked(nam, url(u"/api/v1/me"_s), g_token); !me)
                        return Error{u"floor: "_s + me.error().message};
                    meMs.append(msSince(t));
                }
                // What a new client pays for its first request: a connection
                // and the network thread (for the cold figure's sake).
                for (int k = 0; k < 5; ++k) {
                    QElapsedTimer t;
                    t.start();
                    QNetworkAccessManager fresh;
                    if (const Result<QByteArray> me = fetchChecked(fresh, url(u"/api/v1/me"_s), g_token); !me)
                        return Error{u"floor: "_s + me.error().message};
                    firstMeMs.append(msSince(t));
                }
            } else {
                QElapsedTimer t;
                t.start();
                auto engine = std::make_unique<SyncEngine>(engineOptions(profile, true));
                const SyncEngine::Report cold = engine->runOnce();
                coldMs.append(msSince(t));
                if (Result<> r = nothingNew(cold, "cold"); !r)
                    return r;
                for (int c = 0; c < cycles; ++c) {
                    t.restart();
                    const SyncEngine::Report warm = engine->runOnce();
                    warmMs.append(msSince(t));
                    if (Result<> r = nothingNew(warm, "warm"); !r)
                        return r;
                }
                // Not in the cold figure, but `assay sync` pays it before it
                // exits: the cache's close (a checkpoint when the cycles
                // wrote) and the threads' end.
                t.restart();
                engine.reset();
                teardownMs.append(msSince(t));
            }
        }
    }
    const Spread me = spreadOf(meMs), cold = spreadOf(coldMs), warm = spreadOf(warmMs);
    std::printf("no-change sync:\n  floor: GET /me %s; a new client's first GET /me %s\n",
                qPrintable(describe(me, 3, "ms", "requests")), qPrintable(describe(spreadOf(firstMeMs), 2, "ms", "clients")));
    std::printf("  cold  %s  -> %.1fx GET /me (medians)\n", qPrintable(describe(cold, 2)), cold.median / me.median);
    std::printf("  warm  %s  -> %.1fx GET /me (medians)\n", qPrintable(describe(warm, 2, "ms", "cycles")),
                warm.median / me.median);
    std::printf("  and the engine's teardown after its cycles: %s\n", qPrintable(describe(spreadOf(teardownMs), 2)));
    return {};
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"A full sync (metadata, then with evidence) against the best simple client, and a sync with nothing new "
        "against GET /me, on a local assay-marketplace seeded for the run. Figures are medians of runs taken in "
        "turns; an incomplete floor or sync fails the benchmark."_s);
    parser.addHelpOption();
    parser.addPositionalArgument(u"SUBMISSIONS"_s, u"submissions to seed (default 10000)"_s, u"[SUBMISSIONS]"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"runs of floor and sync each, in turns (default 3)"_s, u"N"_s, u"3"_s);
    const QCommandLineOption cyclesOption(u"cycles"_s, u"warm no-change cycles after each cold one (default 20)"_s,
                                          u"N"_s, u"20"_s);
    const QCommandLineOption onlyOption(u"only"_s, u"run one part only: metadata, evidence or no-change"_s, u"PART"_s);
    parser.addOptions({runsOption, cyclesOption, onlyOption});
    parser.process(app);

    bool ok = true;
    const int count = parser.positionalArguments().isEmpty() ? 10000 : parser.positionalArguments().first().toInt(&ok);
    const int runs = parser.value(runsOption).toInt();
    const int cycles = parser.value(cyclesOption).toInt();
    const QString only = parser.value(onlyOption);
    if (!ok || count < 1 || runs < 1 || cycles < 1
        || !(only.isEmpty() || only == u"metadata"_s || only == u"evidence"_s || only == u"no-change"_s)) {
        std::fprintf(stderr, "bench_sync: bad arguments (see --help)\n");
        return 2;
    }
    if (runs < 3)
        std::fprintf(stderr, "bench_sync: %d runs each: a median needs at least 3 to mean much\n", runs);

    QTemporaryDir dir;
    QProcess server;
    if (!startMarketplace(server, dir.filePath(u"m.sqlite"_s), count, &g_base, &g_token))
        return 1;
    const int parallel = SyncEngine::Options().parallel;
    const QString inStep = dir.filePath(u"profile-in-step"_s);

    Result<> result;
    if (only.isEmpty() || only == u"metadata"_s)
        result = fullSync(false, runs, parallel, count, dir, {});
    if (result && (only.isEmpty() || only == u"evidence"_s))
        result = fullSync(true, runs, parallel, count, dir, inStep);
    if (result && only == u"no-change"_s) {
        // The no-change runs need a profile in step: one sync, not timed.
        if (const Result<EngineRun> e = runEngine(inStep, true); !e)
            result = e.error();
    }
    if (result && (only.isEmpty() || only == u"no-change"_s))
        result = noChange(inStep, runs, cycles);

    stopMarketplace(server);
    if (!result) {
        std::fprintf(stderr, "bench_sync: error: %s\n", qPrintable(result.error().message));
        return 1;
    }
    return 0;
}
