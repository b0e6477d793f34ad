#pragma once

#include <QFont>
#include <QList>
#include <QString>
#include <QStringList>

class QPainter;
class QRectF;
class QPdfWriter;

namespace assay::server {

// Lays blocks out on A4 pages first, then paints them, so every footer can
// say "page n of N". Used by PdfEvidence.
class PdfEvidenceLayout
{
public:
    struct Block
    {
        enum Type { Title, Heading, Para, Table, Break } type;
        QString text, sub;
        QStringList header;
        QList<QStringList> rows;
    };

    PdfEvidenceLayout(QPdfWriter &writer, QString headerText, QString footerText);

    // Returns the number of pages.
    int compose(const QList<Block> &blocks);

private:
    qreal mm(qreal v) const;
    qreal textHeight(const QFont &f, const QString &text, qreal width) const;
    static void drawText(QPainter &p, const QRectF &r, const QFont &f, const QString &text);
    QList<qreal> columnWidths(const Block &b) const;
    qreal rowHeight(const QStringList &cells, const QList<qreal> &widths, const QFont &f) const;
    qreal measure(const Block &b) const;
    void paintFrame(QPainter &p, int page, int pages);
    void paint(QPainter &p, const Block &b, qreal y);

    QPdfWriter &m_writer;
    QString m_headerText, m_footerText;
    QFont m_body, m_small, m_heading, m_title, m_caption;
    qreal m_width = 0, m_height = 0, m_gap = 0;
};

} // namespace assay::server
