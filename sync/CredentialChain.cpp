#include "sync/CredentialChain.h"

#include "sync/KeychainCredentialStore.h"

#include <QStringList>

namespace assay {

namespace {

using Stores = std::vector<std::shared_ptr<CredentialStore>>;

void readFrom(Stores stores, size_t index, const QString &key, QStringList reasons,
              std::function<void(QString, QString)> done)
{
    if (index == stores.size()) {
        done(QString(), reasons.join(QStringLiteral("; ")));
        return;
    }
    const std::shared_ptr<CredentialStore> store = stores.at(index);
    store->read(key, [stores = std::move(stores), index, key, reasons = std::move(reasons),
                      done = std::move(done)](const QString &token, const QString &error) mutable {
        if (!token.isEmpty()) {
            done(token, QString());
            return;
        }
        reasons.append(error.isEmpty() ? QStringLiteral("%1 holds an empty token").arg(stores.at(index)->name()) : error);
        readFrom(std::move(stores), index + 1, key, std::move(reasons), std::move(done));
    });
}

} // namespace

CredentialChain::CredentialChain(std::vector<std::shared_ptr<CredentialStore>> stores)
    : m_stores(std::move(stores))
{
}

CredentialChain CredentialChain::standard()
{
    return CredentialChain({std::make_shared<EnvironmentCredentialStore>(), std::make_shared<KeychainCredentialStore>()});
}

void CredentialChain::read(const QUrl &server, std::function<void(QString, QString)> done) const
{
    readFrom(m_stores, 0, KeychainCredentialStore::keyFor(server), {}, std::move(done));
}

} // namespace assay
