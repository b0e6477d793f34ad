// How much work the reference marketplace gets through: seeding, then the
// change feed in pages of 500, submission details and evidence downloads,
// each as work per second (pages, items, details, files, bytes) with every
// failed request counted. A request fails on a network error, a status other
// than 200, a body that is not what was asked for (not JSON, a page without
// its items, evidence whose sha256 differs). Any failure makes the run fail:
// a figure with errors in it flatters.
//
// Each phase runs Rounds times; the median round is reported.
//
// Usage: bench_marketplace [SUBMISSIONS]   (default 10000)

#include "bench/BenchSupport.h"

#include <QCoreApplication>
#include <QCryptographicHash>
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

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

constexpr int Rounds = 3;
constexpr int DetailRequests = 500;
constexpr int EvidenceFiles = 200;

// One phase's work in one round.
struct Tally
{
    qint64 requests = 0;
    qint64 units = 0; // pages, details or files
    qint64 items = 0; // feed items (feed only)
    qint64 bytes = 0; // response bodies
    qint64 errors = 0;
    double seconds = 0;

    double perSecond(qint64 n) const { return seconds > 0 ? double(n) / seconds : 0; }
};

struct Fetched
{
    bool ok = false;
    QByteArray body;
};

// A blocking GET over the keep-alive connection, counted in `tally`.
Fetched get(QNetworkAccessManager &nam, const QUrl &url, const QByteArray &token, Tally &tally)
{
    QNetworkRequest req(url);
    req.setRawHeader("Authorization", "Bearer " + token);
    QNetworkReply *reply = nam.get(req);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Fetched f;
    f.body = reply->readAll();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    f.ok = reply->error() == QNetworkReply::NoError && status == 200;
    if (!f.ok) {
        std::fprintf(stderr, "bench: %s: %d %s\n", qPrintable(url.path()), status, qPrintable(reply->errorString()));
        ++tally.errors;
    }
    ++tally.requests;
    tally.bytes += f.body.size();
    reply->deleteLater();
    return f;
}

// A JSON object body, or an error counted.
std::optional<QJsonObject> object(const Fetched &f, Tally &tally)
{
    if (!f.ok)
        return std::nullopt;
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(f.body, &e);
    if (e.error != QJsonParseError::NoError || !doc.isObject()) {
        ++tally.errors;
        return std::nullopt;
    }
    return doc.object();
}

struct Feed
{
    QStringList ids;
    Tally tally;
};

Feed readFeed(QNetworkAccessManager &nam, const QUrl &base, const QByteArray &token)
{
    Feed feed;
    QElapsedTimer t;
    t.start();
    QString cursor;
    for (;;) {
        QUrlQuery q;
        q.addQueryItem(u"limit"_s, u"500"_s);
        if (!cursor.isEmpty())
            q.addQueryItem(u"since"_s, cursor);
        QUrl url = base;
        url.setPath(u"/api/v1/submissions"_s);
        url.setQuery(q);
        const auto page = object(get(nam, url, token, feed.tally), feed.tally);
        if (!page || !page->value(u"items"_s).isArray() || !page->value(u"next_cursor"_s).isString()) {
            if (page)
                ++feed.tally.errors;
            break; // without the cursor there is no next page
        }
        ++feed.tally.units;
        const QJsonArray items = page->value(u"items"_s).toArray();
        feed.tally.items += items.size();
        for (const QJsonValue &v : items)
            feed.ids.append(v.toObject().value(u"id"_s).toString());
        cursor = page->value(u"next_cursor"_s).toString();
        if (!page->value(u"has_more"_s).toBool())
            break;
    }
    feed.tally.seconds = double(t.nsecsElapsed()) / 1e9;
    return feed;
}

struct Evidence
{
    QString id;
    QString sha256;
};

Tally readDetails(QNetworkAccessManager &nam, const QUrl &base, const QByteArray &token, const QStringList &ids,
                  QList<Evidence> *evidence)
{
    Tally tally;
    QElapsedTimer t;
    t.start();
    const qsizetype n = std::min<qsizetype>(DetailRequests, ids.size());
    for (qsizetype i = 0; i < n; ++i) {
        QUrl url = base;
        // Spread over the whole store, not its first pages.
        url.setPath(u"/api/v1/submissions/"_s + ids.at((i * 7919) % ids.size()));
        const auto detail = object(get(nam, url, token, tally), tally);
        if (!detail)
            continue;
        const QJsonValue files = detail->value(u"evidence"_s);
        if (!files.isArray() || !detail->value(u"answers"_s).isArray()) {
            ++tally.errors;
            continue;
        }
        ++tally.units;
        for (const QJsonValue &e : files.toArray()) {
            if (evidence && evidence->size() < EvidenceFiles)
                evidence->append({e[u"id"_s].toString(), e[u"sha256"_s].toString()});
        }
    }
    tally.seconds = double(t.nsecsElapsed()) / 1e9;
    return tally;
}

Tally readEvidence(QNetworkAccessManager &nam, const QUrl &base, const QByteArray &token, const QList<Evidence> &files)
{
    Tally tally;
    QElapsedTimer t;
    t.start();
    for (const Evidence &e : files) {
        QUrl url = base;
        url.setPath(u"/api/v1/evidence/"_s + e.id);
        const Fetched f = get(nam, url, token, tally);
        if (!f.ok)
            continue;
        if (QString::fromLatin1(QCryptographicHash::hash(f.body, QCryptographicHash::Sha256).toHex()) != e.sha256) {
            ++tally.errors;
            continue;
        }
        ++tally.units;
    }
    tally.seconds = double(t.nsecsElapsed()) / 1e9;
    return tally;
}

// The round with the median duration.
Tally median(QList<Tally> rounds)
{
    std::sort(rounds.begin(), rounds.end(), [](const Tally &a, const Tally &b) { return a.seconds < b.seconds; });
    return rounds.at(rounds.size() / 2);
}

qint64 errorsIn(const QList<Tally> &rounds)
{
    qint64 n = 0;
    for (const Tally &t : rounds)
        n += t.errors;
    return n;
}

} // namespace

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
    std::printf("seeding: %d submissions in %.1f s (start to listening)  %8.0f submissions/s\n", count, seedSeconds,
                count / seedSeconds);

    QNetworkAccessManager nam;
    QList<Tally> feedRounds, detailRounds, evidenceRounds;
    QStringList ids;
    QList<Evidence> files;
    for (int round = 0; round < Rounds; ++round) {
        Feed feed = readFeed(nam, base, token);
        feedRounds.append(feed.tally);
        if (round == 0)
            ids = feed.ids;
        if (ids.isEmpty())
            break;
        detailRounds.append(readDetails(nam, base, token, ids, round == 0 ? &files : nullptr));
        evidenceRounds.append(readEvidence(nam, base, token, files));
    }
    assay::bench::stopMarketplace(server);

    if (ids.size() != count) {
        std::fprintf(stderr, "bench: the feed gave %lld submissions of %d\n", qint64(ids.size()), count);
        feedRounds.first().errors += 1;
    }
    const qint64 errors = errorsIn(feedRounds) + errorsIn(detailRounds) + errorsIn(evidenceRounds);
    if (!detailRounds.isEmpty()) {
        const Tally f = median(feedRounds);
        const Tally d = median(detailRounds);
        const Tally e = median(evidenceRounds);
        std::printf("median of %d rounds, one keep-alive connection, one request at a time:\n", Rounds);
        std::printf("feed:     %6lld pages of 500  %8.1f pages/s  %9.0f items/s  %7.1f MB/s  (%lld items in %.2f s)  errors %lld\n",
                    f.units, f.perSecond(f.units), f.perSecond(f.items), f.perSecond(f.bytes) / 1e6, f.items, f.seconds,
                    errorsIn(feedRounds));
        std::printf("details:  %6lld submissions  %8.1f details/s %8.1f MB/s  (%.2f s)  errors %lld\n", d.units,
                    d.perSecond(d.units), d.perSecond(d.bytes) / 1e6, d.seconds, errorsIn(detailRounds));
        std::printf("evidence: %6lld files        %8.1f files/s   %8.1f MB/s  (%.1f MB in %.2f s, sha256 checked)  errors %lld\n",
                    e.units, e.perSecond(e.units), e.perSecond(e.bytes) / 1e6, e.bytes / 1e6, e.seconds,
                    errorsIn(evidenceRounds));
    }
    if (errors > 0 || detailRounds.isEmpty()) {
        std::fprintf(stderr, "bench: %lld failed requests: these figures do not count\n", errors);
        return 1;
    }
    return 0;
}
