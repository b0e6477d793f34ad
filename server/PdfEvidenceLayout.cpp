#include "server/PdfEvidenceLayout.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>
#include <QPdfWriter>
#include <QRectF>

#include <utility>

using namespace Qt::StringLiterals;

namespace assay::server {

PdfEvidenceLayout::PdfEvidenceLayout(QPdfWriter &writer, QString headerText, QString footerText)
    : m_writer(writer), m_headerText(std::move(headerText)), m_footerText(std::move(footerText))
{
    // One face only, and no bold: QPdfEngine writes its embedded fonts in
    // QHash order, which changes from process to process, so a second
    // face would make the bytes differ between runs. (Bold drawn as glyph
    // outlines is no way out either: their positions depend on what else
    // the process has rendered.) Size and colour carry the hierarchy.
    const QFont base = QGuiApplication::font();
    m_body = base;
    m_body.setPointSizeF(10);
    m_small = base;
    m_small.setPointSizeF(8);
    m_heading = base;
    m_heading.setPointSizeF(14);
    m_title = base;
    m_title.setPointSizeF(24);
    m_caption = base;
    m_caption.setPointSizeF(10.5);
    m_width = writer.width();
    m_height = writer.height();
    m_gap = mm(4);
}

int PdfEvidenceLayout::compose(const QList<Block> &blocks)
{
    QList<QList<std::pair<const Block *, qreal>>> pages(1);
    const qreal top = mm(12), bottom = m_height - mm(12);
    qreal y = top;
    for (const Block &b : blocks) {
        if (b.type == Block::Break) {
            if (!pages.last().isEmpty()) {
                pages.emplace_back();
                y = top;
            }
            continue;
        }
        const qreal h = measure(b);
        if (y + h > bottom && !pages.last().isEmpty()) {
            pages.emplace_back();
            y = top;
        }
        pages.last().append({&b, y});
        y += h + m_gap;
    }
    QPainter p(&m_writer);
    for (qsizetype i = 0; i < pages.size(); ++i) {
        if (i > 0)
            m_writer.newPage();
        paintFrame(p, int(i + 1), int(pages.size()));
        for (const auto &[block, at] : pages.at(i))
            paint(p, *block, at);
    }
    p.end();
    return int(pages.size());
}

qreal PdfEvidenceLayout::mm(qreal v) const { return v * m_writer.resolution() / 25.4; }

qreal PdfEvidenceLayout::textHeight(const QFont &f, const QString &text, qreal width) const
{
    return QFontMetricsF(f, &m_writer).boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, text).height();
}

void PdfEvidenceLayout::drawText(QPainter &p, const QRectF &r, const QFont &f, const QString &text)
{
    p.setFont(f);
    p.drawText(r, Qt::TextWordWrap, text);
}

QList<qreal> PdfEvidenceLayout::columnWidths(const Block &b) const
{
    // Columns get room in proportion to their longest cell, within limits.
    const QFontMetricsF fm(m_body, &m_writer);
    QList<qreal> natural(b.header.size(), 0);
    for (qsizetype i = 0; i < b.header.size(); ++i) {
        natural[i] = fm.horizontalAdvance(b.header.at(i));
        for (const QStringList &row : b.rows)
            natural[i] = qMax(natural[i], fm.horizontalAdvance(row.value(i)));
        natural[i] = qBound(m_width * 0.12, natural[i] + mm(4), m_width * 0.45);
    }
    qreal sum = 0;
    for (const qreal w : natural)
        sum += w;
    for (qreal &w : natural)
        w = w / sum * m_width;
    return natural;
}

qreal PdfEvidenceLayout::rowHeight(const QStringList &cells, const QList<qreal> &widths, const QFont &f) const
{
    qreal h = 0;
    for (qsizetype i = 0; i < widths.size(); ++i)
        h = qMax(h, textHeight(f, cells.value(i), widths.at(i) - mm(3)));
    return h + mm(2.4);
}

qreal PdfEvidenceLayout::measure(const Block &b) const
{
    switch (b.type) {
    case Block::Title:
        return textHeight(m_title, b.text, m_width - mm(6)) + mm(2) + textHeight(m_body, b.sub, m_width - mm(6)) + mm(8);
    case Block::Heading:
        return textHeight(m_heading, b.text, m_width) + mm(2.5);
    case Block::Para:
        return textHeight(m_body, b.text, m_width);
    case Block::Table: {
        const QList<qreal> widths = columnWidths(b);
        qreal h = textHeight(m_caption, b.text, m_width) + mm(2) + rowHeight(b.header, widths, m_caption);
        for (const QStringList &row : b.rows)
            h += rowHeight(row, widths, m_body);
        return h;
    }
    case Block::Break:
        break;
    }
    return 0;
}

void PdfEvidenceLayout::paintFrame(QPainter &p, int page, int pages)
{
    p.setFont(m_small);
    p.setPen(QColor(0x62, 0x7d, 0x98));
    p.drawText(QRectF(0, 0, m_width, mm(6)), Qt::AlignLeft | Qt::AlignVCenter, m_headerText);
    p.drawText(QRectF(0, 0, m_width, mm(6)), Qt::AlignRight | Qt::AlignVCenter, u"CONFIDENTIAL"_s);
    p.drawLine(QPointF(0, mm(7)), QPointF(m_width, mm(7)));
    p.drawLine(QPointF(0, m_height - mm(8)), QPointF(m_width, m_height - mm(8)));
    p.drawText(QRectF(0, m_height - mm(7), m_width, mm(6)), Qt::AlignLeft | Qt::AlignVCenter, m_footerText);
    p.drawText(QRectF(0, m_height - mm(7), m_width, mm(6)), Qt::AlignRight | Qt::AlignVCenter,
               u"Page %1 of %2"_s.arg(page).arg(pages));
}

void PdfEvidenceLayout::paint(QPainter &p, const Block &b, qreal y)
{
    p.setPen(QColor(0x1f, 0x29, 0x33));
    switch (b.type) {
    case Block::Title: {
        const qreal th = textHeight(m_title, b.text, m_width - mm(6));
        p.fillRect(QRectF(0, y, mm(3), th + mm(2) + textHeight(m_body, b.sub, m_width - mm(6))), QColor(0x10, 0x2a, 0x43));
        p.setPen(QColor(0x10, 0x2a, 0x43));
        drawText(p, QRectF(mm(6), y, m_width - mm(6), th), m_title, b.text);
        p.setPen(QColor(0x48, 0x65, 0x81));
        drawText(p, QRectF(mm(6), y + th + mm(2), m_width - mm(6), 1e4), m_body, b.sub);
        break;
    }
    case Block::Heading: {
        p.setPen(QColor(0x10, 0x2a, 0x43));
        drawText(p, QRectF(0, y, m_width, 1e4), m_heading, b.text);
        const qreal rule = y + textHeight(m_heading, b.text, m_width) + mm(0.8);
        p.setPen(QPen(QColor(0x9f, 0xb3, 0xc8), mm(0.3)));
        p.drawLine(QPointF(0, rule), QPointF(m_width, rule));
        break;
    }
    case Block::Para:
        drawText(p, QRectF(0, y, m_width, 1e4), m_body, b.text);
        break;
    case Block::Table: {
        const QList<qreal> widths = columnWidths(b);
        p.setPen(QColor(0x24, 0x3b, 0x53));
        drawText(p, QRectF(0, y, m_width, 1e4), m_caption, b.text);
        y += textHeight(m_caption, b.text, m_width) + mm(2);
        auto drawRow = [&](const QStringList &cells, const QFont &f, const QColor &bg, const QColor &fg) {
            const qreal h = rowHeight(cells, widths, f);
            p.fillRect(QRectF(0, y, m_width, h), bg);
            p.setPen(QColor(0xd9, 0xe2, 0xec));
            p.drawLine(QPointF(0, y + h), QPointF(m_width, y + h));
            p.setPen(fg);
            qreal x = 0;
            for (qsizetype i = 0; i < widths.size(); ++i) {
                drawText(p, QRectF(x + mm(1.5), y + mm(1.2), widths.at(i) - mm(3), h), f, cells.value(i));
                x += widths.at(i);
            }
            y += h;
        };
        drawRow(b.header, m_caption, QColor(0x24, 0x3b, 0x53), Qt::white);
        for (qsizetype r = 0; r < b.rows.size(); ++r)
            drawRow(b.rows.at(r), m_body, r % 2 ? QColor(0xf5, 0xf7, 0xfa) : QColor(Qt::white), QColor(0x1f, 0x29, 0x33));
        break;
    }
    case Block::Break:
        break;
    }
}

} // namespace assay::server
