#pragma once

#include "sync/CredentialStore.h"

namespace assay {

// The OS keychain through QtKeychain (libsecret / KWallet on Linux, the
// Keychain on macOS, the Credential Store on Windows). One entry per server
// origin under the service "Assay".
class KeychainCredentialStore : public CredentialStore
{
public:
    void read(const QString &server, std::function<void(QString, QString)> done) override;
    void write(const QString &server, const QString &token, std::function<void(QString)> done) override;
    void remove(const QString &server, std::function<void(QString)> done) override;
    QString name() const override { return QStringLiteral("the system keychain"); }
};

} // namespace assay
