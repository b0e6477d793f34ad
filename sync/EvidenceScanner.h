#pragma once

#include "domain/Result.h"
#include "models/SecretsFinder.h"

#include <QString>

#include <memory>
#include <optional>

namespace assay {

// Runs the secrets and PII finder over one verified evidence file, on
// whatever thread calls it (the sync's workers): text, code, configs, logs
// and the source of HTML and SVG as text, PDF page by page through QtPdf's
// text. What is scanned is chosen by the detected content (EvidenceType),
// not the partner's label: a PDF declared as text/plain is still read as a
// PDF, an executable declared as text/plain is not text.
//
// QtPdf loads and extracts text in a worker thread of a QCoreApplication (no
// QGuiApplication: `assay sync` is headless), in the dev and the asan
// builds; pdfium is not thread-safe, and QPdfDocument serializes its calls
// behind one lock of its own, so scans of PDFs take turns.
class EvidenceScanner
{
public:
    // The most findings kept of one file (more: the scan says truncated).
    static constexpr int MaxFindings = 10000;

    EvidenceScanner(); // compiles the finder's rules once
    ~EvidenceScanner();
    EvidenceScanner(const EvidenceScanner &) = delete;
    EvidenceScanner &operator=(const EvidenceScanner &) = delete;

    // The findings of the file at `path`; nullopt when it has no text the
    // finder reads (an image, a binary: not scanned, which is not clean); an
    // error when it cannot be read or QtPdf refuses it. Thread-safe.
    Result<std::optional<SecretsFinder::FileScan>> scan(const QString &path, const QString &declaredMediaType) const;

    // One PDF's text, page by page (pages count from 1).
    Result<SecretsFinder::FileScan> scanPdf(const QString &path) const;

private:
    std::unique_ptr<const SecretsFinder> m_finder;
};

} // namespace assay
