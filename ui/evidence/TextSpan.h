#pragma once

#include <QColor>
#include <QList>
#include <QMetaType>
#include <QString>

namespace assay {

// One coloured run of a row, as the highlighter resolved it against the
// theme: plain data, so it can cross from the highlighting thread.
struct TextSpan
{
    enum Flag : quint8 { Bold = 1, Italic = 2, Underline = 4, StrikeOut = 8 };
    int start = 0;
    int length = 0;
    QColor foreground; // invalid: the theme's normal text colour
    QColor background; // invalid: none
    quint8 flags = 0;
    int style = 0;     // KSyntaxHighlighting::Theme::TextStyle
    QString format;    // the definition's format name ("Keyword", "String")
};

using TextSpans = QList<TextSpan>;

} // namespace assay

Q_DECLARE_METATYPE(assay::TextSpans)
