// Full sync of N seeded submissions (default 10,000) against a local
// assay-marketplace, as a ratio to a floor measured in the same run: a
// minimal client that fetches the same feed pages, details and evidence over
// keep-alive, as many at a time as the engine, and throws them away. Also a
// no-change sync against one GET /me.
//
// Usage: bench_sync [SUBMISSIONS]

#include "bench/BenchSupport.h"
#include "models/Cache.h"
#include "sync/SyncEngine.h"

#include <QCoreApplication>
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
#include <QUrlQuery>

#include <cstdio>
#include <functional>

using namespace assay;
using namespace Qt::StringLiterals;

namespace {
QUrl g_base;
QByteArray g_token;

QUrl url(const QString &path, const QString &query = {})
{
    QUrl u = g_base;
    u.setPath(path);
    u.setQuery(query);
    return u;
}

QNetworkReply *get(QNetworkAccessManager &nam, const QUrl &u)
{
    QNetworkRequest req(u);
    req.setRawHeader("Authorization", "Bearer " + g_token);
    return nam.get(req);
}

QByteArray fetch(QNetworkAccessManager &nam, const QUrl &u)
{
    return assay::bench::fetch(nam, u, g_token);
}

// Fetches every URL, `parallel` at a time. Bodies are thrown away, or handed
// whole to `keep` when one is given.
void fetchAll(QNetworkAccessManager &nam, const QList<QUrl> &urls, int parallel,
              const std::function<void(const QByteArray &)> &keep = {})
{
    qsizetype next = 0;
    int running = 0;
    QEventLoop loop;
    std::function<void()> pump = [&] {
        while (running < parallel && next < urls.size()) {
            QNetworkReply *r = get(nam, urls.at(next++));
            ++running;
            if (!keep)
                QObject::connect(r, &QNetworkReply::readyRead, r, [r] { r->readAll(); });
            QObject::connect(r, &QNetworkReply::finished, r, [&, r] {
                const QByteArray body = r->readAll();
                if (keep)
                    keep(body);
                r->deleteLater();
                --running;
                pump();
                if (running == 0 && next >= urls.size())
                    loop.quit();
            });
        }
    };
    pump();
    if (running > 0)
        loop.exec();
}

// The floor: feed pages (sequential: each needs the previous cursor), then
// details and evidence like the engine.
double floorMs(bool evidence, int parallel, int *items)
{
    QNetworkAccessManager nam;
    QElapsedTimer t;
    t.start();
    const QStringList ids = assay::bench::readFeed(nam, g_base, g_token);
    *items = int(ids.size());
    QList<QUrl> details;
    for (const QString &id : std::as_const(ids))
        details.append(url(u"/api/v1/submissions/"_s + id));
    if (!evidence) {
        fetchAll(nam, details, parallel);
        return double(t.nsecsElapsed()) / 1e6;
    }
    // With evidence, the floor needs the details' evidence lists: it reads
    // them from the details, fetched as many at a time as the engine does.
    QSet<QString> seen;
    QList<QUrl> blobs;
    fetchAll(nam, details, parallel, [&](const QByteArray &body) {
        const QJsonObject s = QJsonDocument::fromJson(body).object();
        for (const QJsonValue &e : s.value(u"evidence"_s).toArray()) {
            const QJsonObject o = e.toObject();
            if (!seen.contains(o.value(u"sha256"_s).toString())) {
                seen.insert(o.value(u"sha256"_s).toString());
                blobs.append(url(u"/api/v1/evidence/"_s + o.value(u"id"_s).toString()));
            }
        }
    });
    fetchAll(nam, blobs, parallel);
    return double(t.nsecsElapsed()) / 1e6;
}

SyncEngine::Report runEngine(const QString &profile, bool evidence)
{
    SyncEngine::Options o;
    o.server = g_base;
    o.token = QString::fromUtf8(g_token);
    o.profileDir = profile;
    o.evidence = evidence;
    SyncEngine engine(o);
    return engine.runOnce();
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : 10000;
    QTemporaryDir dir;
    QProcess server;
    if (!assay::bench::startMarketplace(server, dir.filePath(u"m.sqlite"_s), count, &g_base, &g_token))
        return 1;
    const int parallel = SyncEngine::Options().parallel;

    int items = 0;
    const double floorMeta = floorMs(false, parallel, &items);
    QElapsedTimer t;
    t.start();
    const auto meta = runEngine(dir.filePath(u"profile-meta"_s), false);
    const double engineMeta = double(t.nsecsElapsed()) / 1e6;
    std::printf("metadata, %d submissions: floor %.0f ms, sync %.0f ms  -> %.2fx the floor (%s)\n", items, floorMeta,
                engineMeta, engineMeta / floorMeta, meta.inStep ? "in step" : qPrintable(meta.error));

    const double floorAll = floorMs(true, parallel, &items);
    t.restart();
    const auto all = runEngine(dir.filePath(u"profile-all"_s), true);
    const double engineAll = double(t.nsecsElapsed()) / 1e6;
    std::printf("with evidence (%d files, %.1f MiB): floor %.0f ms, sync %.0f ms  -> %.2fx the floor (%s)\n",
                all.evidenceDownloaded, double(all.bytes) / 1048576.0, floorAll, engineAll, engineAll / floorAll,
                all.inStep ? "in step" : qPrintable(all.error));

    QNetworkAccessManager nam;
    fetch(nam, url(u"/api/v1/me"_s));
    t.restart();
    for (int i = 0; i < 50; ++i)
        fetch(nam, url(u"/api/v1/me"_s));
    const double meMs = double(t.nsecsElapsed()) / 1e6 / 50;
    // Cold: a fresh engine opens the cache, starts its threads and connects,
    // as `assay sync` does. Warm: the same engine's next cycle, as the
    // workstation runs it every few minutes.
    SyncEngine::Options o;
    o.server = g_base;
    o.token = QString::fromUtf8(g_token);
    o.profileDir = dir.filePath(u"profile-all"_s);
    SyncEngine engine(o);
    t.restart();
    const auto cold = engine.runOnce();
    const double coldMs = double(t.nsecsElapsed()) / 1e6;
    t.restart();
    const int cycles = 20;
    SyncEngine::Report warm;
    for (int i = 0; i < cycles && (i == 0 || warm.inStep); ++i)
        warm = engine.runOnce();
    const double warmMs = double(t.nsecsElapsed()) / 1e6 / cycles;
    std::printf("no-change sync: cold %.1f ms, warm %.2f ms vs one GET /me %.2f ms  -> %.1fx, %.1fx (%s)\n", coldMs, warmMs,
                meMs, coldMs / meMs, warmMs / meMs,
                cold.inStep && warm.inStep ? "in step" : qPrintable(cold.inStep ? warm.error : cold.error));
    server.terminate();
    server.waitForFinished(10000);
    return 0;
}
