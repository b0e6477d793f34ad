#pragma once

// What the benchmarks share: a blocking GET over a keep-alive connection, and
// a reference marketplace process seeded for the run.

#include <QByteArray>
#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QUrl>

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
