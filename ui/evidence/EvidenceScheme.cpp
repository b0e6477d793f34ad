#include "ui/evidence/EvidenceScheme.h"

#include <QWebEngineUrlScheme>

namespace assay::EvidenceScheme {

QByteArray name()
{
    return QByteArrayLiteral("assay-evidence");
}

namespace {
constexpr char FlagsVariable[] = "QTWEBENGINE_CHROMIUM_FLAGS";
} // namespace

QByteArray networkFlags()
{
    // Quoted: QtWebEngine splits the variable on spaces outside quotes.
    return QByteArrayLiteral(R"(--host-resolver-rules="MAP * ~NOTFOUND")");
}

bool isNetworkClosed()
{
    return qgetenv(FlagsVariable).contains(networkFlags());
}

void registerScheme()
{
    // Read by QtWebEngine when it starts (the first profile): appended last,
    // so it wins over a rule given earlier in the variable.
    if (!isNetworkClosed()) {
        QByteArray flags = qgetenv(FlagsVariable).trimmed();
        if (!flags.isEmpty())
            flags += ' ';
        flags += networkFlags();
        qputenv(FlagsVariable, flags);
    }
    // A DevTools port would be a way into the evidence pages from any
    // local process: the viewer never opens one, whatever the environment says.
    qunsetenv("QTWEBENGINE_REMOTE_DEBUGGING");
    if (isRegistered())
        return;
    QWebEngineUrlScheme scheme(name());
    // Path syntax: no host to resolve, nothing that looks like a network origin.
    scheme.setSyntax(QWebEngineUrlScheme::Syntax::Path);
    // NoAccessAllowed: a unique opaque origin per document, so a document can
    // reach no other one. SecureScheme: Chromium's mixed-content blocking
    // treats every http: sub-resource as forbidden too, one more layer under
    // the CSP and the interceptor. Never LocalAccessAllowed (file: access),
    // never ContentSecurityPolicyIgnored, never CorsEnabled or FetchApiAllowed.
    scheme.setFlags(QWebEngineUrlScheme::NoAccessAllowed | QWebEngineUrlScheme::SecureScheme);
    QWebEngineUrlScheme::registerScheme(scheme);
}

bool isRegistered()
{
    return QWebEngineUrlScheme::schemeByName(name()).name() == name();
}

QUrl documentUrl(const QString &token)
{
    QUrl url;
    url.setScheme(QString::fromLatin1(name()));
    url.setPath(QLatin1Char('/') + token);
    return url;
}

} // namespace assay::EvidenceScheme
