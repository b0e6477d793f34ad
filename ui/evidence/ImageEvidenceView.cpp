#include "ui/evidence/ImageEvidenceView.h"

#include <QAction>
#include <QCoreApplication>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QLocale>
#include <QPaintEvent>
#include <QPainter>
#include <QScrollArea>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace assay {

namespace {
constexpr qreal MinZoom = 0.02;
constexpr qreal MaxZoom = 16.0;
constexpr qreal ZoomStep = 1.25;

QString trImage(const char *text)
{
    return QCoreApplication::translate("assay::ImageEvidenceView", text);
}

// Paints the image at the view's zoom, only the part that is exposed.
class ImageCanvas : public QWidget
{
public:
    ImageCanvas(const QImage *image, const qreal *zoom)
        : m_image(image)
        , m_zoom(zoom)
    {
        setAttribute(Qt::WA_OpaquePaintEvent);
    }

protected:
    void paintEvent(QPaintEvent *event) override
    {
        QPainter painter(this);
        painter.fillRect(event->rect(), palette().window());
        if (m_image->isNull())
            return;
        const qreal z = *m_zoom;
        const QRectF target = QRectF(event->rect()).intersected(QRectF(0, 0, m_image->width() * z, m_image->height() * z));
        const QRectF source(target.x() / z, target.y() / z, target.width() / z, target.height() / z);
        painter.setRenderHint(QPainter::SmoothPixmapTransform, z < 1.0);
        painter.drawImage(target, *m_image, source);
    }

private:
    const QImage *m_image;
    const qreal *m_zoom;
};

void describe(QAction *action, const QString &text, const QKeySequence &key)
{
    action->setShortcut(key);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    action->setToolTip(QStringLiteral("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText)));
}

QToolButton *buttonFor(QAction *action)
{
    auto *button = new QToolButton;
    button->setDefaultAction(action);
    button->setAutoRaise(true);
    return button;
}
} // namespace

ImageEvidenceView::ImageEvidenceView(QWidget *parent)
    : QWidget(parent)
    , m_scroll(new QScrollArea)
    , m_canvas(new ImageCanvas(&m_image, &m_zoom))
    , m_zoomLabel(new QLabel)
    , m_zoomIn(new QAction(tr("Zoom in"), this))
    , m_zoomOut(new QAction(tr("Zoom out"), this))
    , m_fitAction(new QAction(tr("Fit"), this))
    , m_actualSize(new QAction(tr("1:1"), this))
{
    setObjectName(QStringLiteral("ImageEvidenceView"));
    setAccessibleName(tr("Image evidence"));
    m_canvas->setObjectName(QStringLiteral("ImageCanvas"));
    m_canvas->setAccessibleName(tr("The image"));
    m_scroll->setWidget(m_canvas);
    m_scroll->setWidgetResizable(false);
    m_scroll->setAlignment(Qt::AlignCenter);
    m_scroll->setFocusPolicy(Qt::StrongFocus);
    m_zoomLabel->setObjectName(QStringLiteral("imageZoom"));
    m_zoomLabel->setTextFormat(Qt::PlainText);

    m_zoomIn->setObjectName(QStringLiteral("imageZoomIn"));
    m_zoomOut->setObjectName(QStringLiteral("imageZoomOut"));
    m_fitAction->setObjectName(QStringLiteral("imageFit"));
    m_actualSize->setObjectName(QStringLiteral("imageActualSize"));
    describe(m_zoomIn, tr("Zoom in"), QKeySequence(QKeySequence::ZoomIn));
    describe(m_zoomOut, tr("Zoom out"), QKeySequence(QKeySequence::ZoomOut));
    describe(m_fitAction, tr("Fit to the window"), QKeySequence(Qt::CTRL | Qt::Key_0));
    describe(m_actualSize, tr("Actual size, one image pixel per screen pixel"), QKeySequence(Qt::CTRL | Qt::Key_1));
    m_fitAction->setCheckable(true);
    for (QAction *a : {m_zoomIn, m_zoomOut, m_fitAction, m_actualSize})
        addAction(a);
    connect(m_zoomIn, &QAction::triggered, this, &ImageEvidenceView::zoomIn);
    connect(m_zoomOut, &QAction::triggered, this, &ImageEvidenceView::zoomOut);
    connect(m_fitAction, &QAction::triggered, this, &ImageEvidenceView::fitToWindow);
    connect(m_actualSize, &QAction::triggered, this, &ImageEvidenceView::actualSize);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(buttonFor(m_zoomOut));
    bar->addWidget(buttonFor(m_zoomIn));
    bar->addWidget(buttonFor(m_fitAction));
    bar->addWidget(buttonFor(m_actualSize));
    bar->addWidget(m_zoomLabel);
    bar->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_scroll, 1);
    applyZoom();
}

ImageEvidenceView::~ImageEvidenceView() = default;

ImageEvidenceView::Decoded ImageEvidenceView::decode(const QString &path)
{
    QImageReader reader(path);
    // The content says what it is; the name is the partner's.
    reader.setDecideFormatFromContent(true);
    reader.setAllocationLimit(AllocationLimitMiB);
    if (!reader.canRead())
        return {{}, trImage("Not an image Assay can decode: %1.").arg(reader.errorString())};
    const QSize size = reader.size();
    if (!size.isValid() || size.isEmpty())
        return {{}, trImage("The image does not say how large it is; it is not decoded.")};
    // What 32-bit pixels would take, before anything is allocated.
    const qint64 bytes = qint64(size.width()) * size.height() * 4;
    if (bytes > qint64(AllocationLimitMiB) * 1024 * 1024) {
        const QLocale locale;
        return {{}, trImage("Refused: the image declares %1 × %2 pixels, %3 once decoded — more than the %4 "
                            "Assay decodes. A file this small with an image this large is typical of a "
                            "decompression bomb.")
                        .arg(locale.toString(size.width()), locale.toString(size.height()), locale.formattedDataSize(bytes),
                             locale.formattedDataSize(qint64(AllocationLimitMiB) * 1024 * 1024))};
    }
    QImage image;
    if (!reader.read(&image))
        return {{}, trImage("The image cannot be decoded: %1.").arg(reader.errorString())};
    return {std::move(image), {}};
}

void ImageEvidenceView::open(const QString &path)
{
    clear();
    const quint64 generation = m_generation;
    m_watcher = new QFutureWatcher<Decoded>(this);
    connect(m_watcher, &QFutureWatcher<Decoded>::finished, this, [this, generation] {
        if (generation == m_generation)
            decoded();
    });
    m_watcher->setFuture(QtConcurrent::run(&ImageEvidenceView::decode, path));
}

void ImageEvidenceView::clear()
{
    // A decode still running finishes into nothing.
    ++m_generation;
    if (m_watcher) {
        m_watcher->disconnect(this);
        m_watcher->deleteLater();
        m_watcher = nullptr;
    }
    m_image = QImage();
    m_fit = true;
    m_zoom = 1.0;
    applyZoom();
}

void ImageEvidenceView::decoded()
{
    Decoded result = m_watcher->result();
    m_watcher->deleteLater();
    m_watcher = nullptr;
    if (!result.error.isEmpty()) {
        Q_EMIT failed(result.error);
        return;
    }
    m_image = std::move(result.image);
    // Large images start fitted, small ones at their size.
    const QSize room = m_scroll->viewport()->size();
    m_fit = m_image.width() > room.width() || m_image.height() > room.height();
    m_zoom = m_fit ? fitZoom() : 1.0;
    applyZoom();
    Q_EMIT shown();
}

qreal ImageEvidenceView::fitZoom() const
{
    if (m_image.isNull())
        return 1.0;
    const QSize room = m_scroll->maximumViewportSize();
    return std::clamp(std::min(qreal(room.width()) / m_image.width(), qreal(room.height()) / m_image.height()), MinZoom, MaxZoom);
}

void ImageEvidenceView::setZoom(qreal zoom)
{
    m_fit = false;
    m_zoom = std::clamp(zoom, MinZoom, MaxZoom);
    applyZoom();
}

void ImageEvidenceView::zoomIn()
{
    setZoom(m_zoom * ZoomStep);
}

void ImageEvidenceView::zoomOut()
{
    setZoom(m_zoom / ZoomStep);
}

void ImageEvidenceView::fitToWindow()
{
    m_fit = true;
    m_zoom = fitZoom();
    applyZoom();
}

void ImageEvidenceView::actualSize()
{
    setZoom(1.0);
}

void ImageEvidenceView::applyZoom()
{
    const bool has = !m_image.isNull();
    m_canvas->resize(has ? QSize(qRound(m_image.width() * m_zoom), qRound(m_image.height() * m_zoom)) : QSize(0, 0));
    m_canvas->update();
    for (QAction *a : {m_zoomIn, m_zoomOut, m_fitAction, m_actualSize})
        a->setEnabled(has);
    m_fitAction->setChecked(m_fit);
    m_zoomLabel->setText(has ? tr("%1 × %2 pixels, %3%")
                                   .arg(QLocale().toString(m_image.width()), QLocale().toString(m_image.height()),
                                        QLocale().toString(qRound(m_zoom * 100)))
                             : QString());
}

void ImageEvidenceView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_fit && !m_image.isNull()) {
        m_zoom = fitZoom();
        applyZoom();
    }
}

} // namespace assay
