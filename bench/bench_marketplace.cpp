// How fast the reference marketplace seeds and serves: seeding 10,000
// submissions, and the change feed in pages of 500 against a floor measured
// in the same run (GET /me over the same keep-alive connection: the cost of a
// request that does no work).
//
// Usage: bench_marketplace [SUBMISSIONS]   (default 10000)

#include "bench/BenchSupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QUrlQuery>

#include <cstdio>

using namespace Qt::StringLiterals;


int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : 10000;
    QTemporaryDir dir;
    QProcess server;
    QElapsedTimer seedTimer;
    seedTimer.start();
    QUrl base;
    QByteArray token;
    if (!assay::bench::startMarketplace(server, dir.filePath(u"m.sqlite"_s), count, &base, &token))
        return 1;
    const double seedSeconds = seedTimer.elapsed() / 1000.0;
    std::printf("seeding %d submissions (start to listening): %.1f s\n", count, seedSeconds);

    QNetworkAccessManager nam;
    auto url = [&base](const QString &path, const QString &query = {}) {
        QUrl u = base;
        u.setPath(path);
        u.setQuery(query);
        return u;
    };
    // Warm up the connection.
    assay::bench::fetch(nam, url(u"/api/v1/me"_s), token);

    constexpr int FloorRequests = 300;
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < FloorRequests; ++i)
        assay::bench::fetch(nam, url(u"/api/v1/me"_s), token);
    const double meMs = double(t.nsecsElapsed()) / 1e6 / FloorRequests;

    int pages = 0;
    t.restart();
    const QStringList ids = assay::bench::readFeed(nam, base, token, &pages);
    const int items = int(ids.size());
    const double feedMs = double(t.nsecsElapsed()) / 1e6;
    const double pageMs = feedMs / pages;

    constexpr int DetailRequests = 500;
    t.restart();
    for (int i = 0; i < DetailRequests && i < ids.size(); ++i)
        assay::bench::fetch(nam, url(u"/api/v1/submissions/"_s + ids.at((i * 7919) % ids.size())), token);
    const double detailMs = double(t.nsecsElapsed()) / 1e6 / std::min<qsizetype>(DetailRequests, ids.size());

    std::printf("floor: GET /me            %8.3f ms/request  %8.0f requests/s\n", meMs, 1000.0 / meMs);
    std::printf("feed:  pages of 500       %8.3f ms/page     %8.0f requests/s  %8.0f items/s  (%.1fx the floor)\n",
                pageMs, 1000.0 / pageMs, items / (feedMs / 1000.0), pageMs / meMs);
    std::printf("       whole feed         %8.1f ms for %d items in %d pages\n", feedMs, items, pages);
    std::printf("detail: GET /submissions/{id} %5.3f ms/request %8.0f requests/s  (%.1fx the floor)\n", detailMs,
                1000.0 / detailMs, detailMs / meMs);
    server.terminate();
    server.waitForFinished(10000);
    return 0;
}
