#pragma once

#include "sync/CredentialStore.h"

#include <QUrl>

#include <memory>
#include <vector>

namespace assay {

// Where production finds the bearer token: the first of its stores that has
// one. standard() is the one place the order is written — ASSAY_TOKEN first
// (CI, ssh, a one-off run), then the system keychain (assay login) — and the
// command line and the workstation both read through it.
class CredentialChain
{
public:
    explicit CredentialChain(std::vector<std::shared_ptr<CredentialStore>> stores);

    // The environment (EnvironmentCredentialStore), then the system keychain
    // (KeychainCredentialStore).
    static CredentialChain standard();

    // The first token a store has for `server` (its origin is the key); or
    // an empty token and every store's reason for having none. Answers
    // asynchronously when a store does (the keychain).
    void read(const QUrl &server, std::function<void(QString token, QString error)> done) const;

private:
    std::vector<std::shared_ptr<CredentialStore>> m_stores;
};

} // namespace assay
