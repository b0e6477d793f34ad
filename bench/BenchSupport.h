#pragma once

// What the benchmarks share: a blocking GET over a keep-alive connection, a
// reference marketplace process seeded for the run, and the median and range
// of repeated measurements.
//
// A floor that fails must fail the benchmark: a refused request is fast, and
// a floor made of them flatters whatever is compared with it: these say why
// a request failed.

#include "domain/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>
#include <cstdio>

namespace assay::bench {

// Why a finished reply is not a success (a transport error, or a status
// other than 2xx); empty when it is one.
inline QString replyError(QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() == QNetworkReply::NoError && status >= 200 && status < 300)
        return {};
    return QStringLiteral("GET %1 failed: %2 (HTTP status %3)")
        .arg(reply->url().path(), reply->errorString())
        .arg(status);
}

// A blocking GET whose failure is returned, not printed.
inline Result<QByteArray> fetchChecked(QNetworkAccessManager &nam, const QUrl &url, const QByteArray &token)
{
    QNetworkRequest req(url);
    req.setRawHeader("Authorization", "Bearer " + token);
    QNetworkReply *reply = nam.get(req);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    if (const QString error = replyError(reply); !error.isEmpty())
        return Error{error};
    return reply->readAll();
}

// The whole change feed in pages of 500 (each page needs the cursor of the
// one before); a failed request or a page that is not the API's shape ends
// it with the reason.
inline Result<QStringList> readFeedChecked(QNetworkAccessManager &nam, const QUrl &base, const QByteArray &token,
                                           int *pages = nullptr)
{
    QStringList ids;
    QString cursor;
    for (int n = 1;; ++n) {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("limit"), QStringLiteral("500"));
        if (!cursor.isEmpty())
            q.addQueryItem(QStringLiteral("since"), cursor);
        QUrl url = base;
        url.setPath(QStringLiteral("/api/v1/submissions"));
        url.setQuery(q);
        const Result<QByteArray> body = fetchChecked(nam, url, token);
        if (!body)
            return body.error();
        const QJsonObject page = QJsonDocument::fromJson(*body).object();
        if (!page.value(QStringLiteral("items")).isArray())
            return Error{QStringLiteral("feed page %1 has no items").arg(n)};
        for (const QJsonValue &v : page.value(QStringLiteral("items")).toArray())
            ids.append(v.toObject().value(QStringLiteral("id")).toString());
        cursor = page.value(QStringLiteral("next_cursor")).toString();
        if (pages)
            *pages = n;
        if (!page.value(QStringLiteral("has_more")).toBool())
            return ids;
        if (cursor.isEmpty())
            return Error{QStringLiteral("feed page %1 says there is more but gives no cursor").arg(n)};
    }
}

// The median and range of repeated measurements. On a shared machine one
// run says little; the median of several, with its range, says how much.
struct Spread
{
    double median = 0;
    double min = 0;
    double max = 0;
    qsizetype count = 0;
};

inline Spread spreadOf(QList<double> values)
{
    Spread s;
    s.count = values.size();
    if (values.isEmpty())
        return s;
    std::sort(values.begin(), values.end());
    const qsizetype mid = values.size() / 2;
    s.median = values.size() % 2 ? values.at(mid) : (values.at(mid - 1) + values.at(mid)) / 2;
    s.min = values.first();
    s.max = values.last();
    return s;
}

// "12.3 ms (11.9–14.0, 3 runs)"
inline QString describe(const Spread &s, int decimals, const char *unit = "ms", const char *what = "runs")
{
    return QStringLiteral("%1 %2 (%3–%4, %5 %6)")
        .arg(s.median, 0, 'f', decimals)
        .arg(QLatin1String(unit))
        .arg(s.min, 0, 'f', decimals)
        .arg(s.max, 0, 'f', decimals)
        .arg(s.count)
        .arg(QLatin1String(what));
}

// Stops the marketplace a benchmark started: asked first, killed if it does
// not end within 10 s.
inline void stopMarketplace(QProcess &server)
{
    // waitForFinished() is false for a process that ended already.
    if (server.state() == QProcess::NotRunning)
        return;
    server.terminate();
    if (!server.waitForFinished(10000)) {
        server.kill();
        if (!server.waitForFinished(10000))
            std::fprintf(stderr, "bench: assay-marketplace did not end\n");
    }
}

// Starts assay-marketplace (next to the benchmark) with `count` seeded
// submissions in `db`; fills in its URL and a reviewer's token.
inline bool startMarketplace(QProcess &server, const QString &db, int count, QUrl *base, QByteArray *token)
{
    server.setProgram(QCoreApplication::applicationDirPath() + QStringLiteral("/assay-marketplace"));
    server.setArguments({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--db"), db,
                         QStringLiteral("--seed"), QString::number(count), QStringLiteral("--print-tokens"),
                         QStringLiteral("--quiet")});
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start();
    QByteArray out;
    while (out.count('\n') < 2 && server.waitForReadyRead(600000))
        out += server.readAllStandardOutput();
    const QList<QByteArray> lines = out.split('\n');
    if (lines.size() < 2 || !lines.at(0).startsWith("listening on ")) {
        std::fprintf(stderr, "bench: the server did not start\n");
        return false;
    }
    *base = QUrl(QString::fromUtf8(lines.at(0).mid(13)));
    *token = lines.at(1).split(' ').value(3);
    return true;
}

} // namespace assay::bench
