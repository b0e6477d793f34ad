#pragma once

#include <QList>
#include <QUrl>
#include <QWidget>

class QLabel;
class QStackedLayout;
class QTimer;
class QWebEngineView;

namespace assay {

class EvidenceRequestInterceptor;
class EvidenceWebPage;

// HTML, XHTML and SVG evidence, rendered by QtWebEngine without ever running
// the partner's script, reaching the network or navigating: an off-the-record
// profile with JavaScript off (EvidenceWebProfile), the file served only
// through the assay-evidence scheme with a strict Content-Security-Policy
// (EvidenceSchemeHandler), every other request blocked and counted
// (EvidenceRequestInterceptor), every navigation after the first load refused
// (EvidenceWebPage). Links are shown when hovered and can be copied, never
// followed. Each document gets a fresh page, so nothing of one is left for
// the next.
class HtmlEvidenceView : public QWidget
{
    Q_OBJECT

public:
    explicit HtmlEvidenceView(QWidget *parent = nullptr); // creates the WebEngine profile lazily (first open)
    ~HtmlEvidenceView() override;

    // text/html, application/xhtml+xml or image/svg+xml (the detected type:
    // the document is served as that). Returns at once; shown() or failed()
    // follows.
    void open(const QString &path, const QString &mediaType);
    void clear();
    // Every request the interceptor blocked since open() (for tests and the
    // UI's "N requests blocked").
    QList<QUrl> blockedRequests() const;
    // What the "N requests blocked" line counts: the blocked requests, the
    // refused navigations and what the engine refused under the policy.
    int blockedCount() const;

    // The page of the open document (nullptr before open() and after
    // clear()), for tests that read the DOM back in an isolated world.
    EvidenceWebPage *page() const;
    // The widget the page is drawn in (nullptr when none).
    QWebEngineView *webView() const;
    // The media types open() renders.
    static bool canRender(const QString &mediaType);

Q_SIGNALS:
    void shown();                          // loaded and painted
    void failed(const QString &message);   // e.g. Chromium cannot run (root without the sandbox override)

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fail(const QString &message);
    void dropPage();
    void onLoadFinished(bool ok);
    void emitShown();
    void showLink(const QString &url);
    void showContextMenu(const QPoint &pos);
    void updateStatus();

    QStackedLayout *m_stack = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_link = nullptr;
    // The view of the open document, its page (a child of the view) and the
    // page's interceptor (a child of the page): made by open(), dropped
    // (deleteLater) and nulled by clear() and fail().
    QWebEngineView *m_view = nullptr;
    EvidenceWebPage *m_page = nullptr;
    EvidenceRequestInterceptor *m_interceptor = nullptr;
    QTimer *m_timeout = nullptr;
    QUrl m_document;
    QString m_token;
    quint64 m_generation = 0;
    bool m_loaded = false;
    bool m_shown = false;
};

} // namespace assay
