#include "ui/evidence/TextEvidenceArea.h"

#include "ui/evidence/TextHighlighter.h"
#include "ui/evidence/TextRedaction.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTextOption>

#include <algorithm>

namespace assay {

namespace {

constexpr int GutterPadding = 6;
constexpr int TextPadding = 4;
// Rows coloured beyond the screen, so a short scroll finds them ready.
constexpr qsizetype HighlightMargin = 40;
// Copying is capped: the clipboard is no place for a 100 MB log.
constexpr qsizetype MaxCopyRows = 100000;

// Findings and search hits must stand out in light and dark palettes alike.
QColor findingBackground()
{
    return QColor(230, 60, 40, 110);
}
QColor hitBackground()
{
    return QColor(250, 200, 0, 130);
}

} // namespace

TextEvidenceArea::TextEvidenceArea(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_index(new LineIndex(this))
    , m_highlighter(new TextHighlighter(this))
    , m_search(new TextSearch(this))
{
    setObjectName(QStringLiteral("TextEvidenceArea"));
    setAccessibleName(tr("Text"));
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setCursor(Qt::IBeamCursor);
    connect(m_index, &LineIndex::grown, this, &TextEvidenceArea::grown);
    connect(m_index, &LineIndex::finished, this, &TextEvidenceArea::indexed);
    connect(m_highlighter, &TextHighlighter::rowsHighlighted, this, [this] {
        viewport()->update();
        Q_EMIT rowsHighlighted();
    });
    connect(m_search, &TextSearch::found, this, [this] {
        if (m_currentHit < 0)
            showHit(hitNear(true));
        viewport()->update();
    });
}

TextEvidenceArea::~TextEvidenceArea() = default;

Result<> TextEvidenceArea::open(const QString &path, const QString &definitionName, const QString &themeName)
{
    clear();
    if (Result<> r = m_index->open(path); !r)
        return r;
    m_shownPending = true;
    m_highlighter->setDocument(m_snapshot, definitionName, themeName);
    return {};
}

void TextEvidenceArea::clear()
{
    m_search->cancel();
    m_index->close();
    m_highlighter->clear();
    m_snapshot = {};
    m_findings.clear();
    m_mark = {};
    m_pendingGoTo = {};
    m_currentHit = -1;
    m_selectionAnchor = m_selectionEnd = -1;
    m_widestSeen = 0;
    m_shownPending = false;
    verticalScrollBar()->setValue(0);
    horizontalScrollBar()->setValue(0);
    updateScrollBars();
    viewport()->update();
}

bool TextEvidenceArea::isIndexed() const
{
    return m_index->isFinished();
}

void TextEvidenceArea::grown()
{
    m_snapshot = m_index->snapshot();
    m_highlighter->updateSnapshot(m_snapshot);
    updateScrollBars();
    if (m_pendingGoTo.line >= 0 && (m_pendingGoTo.line < m_snapshot.lineCount() || m_snapshot.isComplete())) {
        const Mark mark = m_pendingGoTo;
        m_pendingGoTo = {};
        showMark(mark);
    }
    requestHighlight();
    viewport()->update();
    // Not on screen, nothing is painted: say it is shown once it could be.
    if (m_shownPending && !viewport()->isVisible()) {
        m_shownPending = false;
        Q_EMIT shown();
    }
}

void TextEvidenceArea::setFindings(const QList<SecretFinding> &findings)
{
    m_findings = findings;
    std::ranges::sort(m_findings, {}, [](const SecretFinding &f) { return std::pair(f.line, f.column); });
    viewport()->update();
}

void TextEvidenceArea::setRedacted(bool redacted)
{
    m_redacted = redacted;
    viewport()->update();
}

void TextEvidenceArea::setWrap(bool wrap)
{
    m_wrap = wrap;
    horizontalScrollBar()->setValue(0);
    updateScrollBars();
    viewport()->update();
}

int TextEvidenceArea::lineHeight() const
{
    return fontMetrics().lineSpacing();
}

int TextEvidenceArea::visibleRows() const
{
    return std::max(1, viewport()->height() / std::max(1, lineHeight()));
}

int TextEvidenceArea::gutterWidth() const
{
    const int digits = int(QString::number(std::max(1, m_snapshot.lineCount())).size());
    return fontMetrics().horizontalAdvance(u'0') * std::max(digits, 3) + 2 * GutterPadding;
}

void TextEvidenceArea::updateScrollBars()
{
    const qsizetype rows = m_snapshot.segmentCount();
    const int page = visibleRows();
    QScrollBar *v = verticalScrollBar();
    // Wrapped rows may take several screen lines: any row may be the top one.
    const qsizetype max = m_wrap ? std::max<qsizetype>(0, rows - 1) : std::max<qsizetype>(0, rows - page);
    v->setRange(0, int(std::min<qsizetype>(max, std::numeric_limits<int>::max())));
    v->setPageStep(page);
    v->setSingleStep(1);
    QScrollBar *h = horizontalScrollBar();
    const int textWidth = viewport()->width() - gutterWidth() - TextPadding;
    h->setRange(0, m_wrap ? 0 : std::max(0, m_widestSeen - textWidth + fontMetrics().horizontalAdvance(u'0') * 4));
    h->setPageStep(std::max(1, textWidth));
    h->setSingleStep(fontMetrics().horizontalAdvance(u'0') * 4);
}

void TextEvidenceArea::scrollContentsBy(int, int)
{
    requestHighlight();
    viewport()->update();
}

void TextEvidenceArea::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
    requestHighlight();
}

void TextEvidenceArea::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateScrollBars();
}

void TextEvidenceArea::requestHighlight()
{
    const qsizetype top = verticalScrollBar()->value();
    const qsizetype first = std::max<qsizetype>(0, top - HighlightMargin);
    const qsizetype last = std::min(m_snapshot.segmentCount(), top + visibleRows() + HighlightMargin);
    m_highlighter->requestWindow(first, last - first);
}

const TextSpans *TextEvidenceArea::rowSpans(qsizetype row) const
{
    return m_highlighter->spans(row);
}

TextEvidenceArea::DisplayRow TextEvidenceArea::displayRow(qsizetype row) const
{
    const QString raw = m_snapshot.segmentText(row);
    const int line = m_snapshot.lineOfSegment(row);
    const qint64 col0 = m_snapshot.segmentColumn(row);
    const qint64 col1 = col0 + raw.size();

    // The parts of the row findings cover, in row coordinates; a finding that
    // spans lines covers its first line from its column and the rest whole.
    struct Cover
    {
        qsizetype from, to;
        const SecretFinding *finding;
        bool startsHere;
    };
    QList<Cover> covers;
    for (const SecretFinding &f : m_findings) {
        const int first = f.line - 1;
        const int lastLine = first + std::max(1, f.lineCount) - 1;
        if (first > line)
            break;
        if (line > lastLine)
            continue;
        qint64 from = line == first ? f.column : 0;
        qint64 to = line == first && f.lineCount <= 1 ? qint64(f.column) + f.length : col1;
        from = std::max(from, col0);
        to = std::min(to, col1);
        if (from >= to && !(line == first && f.column >= col0 && f.column < col1))
            continue;
        covers.append(Cover{qsizetype(from - col0), qsizetype(to - col0), &f, line == first && f.column >= col0 && f.column <= col1});
    }

    DisplayRow d;
    // Where each original position went, for moving the syntax spans.
    struct Piece
    {
        qsizetype from, to, at;
    };
    QList<Piece> kept;
    QTextCharFormat findingFormat;
    findingFormat.setBackground(findingBackground());
    if (m_redacted && !covers.isEmpty()) {
        qsizetype pos = 0;
        for (const Cover &c : covers) {
            if (c.from > pos) {
                kept.append(Piece{pos, c.from, d.text.size()});
                d.text += QStringView(raw).mid(pos, c.from - pos);
            }
            if (c.startsHere) {
                const QString redaction = TextRedaction::text(*c.finding);
                QTextCharFormat f = findingFormat;
                f.setFontItalic(true);
                d.formats.append({int(d.text.size()), int(redaction.size()), f});
                d.text += redaction;
            }
            pos = std::max(pos, c.to);
        }
        if (pos < raw.size()) {
            kept.append(Piece{pos, raw.size(), d.text.size()});
            d.text += QStringView(raw).mid(pos);
        }
    } else {
        d.text = raw;
        kept.append(Piece{0, raw.size(), 0});
    }

    auto addRange = [&](qsizetype from, qsizetype to, const QTextCharFormat &format, bool prepend) {
        for (const Piece &p : kept) {
            const qsizetype a = std::max(from, p.from);
            const qsizetype b = std::min(to, p.to);
            if (a < b) {
                QTextLayout::FormatRange r{int(p.at + a - p.from), int(b - a), format};
                if (prepend)
                    d.formats.prepend(r);
                else
                    d.formats.append(r);
            }
        }
    };
    if (const TextSpans *spans = m_highlighter->spans(row)) {
        // Reversed and prepended: the syntax colours lie under the marks.
        for (auto it = spans->crbegin(); it != spans->crend(); ++it) {
            QTextCharFormat f;
            if (it->foreground.isValid())
                f.setForeground(it->foreground);
            if (it->background.isValid())
                f.setBackground(it->background);
            f.setFontWeight(it->flags & TextSpan::Bold ? QFont::Bold : QFont::Normal);
            f.setFontItalic(it->flags & TextSpan::Italic);
            f.setFontUnderline(it->flags & TextSpan::Underline);
            f.setFontStrikeOut(it->flags & TextSpan::StrikeOut);
            addRange(it->start, it->start + it->length, f, true);
        }
    }
    if (!m_redacted) {
        for (const Cover &c : covers)
            addRange(c.from, c.to, findingFormat, false);
    }
    // Search hits, then the current place (a hit or a go-to) on top.
    const QList<TextSearch::Hit> &hits = m_search->hits();
    auto hit = std::ranges::lower_bound(hits, std::pair(line, col0 - 4096), {},
                                        [](const TextSearch::Hit &h) { return std::pair(h.line, h.column); });
    QTextCharFormat hitFormat;
    hitFormat.setBackground(hitBackground());
    for (; hit != hits.cend() && hit->line == line && hit->column < col1; ++hit) {
        if (hit->column + hit->length > col0)
            addRange(hit->column - col0, hit->column + hit->length - col0, hitFormat, false);
    }
    if (m_mark.line == line && m_mark.length > 0) {
        QTextCharFormat markFormat;
        markFormat.setBackground(palette().highlight());
        markFormat.setForeground(palette().highlightedText());
        addRange(m_mark.column - col0, m_mark.column + m_mark.length - col0, markFormat, false);
    }
    return d;
}

void TextEvidenceArea::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    const QRect area = viewport()->rect();
    p.fillRect(area, palette().base());
    const int gutter = gutterWidth();
    const int lh = lineHeight();
    const qsizetype rows = m_snapshot.segmentCount();
    if (rows == 0) {
        if (m_snapshot.isComplete() && m_index->isFinished()) {
            p.setPen(palette().color(QPalette::PlaceholderText));
            p.drawText(area, Qt::AlignCenter, tr("The file is empty."));
            if (m_shownPending) {
                m_shownPending = false;
                QMetaObject::invokeMethod(this, &TextEvidenceArea::shown, Qt::QueuedConnection);
            }
        }
        m_rowsPainted = 0;
        return;
    }
    const int textX = gutter + TextPadding - horizontalScrollBar()->value();
    const int textWidth = std::max(10, area.width() - gutter - TextPadding);
    QTextOption option;
    option.setWrapMode(m_wrap ? QTextOption::WrapAtWordBoundaryOrAnywhere : QTextOption::NoWrap);
    option.setTabStopDistance(fontMetrics().horizontalAdvance(u' ') * 8);
    const qsizetype selFrom = std::min(m_selectionAnchor, m_selectionEnd);
    const qsizetype selTo = std::max(m_selectionAnchor, m_selectionEnd);
    QColor selection = palette().color(QPalette::Highlight);
    selection.setAlpha(60);
    const QColor gutterBackground = palette().color(QPalette::AlternateBase);
    const QColor gutterText = palette().color(QPalette::PlaceholderText);

    int y = 0;
    qsizetype row = verticalScrollBar()->value();
    qsizetype painted = 0;
    for (; y < area.height() && row < rows; ++row, ++painted) {
        const DisplayRow d = displayRow(row);
        QTextLayout layout(d.text, font());
        layout.setTextOption(option);
        layout.setFormats(d.formats);
        layout.beginLayout();
        qreal height = 0;
        int widest = 0;
        for (QTextLine l = layout.createLine(); l.isValid(); l = layout.createLine()) {
            l.setLineWidth(m_wrap ? textWidth : 1e7);
            l.setPosition(QPointF(0, height));
            height += lh;
            widest = std::max(widest, int(l.naturalTextWidth()));
        }
        layout.endLayout();
        const int h = std::max(lh, int(height));
        if (selFrom >= 0 && row >= selFrom && row <= selTo)
            p.fillRect(QRect(gutter, y, area.width() - gutter, h), selection);
        p.save();
        p.setClipRect(QRect(gutter, y, area.width() - gutter, h));
        p.setPen(palette().color(QPalette::Text));
        layout.draw(&p, QPointF(textX, y));
        p.restore();
        p.fillRect(QRect(0, y, gutter, h), gutterBackground);
        if (m_snapshot.segmentColumn(row) == 0) {
            p.setPen(gutterText);
            p.drawText(QRect(0, y, gutter - GutterPadding, lh), Qt::AlignRight | Qt::AlignVCenter,
                       QString::number(m_snapshot.lineOfSegment(row) + 1));
        }
        if (widest + TextPadding > m_widestSeen) {
            m_widestSeen = widest + TextPadding;
            QMetaObject::invokeMethod(this, &TextEvidenceArea::updateScrollBars, Qt::QueuedConnection);
        }
        y += h;
    }
    if (y < area.height())
        p.fillRect(QRect(0, y, gutter, area.height() - y), gutterBackground);
    m_rowsPainted = painted;
    if (m_shownPending) {
        m_shownPending = false;
        QMetaObject::invokeMethod(this, &TextEvidenceArea::shown, Qt::QueuedConnection);
    }
}

QStringList TextEvidenceArea::visibleText() const
{
    QStringList out;
    const qsizetype top = verticalScrollBar()->value();
    const qsizetype count = m_rowsPainted > 0 ? m_rowsPainted : visibleRows();
    for (qsizetype row = top; row < std::min(m_snapshot.segmentCount(), top + count); ++row)
        out.append(displayRow(row).text);
    return out;
}

int TextEvidenceArea::topLine() const
{
    return m_snapshot.lineOfSegment(verticalScrollBar()->value()) + 1;
}

qsizetype TextEvidenceArea::rowAt(int y) const
{
    // Exact without wrapping; with wrapping, close enough for selecting rows.
    const qsizetype row = verticalScrollBar()->value() + y / std::max(1, lineHeight());
    return std::clamp<qsizetype>(row, 0, std::max<qsizetype>(0, m_snapshot.segmentCount() - 1));
}

qsizetype TextEvidenceArea::rowOfColumn(int line, qint64 column) const
{
    qsizetype row = m_snapshot.firstSegmentOfLine(line);
    if (row < 0)
        return -1;
    while (row + 1 < m_snapshot.segmentCount() && m_snapshot.lineOfSegment(row + 1) == line
           && m_snapshot.segmentColumn(row + 1) <= column)
        ++row;
    return row;
}

void TextEvidenceArea::scrollToRow(qsizetype row)
{
    const qsizetype top = verticalScrollBar()->value();
    const int page = visibleRows();
    // Already on screen (with a row to spare): stay, as an editor does.
    if (row >= top && row < top + page - 1)
        return;
    verticalScrollBar()->setValue(int(std::max<qsizetype>(0, row - page / 3)));
}

void TextEvidenceArea::showMark(const Mark &mark)
{
    const qsizetype row = rowOfColumn(mark.line, mark.column);
    if (row < 0)
        return;
    m_mark = mark;
    scrollToRow(row);
    m_selectionAnchor = row;
    m_selectionEnd = rowOfColumn(mark.line, mark.column + std::max(0, mark.length - 1));
    if (!m_wrap) {
        // Bring the column into view: monospace, so columns are widths.
        const int cw = fontMetrics().horizontalAdvance(u'0');
        const int x = int(mark.column - m_snapshot.segmentColumn(row)) * cw;
        QScrollBar *h = horizontalScrollBar();
        const int width = viewport()->width() - gutterWidth() - TextPadding;
        if (x < h->value() || x + mark.length * cw > h->value() + width) {
            m_widestSeen = std::max(m_widestSeen, x + width);
            updateScrollBars();
            h->setValue(std::max(0, x - width / 3));
        }
    }
    requestHighlight();
    viewport()->update();
}

void TextEvidenceArea::goTo(int line, qint64 column, int length)
{
    const Mark mark{std::max(0, line), std::max<qint64>(0, column), length};
    if (mark.line >= m_snapshot.lineCount() && !m_snapshot.isComplete()) {
        m_pendingGoTo = mark;
        return;
    }
    Mark clamped = mark;
    clamped.line = std::min(mark.line, std::max(0, m_snapshot.lineCount() - 1));
    showMark(clamped);
}

void TextEvidenceArea::find(const QString &text)
{
    m_currentHit = -1;
    m_mark = {};
    m_search->start(m_snapshot, text);
    Q_EMIT currentHitChanged(-1);
    viewport()->update();
}

qsizetype TextEvidenceArea::hitNear(bool forward) const
{
    const QList<TextSearch::Hit> &hits = m_search->hits();
    if (hits.isEmpty())
        return -1;
    const int line = topLine() - 1;
    const auto at = std::ranges::lower_bound(hits, line, {}, &TextSearch::Hit::line);
    qsizetype i = at - hits.cbegin();
    if (!forward)
        --i;
    if (i < 0 || i >= hits.size())
        return forward ? 0 : hits.size() - 1;
    return i;
}

void TextEvidenceArea::showHit(qsizetype index)
{
    const QList<TextSearch::Hit> &hits = m_search->hits();
    if (index < 0 || index >= hits.size())
        return;
    m_currentHit = index;
    const TextSearch::Hit &h = hits.at(index);
    showMark(Mark{h.line, h.column, h.length});
    Q_EMIT currentHitChanged(index);
}

void TextEvidenceArea::findNext()
{
    const qsizetype n = m_search->hits().size();
    if (n == 0)
        return;
    showHit(m_currentHit < 0 ? hitNear(true) : (m_currentHit + 1) % n);
}

void TextEvidenceArea::findPrevious()
{
    const qsizetype n = m_search->hits().size();
    if (n == 0)
        return;
    showHit(m_currentHit < 0 ? hitNear(false) : (m_currentHit + n - 1) % n);
}

QString TextEvidenceArea::selectedText() const
{
    if (m_selectionAnchor < 0)
        return {};
    const qsizetype from = std::min(m_selectionAnchor, m_selectionEnd);
    const qsizetype to = std::min({std::max(m_selectionAnchor, m_selectionEnd), from + MaxCopyRows - 1,
                                   m_snapshot.segmentCount() - 1});
    QString text;
    for (qsizetype row = from; row <= to; ++row) {
        // Rows of one line join up again; lines end with a newline.
        if (row > from && m_snapshot.segmentColumn(row) == 0)
            text += u'\n';
        text += displayRow(row).text;
    }
    return text;
}

void TextEvidenceArea::copySelection() const
{
    const QString text = selectedText();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void TextEvidenceArea::keyPressEvent(QKeyEvent *event)
{
    QScrollBar *v = verticalScrollBar();
    QScrollBar *h = horizontalScrollBar();
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    switch (event->key()) {
    case Qt::Key_Down:
        v->triggerAction(QAbstractSlider::SliderSingleStepAdd);
        break;
    case Qt::Key_Up:
        v->triggerAction(QAbstractSlider::SliderSingleStepSub);
        break;
    case Qt::Key_PageDown:
        v->triggerAction(QAbstractSlider::SliderPageStepAdd);
        break;
    case Qt::Key_PageUp:
        v->triggerAction(QAbstractSlider::SliderPageStepSub);
        break;
    case Qt::Key_Right:
        h->triggerAction(QAbstractSlider::SliderSingleStepAdd);
        break;
    case Qt::Key_Left:
        h->triggerAction(QAbstractSlider::SliderSingleStepSub);
        break;
    case Qt::Key_Home:
        if (ctrl)
            v->setValue(0);
        h->setValue(0);
        break;
    case Qt::Key_End:
        if (ctrl)
            v->setValue(v->maximum());
        break;
    default:
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    event->accept();
}

void TextEvidenceArea::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_snapshot.segmentCount() == 0)
        return QAbstractScrollArea::mousePressEvent(event);
    const qsizetype row = rowAt(int(event->position().y()));
    if (!(event->modifiers() & Qt::ShiftModifier) || m_selectionAnchor < 0)
        m_selectionAnchor = row;
    m_selectionEnd = row;
    viewport()->update();
}

void TextEvidenceArea::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton) || m_selectionAnchor < 0)
        return QAbstractScrollArea::mouseMoveEvent(event);
    m_selectionEnd = rowAt(int(event->position().y()));
    viewport()->update();
}

} // namespace assay
