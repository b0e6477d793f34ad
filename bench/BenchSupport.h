#pragma once

// What the benchmarks share: a blocking GET over a keep-alive connection, and
// a reference marketplace process seeded for the run.

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

#include <cstdio>

namespace assay::bench {

inline QByteArray fetch(QNetworkAccessManager &nam, const QUrl &url, const QByteArray &token)
{
    QNetworkRequest req(url);
    req.setRawHeader("Authorization", "Bearer " + token);
    QNetworkReply *reply = nam.get(req);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QByteArray body = reply->readAll();
    if (reply->error() != QNetworkReply::NoError)
        std::fprintf(stderr, "bench: %s\n", qPrintable(reply->errorString()));
    reply->deleteLater();
    return body;
}

// Reads the whole change feed in pages of 500 (each page needs the cursor of
// the one before); returns the submission ids and counts the pages.
inline QStringList readFeed(QNetworkAccessManager &nam, const QUrl &base, const QByteArray &token, int *pages = nullptr)
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
        const QJsonObject page = QJsonDocument::fromJson(fetch(nam, url, token)).object();
        for (const QJsonValue &v : page.value(QStringLiteral("items")).toArray())
            ids.append(v.toObject().value(QStringLiteral("id")).toString());
        cursor = page.value(QStringLiteral("next_cursor")).toString();
        if (pages)
            *pages = n;
        if (!page.value(QStringLiteral("has_more")).toBool() || cursor.isEmpty())
            return ids;
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
