#include "ui/evidence/HexEvidenceView.h"

#include <QFile>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>

namespace assay {

namespace {
// Scroll bars count in int; a file of more rows than that scrolls in steps
// of several rows (a 32 GiB file and beyond).
constexpr qint64 MaxScrollRange = std::numeric_limits<int>::max() / 2;

QChar printable(char c)
{
    const auto u = uchar(c);
    return u >= 0x20 && u < 0x7f ? QChar(QLatin1Char(c)) : QChar(u'.');
}
} // namespace

HexEvidenceView::HexEvidenceView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setObjectName(QStringLiteral("HexEvidenceView"));
    setAccessibleName(tr("Evidence bytes in hex"));
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setToolTip(tr("The file's bytes: offset, 16 bytes in hex, and their printable ASCII.\n"
                  "Page Up / Page Down, Ctrl+Home / Ctrl+End to move."));
}

HexEvidenceView::~HexEvidenceView() = default;

Result<> HexEvidenceView::open(const QString &path)
{
    clear();
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::ReadOnly))
        return Error{tr("Cannot read the file: %1").arg(file->errorString())};
    const qint64 size = file->size();
    const uchar *data = nullptr;
    if (size > 0) {
        data = file->map(0, size);
        if (!data)
            return Error{tr("Cannot map the file to show its bytes: %1").arg(file->errorString())};
    }
    m_file = std::move(file);
    m_data = data;
    m_size = size;
    m_offsetDigits = 8;
    while (m_offsetDigits < 16 && (m_size >> (4 * m_offsetDigits)) > 0)
        ++m_offsetDigits;
    updateScrollBars();
    verticalScrollBar()->setValue(0);
    viewport()->update();
    return {};
}

void HexEvidenceView::clear()
{
    // Unmapping happens when the QFile goes.
    m_file.reset();
    m_data = nullptr;
    m_size = 0;
    updateScrollBars();
    viewport()->update();
}

int HexEvidenceView::rowHeight() const
{
    return fontMetrics().height();
}

int HexEvidenceView::visibleRowCount() const
{
    return std::max(1, viewport()->height() / std::max(1, rowHeight()));
}

qint64 HexEvidenceView::firstVisibleRow() const
{
    const qint64 rows = rowCount();
    const qint64 range = std::max<qint64>(0, rows - visibleRowCount());
    if (range <= MaxScrollRange)
        return verticalScrollBar()->value();
    return qint64(double(verticalScrollBar()->value()) / MaxScrollRange * range);
}

QByteArrayView HexEvidenceView::rowBytes(qint64 row) const
{
    const qint64 offset = row * BytesPerRow;
    if (!m_data || row < 0 || offset >= m_size)
        return {};
    return QByteArrayView(reinterpret_cast<const char *>(m_data) + offset, std::min<qint64>(BytesPerRow, m_size - offset));
}

QString HexEvidenceView::rowText(qint64 row) const
{
    const QByteArrayView bytes = rowBytes(row);
    if (bytes.isEmpty())
        return {};
    QString text = QStringLiteral("%1  ").arg(row * BytesPerRow, m_offsetDigits, 16, QLatin1Char('0'));
    text.reserve(text.size() + BytesPerRow * 4 + 4);
    static constexpr char16_t Digits[] = u"0123456789abcdef";
    for (int i = 0; i < BytesPerRow; ++i) {
        if (i < bytes.size()) {
            const auto b = uchar(bytes[i]);
            text += QChar(Digits[b >> 4]);
            text += QChar(Digits[b & 0xf]);
        } else {
            text += QLatin1String("  ");
        }
        text += i == BytesPerRow / 2 - 1 ? QLatin1String("  ") : QLatin1String(" ");
    }
    text += u'|';
    for (const char c : bytes)
        text += printable(c);
    text += u'|';
    return text;
}

void HexEvidenceView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    const QPalette &pal = palette();
    painter.fillRect(viewport()->rect(), pal.base());
    painter.setPen(pal.text().color());
    if (!m_data) {
        if (m_file)
            painter.drawText(viewport()->rect().adjusted(8, 8, -8, -8), Qt::AlignLeft | Qt::AlignTop, tr("The file is empty (0 bytes)."));
        return;
    }
    const int height = rowHeight();
    const int ascent = fontMetrics().ascent();
    const qint64 first = firstVisibleRow();
    const int x = 4 - horizontalScrollBar()->value();
    // Only the rows on screen are read from the mapping.
    for (int i = 0; i <= visibleRowCount(); ++i) {
        const qint64 row = first + i;
        if (row >= rowCount())
            break;
        painter.drawText(x, i * height + ascent, rowText(row));
    }
}

void HexEvidenceView::updateScrollBars()
{
    const qint64 range = std::max<qint64>(0, rowCount() - visibleRowCount());
    verticalScrollBar()->setRange(0, int(std::min(range, MaxScrollRange)));
    verticalScrollBar()->setPageStep(visibleRowCount());
    verticalScrollBar()->setSingleStep(1);
    const int width = fontMetrics().horizontalAdvance(QString(m_offsetDigits + 2 + BytesPerRow * 4 + 4, u'0')) + 8;
    horizontalScrollBar()->setRange(0, std::max(0, width - viewport()->width()));
    horizontalScrollBar()->setPageStep(viewport()->width());
}

void HexEvidenceView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void HexEvidenceView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateScrollBars();
}

void HexEvidenceView::keyPressEvent(QKeyEvent *event)
{
    QScrollBar *bar = verticalScrollBar();
    if (event->matches(QKeySequence::MoveToStartOfDocument)) {
        bar->setValue(bar->minimum());
    } else if (event->matches(QKeySequence::MoveToEndOfDocument)) {
        bar->setValue(bar->maximum());
    } else {
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    event->accept();
}

} // namespace assay
