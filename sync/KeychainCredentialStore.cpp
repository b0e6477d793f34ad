#include "sync/KeychainCredentialStore.h"

#include <qt6keychain/keychain.h>

namespace assay {

namespace {
const QString Service = QStringLiteral("Assay");
}

QString KeychainCredentialStore::unavailableReason()
{
#if defined(Q_OS_LINUX)
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return QStringLiteral("no keychain is available here (no D-Bus session)");
#endif
    return {};
}

QString KeychainCredentialStore::keyFor(const QUrl &server)
{
    return server.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo).toString();
}

void KeychainCredentialStore::read(const QString &server, std::function<void(QString, QString)> done)
{
    // Asked first, a job does not wait on a bus that is not there.
    if (const QString reason = unavailableReason(); !reason.isEmpty()) {
        done(QString(), reason);
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(Service);
    job->setKey(server);
    // Never fall back to storing the token unencrypted on disk.
    job->setInsecureFallback(false);
    QObject::connect(job, &QKeychain::Job::finished, [done](QKeychain::Job *j) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (read->error() == QKeychain::NoError)
            done(read->textData(), QString());
        else
            done(QString(), QStringLiteral("keychain: %1").arg(read->errorString()));
    });
    job->start();
}

void KeychainCredentialStore::write(const QString &server, const QString &token, std::function<void(QString)> done)
{
    if (const QString reason = unavailableReason(); !reason.isEmpty()) {
        done(reason);
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(Service);
    job->setKey(server);
    job->setInsecureFallback(false);
    job->setTextData(token);
    QObject::connect(job, &QKeychain::Job::finished, [done](QKeychain::Job *j) {
        done(j->error() == QKeychain::NoError ? QString() : QStringLiteral("keychain: %1").arg(j->errorString()));
    });
    job->start();
}

void KeychainCredentialStore::remove(const QString &server, std::function<void(QString)> done)
{
    if (const QString reason = unavailableReason(); !reason.isEmpty()) {
        done(reason);
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(Service);
    job->setKey(server);
    QObject::connect(job, &QKeychain::Job::finished, [done](QKeychain::Job *j) {
        done(j->error() == QKeychain::NoError ? QString() : QStringLiteral("keychain: %1").arg(j->errorString()));
    });
    job->start();
}

} // namespace assay
