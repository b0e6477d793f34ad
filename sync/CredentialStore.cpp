#include "sync/CredentialStore.h"

namespace assay {

void EnvironmentCredentialStore::read(const QString &, std::function<void(QString, QString)> done)
{
    const QString token = qEnvironmentVariable("ASSAY_TOKEN").trimmed();
    done(token, token.isEmpty() ? QStringLiteral("ASSAY_TOKEN is not set") : QString());
}

void EnvironmentCredentialStore::write(const QString &, const QString &, std::function<void(QString)> done)
{
    done(QStringLiteral("the environment cannot store a token; set ASSAY_TOKEN"));
}

void EnvironmentCredentialStore::remove(const QString &, std::function<void(QString)> done)
{
    done(QStringLiteral("the environment cannot forget a token; unset ASSAY_TOKEN"));
}

} // namespace assay
