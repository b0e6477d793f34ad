#include "ui/evidence/PdfEvidenceView.h"

#include <QAction>
#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPdfDocument>
#include <QPdfPageNavigator>
#include <QPdfView>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace assay {

namespace {
constexpr qreal MinZoom = 0.1;
constexpr qreal MaxZoom = 8.0;
constexpr qreal ZoomStep = 1.25;

// QPdfView jumps to a link's destination on a click. Evidence links are shown
// (the cursor still says there is one), never followed.
class NoLinkPdfView : public QPdfView
{
public:
    using QPdfView::QPdfView;

protected:
    void mouseReleaseEvent(QMouseEvent *event) override { event->accept(); }
};

QToolButton *buttonFor(QAction *action)
{
    auto *button = new QToolButton;
    button->setDefaultAction(action);
    button->setAutoRaise(true);
    return button;
}

// A tooltip that names the action and its shortcut.
void describe(QAction *action, const QString &text, const QKeySequence &key)
{
    action->setShortcut(key);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    action->setToolTip(QStringLiteral("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText)));
}
} // namespace

PdfEvidenceView::PdfEvidenceView(QWidget *parent)
    : QWidget(parent)
    , m_document(new QPdfDocument(this))
    , m_view(new NoLinkPdfView)
    , m_page(new QSpinBox)
    , m_pages(new QLabel)
    , m_previous(new QAction(tr("Previous page"), this))
    , m_next(new QAction(tr("Next page"), this))
    , m_zoomIn(new QAction(tr("Zoom in"), this))
    , m_zoomOut(new QAction(tr("Zoom out"), this))
    , m_fitWidth(new QAction(tr("Fit width"), this))
{
    setObjectName(QStringLiteral("PdfEvidenceView"));
    setAccessibleName(tr("PDF evidence"));
    m_view->setObjectName(QStringLiteral("PdfView"));
    m_view->setAccessibleName(tr("PDF pages"));
    m_view->setPageMode(QPdfView::PageMode::MultiPage);
    m_view->setZoomMode(QPdfView::ZoomMode::FitToWidth);
    m_view->setDocument(m_document);

    m_previous->setObjectName(QStringLiteral("pdfPreviousPage"));
    m_next->setObjectName(QStringLiteral("pdfNextPage"));
    m_zoomIn->setObjectName(QStringLiteral("pdfZoomIn"));
    m_zoomOut->setObjectName(QStringLiteral("pdfZoomOut"));
    m_fitWidth->setObjectName(QStringLiteral("pdfFitWidth"));
    describe(m_previous, tr("Previous page"), QKeySequence(Qt::CTRL | Qt::Key_PageUp));
    describe(m_next, tr("Next page"), QKeySequence(Qt::CTRL | Qt::Key_PageDown));
    describe(m_zoomIn, tr("Zoom in"), QKeySequence(QKeySequence::ZoomIn));
    describe(m_zoomOut, tr("Zoom out"), QKeySequence(QKeySequence::ZoomOut));
    describe(m_fitWidth, tr("Fit width"), QKeySequence(Qt::CTRL | Qt::Key_0));
    m_fitWidth->setCheckable(true);
    for (QAction *a : {m_previous, m_next, m_zoomIn, m_zoomOut, m_fitWidth})
        addAction(a);
    connect(m_previous, &QAction::triggered, this, [this] { goToPage(currentPage() - 1); });
    connect(m_next, &QAction::triggered, this, [this] { goToPage(currentPage() + 1); });
    connect(m_zoomIn, &QAction::triggered, this, &PdfEvidenceView::zoomIn);
    connect(m_zoomOut, &QAction::triggered, this, &PdfEvidenceView::zoomOut);
    connect(m_fitWidth, &QAction::triggered, this, &PdfEvidenceView::fitWidth);

    m_page->setObjectName(QStringLiteral("pdfPage"));
    m_page->setAccessibleName(tr("Page"));
    m_page->setToolTip(tr("Go to page"));
    m_page->setKeyboardTracking(false);
    connect(m_page, &QSpinBox::valueChanged, this, [this](int page) {
        if (page != currentPage())
            goToPage(page);
    });
    m_pages->setTextFormat(Qt::PlainText);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(buttonFor(m_previous));
    bar->addWidget(m_page);
    bar->addWidget(m_pages);
    bar->addWidget(buttonFor(m_next));
    bar->addSpacing(12);
    bar->addWidget(buttonFor(m_zoomOut));
    bar->addWidget(buttonFor(m_zoomIn));
    bar->addWidget(buttonFor(m_fitWidth));
    bar->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    connect(m_document, &QPdfDocument::statusChanged, this, &PdfEvidenceView::statusChanged);
    connect(m_view->pageNavigator(), &QPdfPageNavigator::currentPageChanged, this, &PdfEvidenceView::updateControls);
    connect(m_view, &QPdfView::zoomModeChanged, this, &PdfEvidenceView::updateControls);
    updateControls();
}

PdfEvidenceView::~PdfEvidenceView()
{
    // The document reads from the file until it is closed.
    m_document->close();
}

void PdfEvidenceView::open(const QString &path)
{
    clear();
    m_file = new QFile(path, this);
    if (!m_file->open(QIODevice::ReadOnly)) {
        const QString why = m_file->errorString();
        delete std::exchange(m_file, nullptr);
        Q_EMIT failed(tr("Cannot read the PDF: %1").arg(why));
        return;
    }
    m_view->setZoomMode(QPdfView::ZoomMode::FitToWidth);
    // From a device, not a name: QtPdf reads the bytes and nothing else.
    m_document->load(m_file);
}

void PdfEvidenceView::clear()
{
    // Closing first: the document must not read from a file that is gone.
    m_document->close();
    if (m_file)
        m_file->deleteLater();
    m_file = nullptr;
    updateControls();
}

void PdfEvidenceView::statusChanged()
{
    switch (m_document->status()) {
    case QPdfDocument::Status::Ready:
        if (m_document->pageCount() == 0) {
            Q_EMIT failed(tr("The PDF has no pages."));
            return;
        }
        m_view->pageNavigator()->jump(0, {}, 0);
        updateControls();
        Q_EMIT shown();
        return;
    case QPdfDocument::Status::Error:
        Q_EMIT failed(tr("QtPdf cannot read this PDF: %1").arg(errorText(int(m_document->error()))));
        return;
    case QPdfDocument::Status::Null:
    case QPdfDocument::Status::Loading:
    case QPdfDocument::Status::Unloading:
        return;
    }
}

QString PdfEvidenceView::errorText(int error)
{
    switch (QPdfDocument::Error(error)) {
    case QPdfDocument::Error::None:
        return tr("no error was reported, yet it did not load");
    case QPdfDocument::Error::Unknown:
        return tr("unknown error");
    case QPdfDocument::Error::DataNotYetAvailable:
        return tr("the file ended before the document did (truncated)");
    case QPdfDocument::Error::FileNotFound:
        return tr("file not found");
    case QPdfDocument::Error::InvalidFileFormat:
        return tr("not a valid PDF file");
    case QPdfDocument::Error::IncorrectPassword:
        return tr("it is encrypted with a password");
    case QPdfDocument::Error::UnsupportedSecurityScheme:
        return tr("its security scheme is not supported");
    }
    return tr("unknown error");
}

int PdfEvidenceView::pageCount() const
{
    return m_document->status() == QPdfDocument::Status::Ready ? m_document->pageCount() : 0;
}

int PdfEvidenceView::currentPage() const
{
    return pageCount() > 0 ? m_view->pageNavigator()->currentPage() + 1 : 0;
}

void PdfEvidenceView::goToPage(int page)
{
    if (pageCount() == 0)
        return;
    page = std::clamp(page, 1, pageCount());
    m_view->pageNavigator()->jump(page - 1, {}, m_view->zoomMode() == QPdfView::ZoomMode::Custom ? m_view->zoomFactor() : 0);
    updateControls();
}

qreal PdfEvidenceView::zoomFactor() const
{
    return m_view->zoomFactor();
}

bool PdfEvidenceView::isFitWidth() const
{
    return m_view->zoomMode() == QPdfView::ZoomMode::FitToWidth;
}

void PdfEvidenceView::setZoom(qreal factor)
{
    m_view->setZoomMode(QPdfView::ZoomMode::Custom);
    m_view->setZoomFactor(std::clamp(factor, MinZoom, MaxZoom));
    updateControls();
}

void PdfEvidenceView::zoomIn()
{
    setZoom(m_view->zoomFactor() * ZoomStep);
}

void PdfEvidenceView::zoomOut()
{
    setZoom(m_view->zoomFactor() / ZoomStep);
}

void PdfEvidenceView::fitWidth()
{
    m_view->setZoomMode(QPdfView::ZoomMode::FitToWidth);
    updateControls();
}

void PdfEvidenceView::updateControls()
{
    const int pages = pageCount();
    const int page = currentPage();
    {
        const QSignalBlocker blocker(m_page);
        m_page->setRange(pages > 0 ? 1 : 0, pages);
        m_page->setValue(page);
    }
    m_page->setEnabled(pages > 1);
    m_pages->setText(tr("of %Ln page(s)", nullptr, pages));
    m_previous->setEnabled(page > 1);
    m_next->setEnabled(page < pages);
    m_zoomIn->setEnabled(pages > 0);
    m_zoomOut->setEnabled(pages > 0);
    m_fitWidth->setEnabled(pages > 0);
    m_fitWidth->setChecked(isFitWidth());
}

} // namespace assay
