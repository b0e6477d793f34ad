#include "app/DemoMarketplace.h"

#include "server/ApiServer.h"
#include "server/Seeder.h"
#include "server/ServerStore.h"

#include <QTemporaryDir>

namespace assay {

namespace {
// Lives in the server thread and owns everything there.
class DemoWorker : public QObject
{
    Q_OBJECT
public:
    explicit DemoWorker(int submissions)
        : m_submissions(submissions)
    {
    }

    void run()
    {
        if (!m_dir.isValid() || !m_store.open(m_dir.filePath(QStringLiteral("demo-marketplace.sqlite")))) {
            Q_EMIT failed(QStringLiteral("the demo marketplace could not create its store: %1").arg(m_store.errorString()));
            return;
        }
        QString token;
        for (const server::User &u : server::Seeder::demoUsers()) {
            m_store.addUser(u);
            if (u.id == QLatin1String("u_alice"))
                token = u.token;
        }
        if (const QString error = server::Seeder::seed(m_store, m_submissions, 1); !error.isEmpty()) {
            Q_EMIT failed(QStringLiteral("seeding the demo failed: %1").arg(error));
            return;
        }
        server::ApiServer::Options options;
        options.logRequests = false;
        m_server = std::make_unique<server::ApiServer>(&m_store, options);
        if (const QString error = m_server->listen(QHostAddress::LocalHost, 0); !error.isEmpty()) {
            Q_EMIT failed(error);
            return;
        }
        Q_EMIT ready(m_server->baseUrl(), token);
    }

Q_SIGNALS:
    void ready(const QUrl &url, const QString &token);
    void failed(const QString &error);

private:
    int m_submissions;
    QTemporaryDir m_dir;
    server::ServerStore m_store;
    std::unique_ptr<server::ApiServer> m_server;
};
} // namespace

DemoMarketplace::DemoMarketplace(int submissions, QObject *parent)
    : QObject(parent)
    , m_submissions(submissions)
{
    m_thread.setObjectName(QStringLiteral("demo marketplace"));
}

DemoMarketplace::~DemoMarketplace()
{
    m_thread.quit();
    m_thread.wait();
}

void DemoMarketplace::start()
{
    auto *worker = new DemoWorker(m_submissions);
    worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &DemoWorker::ready, this, &DemoMarketplace::ready);
    connect(worker, &DemoWorker::failed, this, &DemoMarketplace::failed);
    m_thread.start();
    QMetaObject::invokeMethod(worker, &DemoWorker::run, Qt::QueuedConnection);
}

} // namespace assay

#include "DemoMarketplace.moc"
