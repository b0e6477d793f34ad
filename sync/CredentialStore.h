#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace assay {

// Where the bearer token lives: the OS keychain, or the environment
// (ASSAY_TOKEN) where no keychain runs. Never the profile, the settings or a
// log. Asynchronous because keychains are.
class CredentialStore
{
public:
    virtual ~CredentialStore() = default;

    // The token for `server`, or an empty string with a reason.
    virtual void read(const QString &server, std::function<void(QString token, QString error)> done) = 0;
    virtual void write(const QString &server, const QString &token, std::function<void(QString error)> done) = 0;
    virtual void remove(const QString &server, std::function<void(QString error)> done) = 0;
    virtual QString name() const = 0;
};

// ASSAY_TOKEN from the environment: read-only. Production reads it through
// CredentialChain::standard(), before the keychain.
class EnvironmentCredentialStore : public CredentialStore
{
public:
    void read(const QString &server, std::function<void(QString, QString)> done) override;
    void write(const QString &server, const QString &token, std::function<void(QString)> done) override;
    void remove(const QString &server, std::function<void(QString)> done) override;
    QString name() const override { return QStringLiteral("the ASSAY_TOKEN environment variable"); }
};

} // namespace assay
