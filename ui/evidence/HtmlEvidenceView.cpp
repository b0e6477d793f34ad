#include "ui/evidence/HtmlEvidenceView.h"

#include "ui/evidence/EvidenceRequestInterceptor.h"
#include "ui/evidence/EvidenceScheme.h"
#include "ui/evidence/EvidenceSchemeHandler.h"
#include "ui/evidence/EvidenceWebLogging.h"
#include "ui/evidence/EvidenceWebPage.h"
#include "ui/evidence/EvidenceWebProfile.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QChildEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QStackedLayout>
#include <QTimer>
#include <QVBoxLayout>
#include <QWebEngineContextMenuRequest>
#include <QWebEngineView>

namespace assay {

namespace {
// A document that has not loaded by then is refused rather than waited for.
constexpr int LoadTimeoutMs = 20000;
// A loaded page that paints nothing new (it was painted before the load
// finished) is shown after this much at the latest.
constexpr int PaintGraceMs = 400;
// A hovered link is shown up to this many characters: partner URLs can be
// megabytes long.
constexpr int LinkShownChars = 300;
} // namespace

HtmlEvidenceView::HtmlEvidenceView(QWidget *parent)
    : QWidget(parent)
    , m_timeout(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *content = new QWidget(this);
    m_stack = new QStackedLayout(content);
    m_message = new QLabel(content);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setAccessibleName(tr("HTML evidence message"));
    m_stack->addWidget(m_message);
    layout->addWidget(content, 1);

    auto *statusRow = new QHBoxLayout;
    statusRow->setContentsMargins(4, 0, 4, 2);
    m_link = new QLabel(this);
    m_link->setTextFormat(Qt::PlainText);
    m_link->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_link->setAccessibleName(tr("Hovered link"));
    m_link->setToolTip(tr("Links in evidence are never followed: use Copy Link Address in the context menu."));
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setAccessibleName(tr("Blocked requests"));
    m_status->setToolTip(tr("Requests and navigations the document attempted and the viewer refused: evidence "
                            "never reaches the network, runs script or leaves the page."));
    statusRow->addWidget(m_link, 1);
    statusRow->addWidget(m_status);
    layout->addLayout(statusRow);

    m_timeout->setSingleShot(true);
    m_timeout->setInterval(LoadTimeoutMs);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        if (m_page)
            m_page->triggerAction(QWebEnginePage::Stop);
        fail(tr("The document did not finish loading in %Ln second(s); it is not shown.", nullptr,
                LoadTimeoutMs / 1000));
    });
    updateStatus();
}

HtmlEvidenceView::~HtmlEvidenceView()
{
    if (EvidenceSchemeHandler *handler = EvidenceWebProfile::schemeHandler(); handler && !m_token.isEmpty())
        handler->remove(m_token);
}

bool HtmlEvidenceView::canRender(const QString &mediaType)
{
    return mediaType == QLatin1String("text/html") || mediaType == QLatin1String("application/xhtml+xml")
        || mediaType == QLatin1String("image/svg+xml");
}

EvidenceWebPage *HtmlEvidenceView::page() const
{
    return m_page;
}

QWebEngineView *HtmlEvidenceView::webView() const
{
    return m_view;
}

QList<QUrl> HtmlEvidenceView::blockedRequests() const
{
    return m_interceptor ? m_interceptor->blocked() : QList<QUrl>();
}

int HtmlEvidenceView::blockedCount() const
{
    return (m_interceptor ? m_interceptor->blockedCount() : 0)
        + (m_page ? m_page->refusedNavigations() + m_page->refusedByPolicy() : 0);
}

void HtmlEvidenceView::open(const QString &path, const QString &mediaType)
{
    clear();
    if (!canRender(mediaType)) {
        fail(tr("Only HTML, XHTML and SVG are shown here."));
        return;
    }
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable()) {
        fail(tr("The evidence file cannot be read."));
        return;
    }
    // Chromium starts here, on the first HTML item, not with the window.
    const Result<QWebEngineProfile *> profile = EvidenceWebProfile::instance();
    if (!profile) {
        fail(profile.error().message);
        return;
    }
    m_token = EvidenceWebProfile::schemeHandler()->add(path, mediaType.toLatin1());
    m_document = EvidenceScheme::documentUrl(m_token);

    // A fresh page per document: its one accepted navigation, its own
    // record of blocked requests, nothing left over from the one before.
    m_view = new QWebEngineView(this);
    m_view->setAccessibleName(tr("HTML evidence"));
    m_view->setAcceptDrops(false);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_page = new EvidenceWebPage(*profile, m_view);
    m_interceptor = new EvidenceRequestInterceptor(m_page);
    m_interceptor->allowOnly(m_document);
    m_page->setUrlRequestInterceptor(m_interceptor);
    m_page->setDocument(m_document);
    m_view->setPage(m_page);
    m_view->installEventFilter(this);
    for (QWidget *child : m_view->findChildren<QWidget *>())
        child->installEventFilter(this);

    connect(m_view, &QWidget::customContextMenuRequested, this, &HtmlEvidenceView::showContextMenu);
    connect(m_page, &QWebEnginePage::loadFinished, this, &HtmlEvidenceView::onLoadFinished);
    connect(m_page, &QWebEnginePage::linkHovered, this, &HtmlEvidenceView::showLink);
    connect(m_interceptor, &EvidenceRequestInterceptor::requestBlocked, this, &HtmlEvidenceView::updateStatus);
    connect(m_page, &EvidenceWebPage::navigationRefused, this, &HtmlEvidenceView::updateStatus);
    connect(m_page, &EvidenceWebPage::refusedByPolicyChanged, this, &HtmlEvidenceView::updateStatus);
    connect(m_page, &QWebEnginePage::renderProcessTerminated, this,
            [this](QWebEnginePage::RenderProcessTerminationStatus status, int) {
                if (status != QWebEnginePage::NormalTerminationStatus)
                    fail(tr("The web engine stopped while showing this document; it is not shown."));
            });

    m_stack->addWidget(m_view);
    m_stack->setCurrentWidget(m_view);
    updateStatus();
    m_timeout->start();
    m_page->load(m_document);
}

void HtmlEvidenceView::clear()
{
    ++m_generation;
    dropPage();
    m_loaded = false;
    m_shown = false;
    m_message->clear();
    m_stack->setCurrentWidget(m_message);
    m_link->clear();
    updateStatus();
}

void HtmlEvidenceView::dropPage()
{
    m_timeout->stop();
    // The document is served no more, to anyone.
    if (EvidenceSchemeHandler *handler = EvidenceWebProfile::schemeHandler(); handler && !m_token.isEmpty())
        handler->remove(m_token);
    m_token.clear();
    m_document.clear();
    if (m_page)
        m_page->disconnect(this);
    if (m_interceptor)
        m_interceptor->disconnect(this);
    if (m_view) {
        m_view->disconnect(this);
        m_stack->removeWidget(m_view);
        m_view->hide();
        // Later: this may run inside one of the page's own signals.
        m_view->deleteLater();
    }
    m_view = nullptr;
    m_page = nullptr;
    m_interceptor = nullptr;
}

void HtmlEvidenceView::fail(const QString &message)
{
    dropPage();
    updateStatus();
    m_message->setText(message);
    m_stack->setCurrentWidget(m_message);
    // Reported from the event loop, as a load's outcome always is: a caller
    // connecting after open() returns still hears it, and an open() that
    // replaced this one silences it.
    const quint64 generation = m_generation;
    QTimer::singleShot(0, this, [this, generation, message] {
        if (generation == m_generation)
            Q_EMIT failed(message);
    });
}

void HtmlEvidenceView::onLoadFinished(bool ok)
{
    // Only the document's own load counts: a refused navigation afterwards
    // also ends in loadFinished(false).
    if (m_loaded || !m_timeout->isActive())
        return;
    m_timeout->stop();
    if (!ok) {
        fail(tr("The document could not be loaded; it is not shown."));
        return;
    }
    m_loaded = true;
    // shown() waits for the first paint after the load (a screenshot then
    // has the document), unless nothing will paint: a hidden view, or a page
    // already painted whole before the load ended.
    if (!m_view || !m_view->isVisible()) {
        emitShown();
        return;
    }
    const quint64 generation = m_generation;
    QTimer::singleShot(PaintGraceMs, this, [this, generation] {
        if (generation == m_generation)
            emitShown();
    });
}

void HtmlEvidenceView::emitShown()
{
    if (m_shown || !m_loaded)
        return;
    m_shown = true;
    qCDebug(lcEvidenceWeb) << "HTML evidence shown";
    const quint64 generation = m_generation;
    // After the paint being handled has finished.
    QTimer::singleShot(0, this, [this, generation] {
        if (generation == m_generation)
            Q_EMIT shown();
    });
}

bool HtmlEvidenceView::eventFilter(QObject *watched, QEvent *event)
{
    // The page is drawn by a child the web view makes when it first shows
    // (QtWebEngine's render widget): watch the paints of every child.
    if (m_view && event->type() == QEvent::ChildAdded) {
        if (auto *child = qobject_cast<QWidget *>(static_cast<QChildEvent *>(event)->child()))
            child->installEventFilter(this);
    } else if (m_view && m_loaded && !m_shown && event->type() == QEvent::Paint && watched != m_view) {
        emitShown();
    }
    return QWidget::eventFilter(watched, event);
}

void HtmlEvidenceView::showContextMenu(const QPoint &pos)
{
    if (!m_view || !m_page)
        return;
    const QWebEngineContextMenuRequest *request = m_view->lastContextMenuRequest();
    const QUrl link = request ? request->linkUrl() : QUrl();
    // The page is the actions' context: if it goes while the menu is open,
    // the actions do nothing.
    EvidenceWebPage *page = m_page;
    QMenu menu(this);
    QAction *copy = menu.addAction(tr("&Copy"), page, [page] { page->triggerAction(QWebEnginePage::Copy); });
    copy->setShortcut(QKeySequence::Copy);
    copy->setEnabled(request && !request->selectedText().isEmpty());
    QAction *selectAll =
        menu.addAction(tr("Select &All"), page, [page] { page->triggerAction(QWebEnginePage::SelectAll); });
    selectAll->setShortcut(QKeySequence::SelectAll);
    // The address as text, for the reviewer to look at elsewhere: the link
    // itself is never followed from here.
    QAction *copyLink = menu.addAction(tr("Copy &Link Address"), this, [link] {
        QApplication::clipboard()->setText(link.toString());
    });
    copyLink->setEnabled(link.isValid() && !link.isEmpty());
    menu.exec(m_view->mapToGlobal(pos));
}

void HtmlEvidenceView::showLink(const QString &url)
{
    if (url.isEmpty()) {
        m_link->clear();
        return;
    }
    QString shown = url.left(LinkShownChars);
    if (url.size() > LinkShownChars)
        shown += QChar(0x2026);
    m_link->setText(tr("Link (not followed): %1").arg(shown));
}

void HtmlEvidenceView::updateStatus()
{
    m_status->setText(tr("%Ln request(s) blocked", nullptr, blockedCount()));
    m_status->setVisible(m_view != nullptr);
}

} // namespace assay
