#pragma once

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Theme>

#include <QByteArrayView>
#include <QString>

class QPalette;

namespace KSyntaxHighlighting {
class Repository;
}

namespace assay {

// The application's one KSyntaxHighlighting repository (loading the
// definitions is costly, and a Repository is not thread-safe: GUI thread
// only) and the choices made with it.
class SyntaxRepository
{
public:
    static KSyntaxHighlighting::Repository &instance();

    // The definition for a piece of evidence: by the partner's file name,
    // then by the detected media type, then by the content's first bytes
    // (a shebang, "<?xml", JSON). Invalid when nothing fits: plain text.
    static KSyntaxHighlighting::Definition definitionFor(const QString &fileName, const QString &mediaType,
                                                         QByteArrayView head);
    // The definition's name for content alone (no name or type to go by).
    static QString definitionNameForContent(QByteArrayView head);
    // A theme that matches the palette's lightness.
    static KSyntaxHighlighting::Theme themeFor(const QPalette &palette);
};

} // namespace assay
