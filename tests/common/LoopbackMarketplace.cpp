#include "common/LoopbackMarketplace.h"

#include "server/Seeder.h"

#include <QElapsedTimer>
#include <QFile>

#include <memory>

namespace assay::test {

LoopbackMarketplace::LoopbackMarketplace(int seedCount, server::ApiServer::Options options, quint32 seed)
    : m_store(std::make_unique<server::ServerStore>())
{
    if (!m_store->open(storePath())) {
        m_error = m_store->errorString();
        return;
    }
    for (server::User u : server::Seeder::demoUsers()) {
        u.token = token(u.id);
        if (!m_store->addUser(u)) {
            m_error = m_store->errorString();
            return;
        }
    }
    if (const QString e = server::Seeder::seed(*m_store, seedCount, seed); !e.isEmpty()) {
        m_error = e;
        return;
    }
    restart(std::move(options));
}

QString LoopbackMarketplace::makeTemplate(const QString &path, int seedCount, quint32 seed)
{
    server::ServerStore store;
    if (!store.open(path))
        return store.errorString();
    for (server::User u : server::Seeder::demoUsers()) {
        u.token = token(u.id);
        if (!store.addUser(u))
            return store.errorString();
    }
    return server::Seeder::seed(store, seedCount, seed);
}

LoopbackMarketplace::LoopbackMarketplace(const QString &templateStore, server::ApiServer::Options options)
    : m_store(std::make_unique<server::ServerStore>())
{
    if (!QFile::copy(templateStore, storePath())) {
        m_error = QStringLiteral("cannot copy %1").arg(templateStore);
        return;
    }
    if (!m_store->open(storePath())) {
        m_error = m_store->errorString();
        return;
    }
    restart(std::move(options));
}

std::function<QDateTime()> LoopbackMarketplace::anchoredClock()
{
    auto started = std::make_shared<QElapsedTimer>();
    started->start();
    return [started] { return server::Seeder::anchor().addMSecs(started->elapsed()); };
}

bool LoopbackMarketplace::restart(server::ApiServer::Options options)
{
    m_server.reset();
    m_server = std::make_unique<server::ApiServer>(m_store.get(), std::move(options));
    m_error = m_server->listen(QHostAddress::LocalHost, 0);
    return m_error.isEmpty();
}

} // namespace assay::test
