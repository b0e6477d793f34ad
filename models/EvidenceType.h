#pragma once

#include "domain/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace assay {

// What a piece of evidence is, by its content (QMimeDatabase::mimeTypeForData
// on the first bytes; never by the name alone), against what was declared.
// The viewer is chosen from this: partner labels are not trusted, so HTML,
// SVG and PDF are rendered only when the label and the content agree, and
// anything else that is text is shown as text, the rest as hex. GUI-free.
struct EvidenceType
{
    Q_DECLARE_TR_FUNCTIONS(EvidenceType)

public:
    enum class View { Html, Svg, Pdf, Image, Text, Hex };
    QString declared; // the partner's media type (assay view: from the file name)
    QString detected; // from the content
    QString detectedComment; // QMimeType::comment(), e.g. "ELF executable"
    View view = View::Hex;
    // Empty when declared and detected agree; otherwise one translated
    // sentence saying so and how the item is shown instead, e.g.
    // "Declared as text/plain, but the content is an ELF executable: shown as hex."
    QString warning;

    // How many leading bytes detection looks at (detectFile reads no more).
    static constexpr qsizetype HeadSize = 64 * 1024;

    static EvidenceType detect(const QByteArray &head, const QString &declaredMediaType);
    static Result<EvidenceType> detectFile(const QString &path, const QString &declaredMediaType);
    // For `assay view` of a local file: the type its name declares
    // (by extension only; application/octet-stream when unknown).
    static QString declaredFromFileName(const QString &fileName);
};

} // namespace assay
