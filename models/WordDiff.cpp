#include "models/WordDiff.h"

#include <QStringView>
#include <QTextBoundaryFinder>

// dtl (Debian's libdtl-dev, header-only) rather than a diff of our own: it is
// a packaged, tested implementation of Wu's O(NP) algorithm, which stays fast
// on long answers whose versions differ little, and it works on any element
// type, so it diffs word tokens directly.
#include <dtl/dtl.hpp>

#include <vector>

namespace assay {

namespace {

// Tokens as views into the caller's strings: no copies for long answers.
std::vector<QStringView> tokenViews(const QString &text)
{
    std::vector<QStringView> tokens;
    if (text.isEmpty())
        return tokens;
    QTextBoundaryFinder finder(QTextBoundaryFinder::Word, text);
    qsizetype start = 0;
    for (qsizetype end = finder.toNextBoundary(); end != -1; end = finder.toNextBoundary()) {
        if (end > start)
            tokens.push_back(QStringView(text).mid(start, end - start));
        start = end;
    }
    if (start < text.size())
        tokens.push_back(QStringView(text).mid(start));
    return tokens;
}

bool isBlank(QStringView token)
{
    for (QChar c : token) {
        if (!c.isSpace())
            return false;
    }
    return true;
}

void append(QList<WordDiff::Segment> &out, WordDiff::Op op, QStringView text)
{
    if (text.isEmpty())
        return;
    if (!out.isEmpty() && out.last().op == op)
        out.last().text += text;
    else
        out.append({op, text.toString()});
}

} // namespace

QStringList WordDiff::tokenize(const QString &text)
{
    QStringList out;
    for (QStringView t : tokenViews(text))
        out.append(t.toString());
    return out;
}

QList<WordDiff::Segment> WordDiff::compare(const QString &before, const QString &after)
{
    const std::vector<QStringView> a = tokenViews(before);
    const std::vector<QStringView> b = tokenViews(after);

    struct Token
    {
        WordDiff::Op op;
        QStringView text;
    };
    std::vector<Token> tokens;
    tokens.reserve(a.size() + b.size());
    if (a.empty() || b.empty()) {
        for (QStringView t : a)
            tokens.push_back({Op::Delete, t});
        for (QStringView t : b)
            tokens.push_back({Op::Insert, t});
    } else {
        dtl::Diff<QStringView, std::vector<QStringView>> diff(a, b);
        diff.compose();
        for (const auto &[token, info] : diff.getSes().getSequence()) {
            const Op op = info.type == dtl::SES_ADD ? Op::Insert : info.type == dtl::SES_DELETE ? Op::Delete : Op::Equal;
            tokens.push_back({op, token});
        }
    }

    // A change run is the tokens between two Equal words; a blank that both
    // sides happen to share inside it ("red car" -> "blue bike") would split
    // it into confetti, so it joins the run on both sides. Within a run the
    // deleted text is shown before the inserted.
    QList<Segment> out;
    QString deleted;
    QString inserted;
    auto flush = [&] {
        append(out, Op::Delete, deleted);
        append(out, Op::Insert, inserted);
        deleted.clear();
        inserted.clear();
    };
    for (size_t i = 0; i < tokens.size(); ++i) {
        const Token &t = tokens[i];
        if (t.op == Op::Delete) {
            deleted += t.text;
        } else if (t.op == Op::Insert) {
            inserted += t.text;
        } else {
            const bool inRun = !deleted.isEmpty() || !inserted.isEmpty();
            const bool nextChanges = i + 1 < tokens.size() && tokens[i + 1].op != Op::Equal;
            if (inRun && nextChanges && isBlank(t.text)) {
                deleted += t.text;
                inserted += t.text;
                continue;
            }
            flush();
            append(out, Op::Equal, t.text);
        }
    }
    flush();
    return out;
}

QString WordDiff::toHtml(const QList<Segment> &segments)
{
    QString html;
    for (const Segment &s : segments) {
        QString text = s.text.toHtmlEscaped();
        text.replace(QLatin1Char('\n'), QLatin1String("<br>"));
        switch (s.op) {
        case Op::Equal:
            html += text;
            break;
        case Op::Insert:
            html += QLatin1String("<ins>") + text + QLatin1String("</ins>");
            break;
        case Op::Delete:
            html += QLatin1String("<del>") + text + QLatin1String("</del>");
            break;
        }
    }
    return html;
}

QString WordDiff::before(const QList<Segment> &segments)
{
    QString out;
    for (const Segment &s : segments) {
        if (s.op != Op::Insert)
            out += s.text;
    }
    return out;
}

QString WordDiff::after(const QList<Segment> &segments)
{
    QString out;
    for (const Segment &s : segments) {
        if (s.op != Op::Delete)
            out += s.text;
    }
    return out;
}

} // namespace assay
