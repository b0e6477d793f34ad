#include "ui/review/ReviewReportPdf.h"

#include "models/ReviewReport.h"

#include <QFileInfo>
#include <QMarginsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace assay {

Result<> ReviewReportPdf::write(const ReviewReport &report, QIODevice *device)
{
    if (!device || !device->isWritable())
        return Error{u"cannot write the PDF: the output is not open for writing"_s};
    const qint64 start = device->pos();
    {
        QPdfWriter writer(device);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(8, 8, 8, 8),
                                         QPageLayout::Millimeter));
        // Enough for crisp text and rules; the default 1200 dpi only makes
        // every coordinate longer.
        writer.setResolution(300);
        writer.setTitle(report.title());
        writer.setCreator(u"Assay"_s);
        QTextDocument document;
        document.setMetaInformation(QTextDocument::DocumentTitle, report.title());
        document.setHtml(report.html());
        // A document without a page size is paginated by print() itself,
        // which then adds 2 cm margins inside the page's and a page number
        // at the foot of every page.
        document.print(&writer);
    } // the writer finishes the file when it goes
    // QTextDocument::print reports nothing: a painter that could not begin
    // leaves the device as it was.
    if (device->pos() <= start)
        return Error{u"cannot write the PDF: nothing was written"_s};
    return {};
}

Result<> ReviewReportPdf::writeFile(const ReviewReport &report, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{u"cannot write %1: %2"_s.arg(QFileInfo(path).absoluteFilePath(), file.errorString())};
    if (const Result<> written = write(report, &file); !written) {
        file.cancelWriting();
        return written.error();
    }
    if (!file.commit())
        return Error{u"cannot write %1: %2"_s.arg(QFileInfo(path).absoluteFilePath(), file.errorString())};
    return {};
}

} // namespace assay
