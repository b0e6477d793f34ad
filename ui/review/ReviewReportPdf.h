#pragma once

#include "domain/Result.h"

#include <QString>

class QIODevice;

namespace assay {

class ReviewReport;

// A review report as a PDF: A4, the report's own HTML laid out by
// QTextDocument (so it reads as the HTML export does), with page numbers and
// the report's title in the document's metadata. Needs a QGuiApplication
// (fonts); the offscreen platform will do.
class ReviewReportPdf
{
public:
    // Writes to an open device.
    static Result<> write(const ReviewReport &report, QIODevice *device);
    // Writes the file whole or not at all (QSaveFile): a failed export never
    // leaves half a PDF where the old one was.
    static Result<> writeFile(const ReviewReport &report, const QString &path);
};

} // namespace assay
