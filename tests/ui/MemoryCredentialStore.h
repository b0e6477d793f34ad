#pragma once

#include "sync/CredentialStore.h"

#include <QHash>

namespace assay::test {

// A CredentialStore in memory for the sign-in tests: what was written, by
// key. With `failure` set it refuses every write with that message, as the
// keychain does where no D-Bus session runs.
class MemoryCredentialStore : public CredentialStore
{
public:
    QHash<QString, QString> tokens;
    QString failure;
    int writes = 0;

    void read(const QString &server, std::function<void(QString, QString)> done) override
    {
        done(tokens.value(server), tokens.contains(server) ? QString() : QStringLiteral("no token stored"));
    }
    void write(const QString &server, const QString &token, std::function<void(QString)> done) override
    {
        ++writes;
        if (!failure.isEmpty()) {
            done(failure);
            return;
        }
        tokens.insert(server, token);
        done({});
    }
    void remove(const QString &server, std::function<void(QString)> done) override
    {
        tokens.remove(server);
        done({});
    }
    QString name() const override { return QStringLiteral("the test store"); }
};

} // namespace assay::test
