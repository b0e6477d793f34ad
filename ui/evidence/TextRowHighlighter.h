#pragma once

#include "ui/evidence/TextSpan.h"

#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/State>

namespace assay {

// KSyntaxHighlighting's highlighter for one row at a time: the formats it
// applies, resolved against the theme into plain TextSpans.
class TextRowHighlighter : public KSyntaxHighlighting::AbstractHighlighter
{
public:
    // Highlights `text` starting from `state`; the spans are in `spans`
    // (when not null) and the State after the row is returned.
    KSyntaxHighlighting::State highlight(QStringView text, const KSyntaxHighlighting::State &state, TextSpans *spans);

protected:
    void applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format) override;

private:
    TextSpans *m_spans = nullptr;
};

} // namespace assay
