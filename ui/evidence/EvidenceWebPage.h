#pragma once

#include <QUrl>
#include <QWebEnginePage>

namespace assay {

// The page partner documents are shown in: it loads one document, once, and
// then nothing else. Every later navigation (a link, a meta refresh, a form,
// a frame, a reload) is refused; no new windows; every permission, full
// screen, file system, protocol handler, client certificate and login request
// denied; certificate errors rejected; nothing of the page's console reaches
// the log.
class EvidenceWebPage : public QWebEnginePage
{
    Q_OBJECT

public:
    explicit EvidenceWebPage(QWebEngineProfile *profile, QObject *parent = nullptr);

    // The one URL the page may navigate to, once.
    void setDocument(const QUrl &document);
    // Navigations (and new windows) refused by this page.
    int refusedNavigations() const { return m_refused; }
    // Loads, scripts, frames, forms and the like the engine itself refused
    // under the document's Content-Security-Policy and sandbox, as it
    // reports them on the page's console (which only the engine can write
    // to: the document's script never runs).
    int refusedByPolicy() const { return m_refusedByPolicy; }
    // alert(), confirm() and prompt() calls that reached the page: none can,
    // as no script of the document runs; the tests watch it as a second
    // channel for payloads that only call alert(1). Never shown.
    int scriptDialogs() const { return m_scriptDialogs; }

Q_SIGNALS:
    void navigationRefused(int count);
    void refusedByPolicyChanged(int count);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage *createWindow(WebWindowType type) override;
    QStringList chooseFiles(FileSelectionMode mode, const QStringList &oldFiles,
                            const QStringList &acceptedMimeTypes) override;
    void javaScriptAlert(const QUrl &securityOrigin, const QString &msg) override;
    bool javaScriptConfirm(const QUrl &securityOrigin, const QString &msg) override;
    bool javaScriptPrompt(const QUrl &securityOrigin, const QString &msg, const QString &defaultValue,
                          QString *result) override;
    void javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level, const QString &message, int lineNumber,
                                  const QString &sourceID) override;

private:
    QUrl m_document;
    bool m_navigated = false;
    int m_refused = 0;
    int m_refusedByPolicy = 0;
    int m_scriptDialogs = 0;
};

} // namespace assay
