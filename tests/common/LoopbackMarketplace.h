#pragma once

#include "server/ApiServer.h"
#include "server/ServerStore.h"

#include <QHash>
#include <QTemporaryDir>

#include <memory>

namespace assay::test {

// The reference marketplace running in the test's process on a free loopback
// port, over a fresh store in a temporary folder: real HTTP, real SQLite.
// Users are the built-in demo users, with tokens "t-<user id>".
class LoopbackMarketplace
{
public:
    explicit LoopbackMarketplace(int seedCount = 30, server::ApiServer::Options options = quietOptions(),
                                 quint32 seed = 7);
    // A marketplace over a copy of a store made once by makeTemplate():
    // seeding (drawing PDFs and screenshots) is done once per test binary,
    // not once per test function.
    LoopbackMarketplace(const QString &templateStore, server::ApiServer::Options options);
    // Writes a seeded store (demo users with "t-<id>" tokens) to `path`.
    static QString makeTemplate(const QString &path, int seedCount, quint32 seed = 7);

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QUrl url() const { return m_server ? m_server->baseUrl() : QUrl(); }
    server::ServerStore &store() { return *m_store; }
    server::ApiServer &api() { return *m_server; }
    QString storePath() const { return m_dir.filePath(QStringLiteral("marketplace.sqlite")); }
    static QString token(const QString &userId) { return QStringLiteral("t-") + userId; }

    // Stops serving and serves the same store again on a new port, as a
    // restarted server would.
    bool restart(server::ApiServer::Options options = quietOptions());
    // Stops serving (the port is closed: clients see "connection refused").
    void stop() { m_server.reset(); }

    static server::ApiServer::Options quietOptions()
    {
        server::ApiServer::Options o;
        o.logRequests = false;
        o.clock = anchoredClock();
        return o;
    }
    // The seeding anchor (Seeder::anchor()), moving on with real time from
    // when it is made: the seeded dates (badges due for re-validation, locks)
    // stand the same on whatever day the tests run, and writes still get
    // increasing times.
    static std::function<QDateTime()> anchoredClock();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<server::ServerStore> m_store;
    std::unique_ptr<server::ApiServer> m_server;
    QString m_error;
};

} // namespace assay::test
