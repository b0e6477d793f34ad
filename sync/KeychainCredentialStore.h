#pragma once

#include "sync/CredentialStore.h"

#include <QUrl>

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

    // Why no keychain can be reached here (on Linux: no D-Bus session, as in
    // CI or over plain ssh), or an empty string. read(), write() and remove()
    // answer with it at once rather than wait on a bus that is not there.
    static QString unavailableReason();
    // The entry's key for a marketplace: its origin (scheme, host, port).
    static QString keyFor(const QUrl &server);
};

} // namespace assay
