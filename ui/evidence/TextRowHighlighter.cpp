#include "ui/evidence/TextRowHighlighter.h"

#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Theme>

namespace assay {

KSyntaxHighlighting::State TextRowHighlighter::highlight(QStringView text, const KSyntaxHighlighting::State &state,
                                                         TextSpans *spans)
{
    m_spans = spans;
    KSyntaxHighlighting::State next = highlightLine(text, state);
    m_spans = nullptr;
    return next;
}

void TextRowHighlighter::applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format)
{
    if (!m_spans || length <= 0)
        return;
    const KSyntaxHighlighting::Theme t = theme();
    TextSpan span;
    span.start = offset;
    span.length = length;
    if (format.hasTextColor(t))
        span.foreground = format.textColor(t);
    if (format.hasBackgroundColor(t))
        span.background = format.backgroundColor(t);
    span.flags = (format.isBold(t) ? TextSpan::Bold : 0) | (format.isItalic(t) ? TextSpan::Italic : 0)
        | (format.isUnderline(t) ? TextSpan::Underline : 0) | (format.isStrikeThrough(t) ? TextSpan::StrikeOut : 0);
    span.style = int(format.textStyle());
    span.format = format.name();
    m_spans->append(span);
}

} // namespace assay
