#include "ui/evidence/TextRowComposer.h"

#include "models/SecretsFinder.h"
#include "ui/evidence/TextHighlighter.h"

#include <algorithm>

namespace assay {

namespace {

// Findings and search hits must stand out in light and dark palettes alike.
QColor findingBackground()
{
    return QColor(230, 60, 40, 110);
}
QColor hitBackground()
{
    return QColor(250, 200, 0, 130);
}

} // namespace

TextRowComposer::Row TextRowComposer::compose(qsizetype row, qsizetype from, qsizetype to) const
{
    const QString raw = snapshot->segmentText(row);
    const int line = snapshot->lineOfSegment(row);
    const qint64 col0 = snapshot->segmentColumn(row);
    const qint64 col1 = col0 + raw.size();

    // The parts of the row findings cover, in row coordinates; a finding that
    // spans lines covers its first line from its column and the rest whole.
    struct Cover
    {
        qsizetype from, to;
        const SecretFinding *finding;
        bool startsHere;
    };
    QList<Cover> covers;
    for (const SecretFinding &f : *findings) {
        const int first = f.line - 1;
        const int lastLine = first + std::max(1, f.lineCount) - 1;
        if (first > line)
            break;
        if (line > lastLine)
            continue;
        qint64 from = line == first ? f.column : 0;
        qint64 to = line == first && f.lineCount <= 1 ? qint64(f.column) + f.length : col1;
        from = std::max(from, col0);
        to = std::min(to, col1);
        if (from >= to && !(line == first && f.column >= col0 && f.column < col1))
            continue;
        covers.append(Cover{qsizetype(from - col0), qsizetype(to - col0), &f, line == first && f.column >= col0 && f.column <= col1});
    }

    Row d;
    // Where each original position went, for moving the syntax spans.
    struct Piece
    {
        qsizetype from, to, at;
    };
    QList<Piece> kept;
    QTextCharFormat findingFormat;
    findingFormat.setBackground(findingBackground());
    if (redacted && !covers.isEmpty()) {
        qsizetype pos = 0;
        for (const Cover &c : covers) {
            if (c.from > pos) {
                kept.append(Piece{pos, c.from, d.text.size()});
                d.text += QStringView(raw).mid(pos, c.from - pos);
            }
            if (c.startsHere) {
                const QString redaction = SecretsFinder::redaction(*c.finding);
                QTextCharFormat f = findingFormat;
                f.setFontItalic(true);
                d.formats.append({int(d.text.size()), int(redaction.size()), f});
                d.text += redaction;
            }
            pos = std::max(pos, c.to);
        }
        if (pos < raw.size()) {
            kept.append(Piece{pos, raw.size(), d.text.size()});
            d.text += QStringView(raw).mid(pos);
        }
    } else {
        d.text = raw;
        kept.append(Piece{0, raw.size(), 0});
    }

    // The drawn window [from, to) in the row's own positions: formats wholly
    // outside it are not made (a long row has hundreds, a screen shows few).
    qsizetype rawFrom = 0;
    qsizetype rawTo = raw.size();
    if (from > 0 || to < d.text.size()) {
        rawFrom = raw.size();
        rawTo = 0;
        for (const Piece &p : kept) {
            const qsizetype a = std::max(from, p.at);
            const qsizetype b = std::min(to, p.at + (p.to - p.from));
            if (a < b) {
                rawFrom = std::min(rawFrom, p.from + (a - p.at));
                rawTo = std::max(rawTo, p.from + (b - p.at));
            }
        }
    }
    auto addRange = [&](qsizetype from, qsizetype to, const QTextCharFormat &format, bool prepend) {
        if (to <= rawFrom || from >= rawTo)
            return;
        for (const Piece &p : kept) {
            const qsizetype a = std::max(from, p.from);
            const qsizetype b = std::min(to, p.to);
            if (a < b) {
                QTextLayout::FormatRange r{int(p.at + a - p.from), int(b - a), format};
                if (prepend)
                    d.formats.prepend(r);
                else
                    d.formats.append(r);
            }
        }
    };
    if (const TextSpans *spans = highlighter->spans(row)) {
        // Reversed and prepended: the syntax colours lie under the marks.
        for (auto it = spans->crbegin(); it != spans->crend(); ++it) {
            if (it->start + it->length <= rawFrom || it->start >= rawTo)
                continue;
            QTextCharFormat f;
            if (it->foreground.isValid())
                f.setForeground(it->foreground);
            if (it->background.isValid())
                f.setBackground(it->background);
            f.setFontWeight(it->flags & TextSpan::Bold ? QFont::Bold : QFont::Normal);
            f.setFontItalic(it->flags & TextSpan::Italic);
            f.setFontUnderline(it->flags & TextSpan::Underline);
            f.setFontStrikeOut(it->flags & TextSpan::StrikeOut);
            addRange(it->start, it->start + it->length, f, true);
        }
    }
    if (!redacted) {
        for (const Cover &c : covers)
            addRange(c.from, c.to, findingFormat, false);
    }
    // Search hits, then the current place (a hit or a go-to) on top.
    // A hit that starts up to a query's length before the row may reach into it.
    const QList<TextSearch::Hit> &allHits = *hits;
    auto hit = std::ranges::lower_bound(allHits, std::pair(line, col0 - 4096), {},
                                        [](const TextSearch::Hit &h) { return std::pair(h.line, h.column); });
    QTextCharFormat hitFormat;
    hitFormat.setBackground(hitBackground());
    for (; hit != allHits.cend() && hit->line == line && hit->column < col1; ++hit) {
        if (hit->column + hit->length > col0)
            addRange(hit->column - col0, hit->column + hit->length - col0, hitFormat, false);
    }
    if (mark.line == line && mark.length > 0) {
        QTextCharFormat markFormat;
        markFormat.setBackground(markBackground);
        markFormat.setForeground(markForeground);
        addRange(mark.column - col0, mark.column + mark.length - col0, markFormat, false);
    }
    return d;
}

} // namespace assay
