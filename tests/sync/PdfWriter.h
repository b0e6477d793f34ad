#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QList>

namespace assay::test {

// A small PDF with one text line per entry on each page, in a standard font
// (nothing embedded), written out by hand: no QtGui is needed to make it.
inline QByteArray pdfWithPages(const QList<QByteArrayList> &pages)
{
    QByteArray out = "%PDF-1.4\n";
    QList<qsizetype> offsets;
    auto object = [&](const QByteArray &body) {
        offsets.append(out.size());
        out += QByteArray::number(offsets.size()) + " 0 obj\n" + body + "\nendobj\n";
    };
    QByteArray kids;
    for (qsizetype i = 0; i < pages.size(); ++i)
        kids += QByteArray::number(4 + 2 * i) + " 0 R ";
    object("<< /Type /Catalog /Pages 2 0 R >>");
    object("<< /Type /Pages /Kids [" + kids + "] /Count " + QByteArray::number(pages.size()) + " >>");
    object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    for (qsizetype i = 0; i < pages.size(); ++i) {
        object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents "
               + QByteArray::number(5 + 2 * i) + " 0 R >>");
        QByteArray stream = "BT /F1 10 Tf 14 TL 40 750 Td\n";
        for (QByteArray line : pages.at(i)) {
            line.replace('\\', "\\\\").replace('(', "\\(").replace(')', "\\)");
            stream += '(' + line + ") Tj T*\n";
        }
        stream += "ET";
        object("<< /Length " + QByteArray::number(stream.size()) + " >>\nstream\n" + stream + "\nendstream");
    }
    const qsizetype xref = out.size();
    out += "xref\n0 " + QByteArray::number(offsets.size() + 1) + "\n0000000000 65535 f \n";
    for (const qsizetype at : std::as_const(offsets))
        out += QByteArray::number(at).rightJustified(10, '0') + " 00000 n \n";
    out += "trailer\n<< /Size " + QByteArray::number(offsets.size() + 1) + " /Root 1 0 R >>\nstartxref\n"
        + QByteArray::number(xref) + "\n%%EOF\n";
    return out;
}

} // namespace assay::test
