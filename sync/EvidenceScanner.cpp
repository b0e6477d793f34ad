#include "sync/EvidenceScanner.h"

#include "models/EvidenceType.h"

#include <QPdfDocument>
#include <QPdfSelection>

using namespace Qt::StringLiterals;

namespace assay {

namespace {

QString pdfError(QPdfDocument::Error error)
{
    switch (error) {
    case QPdfDocument::Error::None:
        return {};
    case QPdfDocument::Error::FileNotFound:
        return u"the PDF file is not there"_s;
    case QPdfDocument::Error::InvalidFileFormat:
        return u"QtPdf cannot read it as a PDF"_s;
    case QPdfDocument::Error::IncorrectPassword:
        return u"the PDF is protected by a password"_s;
    case QPdfDocument::Error::UnsupportedSecurityScheme:
        return u"the PDF's encryption is not supported"_s;
    case QPdfDocument::Error::DataNotYetAvailable:
    case QPdfDocument::Error::Unknown:
        break;
    }
    return u"QtPdf could not load it"_s;
}

} // namespace

EvidenceScanner::EvidenceScanner()
    : m_finder(std::make_unique<const SecretsFinder>())
{
}

EvidenceScanner::~EvidenceScanner() = default;

Result<std::optional<SecretsFinder::FileScan>> EvidenceScanner::scan(const QString &path,
                                                                     const QString &declaredMediaType) const
{
    const Result<EvidenceType> type = EvidenceType::detectFile(path, declaredMediaType);
    if (!type)
        return type.error();
    if (type->detected == u"application/pdf"_s) {
        Result<SecretsFinder::FileScan> pdf = scanPdf(path);
        if (!pdf)
            return pdf.error();
        return std::optional(std::move(*pdf));
    }
    switch (type->view) {
    case EvidenceType::View::Html:
    case EvidenceType::View::Svg:
    case EvidenceType::View::Text: {
        // HTML and SVG as their source: a secret in markup or a comment is
        // as much in the file as one in the rendered text.
        Result<SecretsFinder::FileScan> text = m_finder->scanFile(path, MaxFindings);
        if (!text)
            return text.error();
        return std::optional(std::move(*text));
    }
    case EvidenceType::View::Pdf: // detected as a PDF: above
    case EvidenceType::View::Image:
    case EvidenceType::View::Hex:
        break;
    }
    return std::optional<SecretsFinder::FileScan>();
}

Result<SecretsFinder::FileScan> EvidenceScanner::scanPdf(const QString &path) const
{
    QPdfDocument document;
    if (const QPdfDocument::Error error = document.load(path); error != QPdfDocument::Error::None)
        return Error{pdfError(error)};
    SecretsFinder::FileScan out;
    const int pages = document.pageCount();
    for (int page = 0; page < pages && !out.truncated; ++page) {
        const QString text = document.getAllText(page).text();
        const QList<SecretFinding> found = m_finder->scanText(text, page + 1);
        const qsizetype room = MaxFindings - out.findings.size();
        out.findings.append(found.first(std::min(room, found.size())));
        out.truncated = found.size() > room;
    }
    return out;
}

} // namespace assay
