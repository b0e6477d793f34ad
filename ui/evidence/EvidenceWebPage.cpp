#include "ui/evidence/EvidenceWebPage.h"

#include "ui/evidence/EvidenceWebLogging.h"

#include <QAuthenticator>
#include <QWebEngineCertificateError>
#include <QWebEngineClientCertificateSelection>
#include <QWebEngineDesktopMediaRequest>
#include <QWebEngineFileSystemAccessRequest>
#include <QWebEngineFullScreenRequest>
#include <QWebEngineNewWindowRequest>
#include <QWebEnginePermission>
#include <QWebEngineRegisterProtocolHandlerRequest>
#include <QWebEngineWebAuthUxRequest>

namespace assay {

EvidenceWebPage::EvidenceWebPage(QWebEngineProfile *profile, QObject *parent)
    : QWebEnginePage(profile, parent)
{
    // Nothing a document asks for is granted. Most of these cannot even be
    // asked for without script; they are denied here so that a setting that
    // changes one day does not open them.
    connect(this, &QWebEnginePage::permissionRequested, this, [](const QWebEnginePermission &permission) {
        permission.deny();
    });
    connect(this, &QWebEnginePage::fullScreenRequested, this,
            [](QWebEngineFullScreenRequest request) { request.reject(); });
    connect(this, &QWebEnginePage::fileSystemAccessRequested, this,
            [](QWebEngineFileSystemAccessRequest request) { request.reject(); });
    connect(this, &QWebEnginePage::registerProtocolHandlerRequested, this,
            [](QWebEngineRegisterProtocolHandlerRequest request) { request.reject(); });
    connect(this, &QWebEnginePage::selectClientCertificate, this,
            [](QWebEngineClientCertificateSelection selection) { selection.selectNone(); });
    connect(this, &QWebEnginePage::certificateError, this,
            [](QWebEngineCertificateError error) { error.rejectCertificate(); });
    connect(this, &QWebEnginePage::desktopMediaRequested, this,
            [](const QWebEngineDesktopMediaRequest &request) { request.cancel(); });
    connect(this, &QWebEnginePage::webAuthUxRequested, this,
            [](QWebEngineWebAuthUxRequest *request) { request->cancel(); });
    // A null authenticator cancels the login instead of asking anyone.
    connect(this, &QWebEnginePage::authenticationRequired, this,
            [](const QUrl &, QAuthenticator *authenticator) { *authenticator = QAuthenticator(); });
    connect(this, &QWebEnginePage::proxyAuthenticationRequired, this,
            [](const QUrl &, QAuthenticator *authenticator, const QString &) { *authenticator = QAuthenticator(); });
    connect(this, &QWebEnginePage::newWindowRequested, this, [this](QWebEngineNewWindowRequest &) {
        ++m_refused;
        Q_EMIT navigationRefused(m_refused);
    });
}

void EvidenceWebPage::setDocument(const QUrl &document)
{
    m_document = document;
    m_navigated = false;
}

bool EvidenceWebPage::acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame)
{
    // The first navigation, to the document, in the main frame, started by
    // Assay (typed): accepted once. Everything after it — links, refreshes,
    // forms, frames of any kind, reloads, back/forward — is refused. Links
    // are for copying, not following.
    if (!m_navigated && isMainFrame && type == NavigationTypeTyped && !m_document.isEmpty()
        && url.adjusted(QUrl::RemoveFragment) == m_document) {
        m_navigated = true;
        return true;
    }
    ++m_refused;
    qCDebug(lcEvidenceWeb) << "refused a navigation of type" << int(type) << "main frame" << isMainFrame
                           << "; refused so far:" << m_refused;
    Q_EMIT navigationRefused(m_refused);
    return false;
}

QWebEnginePage *EvidenceWebPage::createWindow(WebWindowType)
{
    return nullptr;
}

QStringList EvidenceWebPage::chooseFiles(FileSelectionMode, const QStringList &, const QStringList &)
{
    return {};
}

// No dialog of the document's is ever shown (the default opens a message box
// with the document's text); they are only counted.
void EvidenceWebPage::javaScriptAlert(const QUrl &, const QString &)
{
    ++m_scriptDialogs;
}

bool EvidenceWebPage::javaScriptConfirm(const QUrl &, const QString &)
{
    ++m_scriptDialogs;
    return false;
}

bool EvidenceWebPage::javaScriptPrompt(const QUrl &, const QString &, const QString &, QString *)
{
    ++m_scriptDialogs;
    return false;
}

void EvidenceWebPage::javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level, const QString &message, int,
                                               const QString &)
{
    // The default writes the message to the log, and it quotes the partner's
    // URLs: only counted here, never logged.
    if (level == ErrorMessageLevel
        && (message.startsWith(QLatin1String("Refused to")) || message.startsWith(QLatin1String("Blocked ")))) {
        ++m_refusedByPolicy;
        Q_EMIT refusedByPolicyChanged(m_refusedByPolicy);
    }
}

} // namespace assay
