#include "models/WordDiff.h"

#include <QHash>
#include <QStringView>
#include <QTextBoundaryFinder>

// dtl (Debian's libdtl-dev, header-only) rather than a diff of our own: it is
// a packaged, tested implementation of Wu's O(NP) algorithm, which stays fast
// on long answers whose versions differ little, and it works on any element
// type, so it diffs word tokens directly.
#include <dtl/dtl.hpp>

#include <cstdlib>
#include <vector>

namespace assay {

namespace {

// dtl's cost grows with the tokens it is given times the edits it finds:
// every word of a 20,000-character answer (the API's limit) rewritten costs
// about half a second. Word diffs stay within these bounds (about 20 ms);
// past them compare() first matches whole sentences (see diffMiddle()).
constexpr size_t MaxDiffTokens = 8000;
constexpr size_t MaxDiffCost = MaxDiffTokens * MaxDiffTokens;

struct Token
{
    WordDiff::Op op;
    QStringView text;
};

// Tokens as views into the caller's strings: no copies for long answers.
std::vector<QStringView> tokenViews(QStringView text, QTextBoundaryFinder::BoundaryType type)
{
    std::vector<QStringView> tokens;
    if (text.isEmpty())
        return tokens;
    QTextBoundaryFinder finder(type, text.data(), int(text.size()));
    qsizetype start = 0;
    for (qsizetype end = finder.toNextBoundary(); end != -1; end = finder.toNextBoundary()) {
        if (end > start)
            tokens.push_back(text.mid(start, end - start));
        start = end;
    }
    if (start < text.size())
        tokens.push_back(text.mid(start));
    return tokens;
}

// The text a run of adjacent tokens of `text` covers.
QStringView span(const QString &text, const std::vector<QStringView> &tokens)
{
    if (tokens.empty())
        return {};
    const qsizetype from = tokens.front().data() - text.constData();
    const qsizetype to = tokens.back().data() + tokens.back().size() - text.constData();
    return QStringView(text).mid(from, to - from);
}

// The fewest edits turning a into b can be no fewer than the tokens one has
// more of than the other: a cheap floor for dtl's cost.
size_t editsAtLeast(const std::vector<QStringView> &a, const std::vector<QStringView> &b)
{
    QHash<QStringView, qsizetype> count;
    for (QStringView t : a)
        ++count[t];
    for (QStringView t : b)
        --count[t];
    size_t edits = 0;
    for (qsizetype c : std::as_const(count))
        edits += size_t(std::abs(c));
    return edits;
}

// Word tokens by dtl. Equal and Delete tokens are views into a's text,
// Insert tokens into b's, whichever way round dtl works internally.
void diffTokens(const std::vector<QStringView> &a, const std::vector<QStringView> &b, std::vector<Token> &out)
{
    if (a.empty() || b.empty()) {
        for (QStringView t : a)
            out.push_back({WordDiff::Op::Delete, t});
        for (QStringView t : b)
            out.push_back({WordDiff::Op::Insert, t});
        return;
    }
    dtl::Diff<QStringView, std::vector<QStringView>> diff(a, b);
    diff.compose();
    for (const auto &[token, info] : diff.getSes().getSequence()) {
        const WordDiff::Op op = info.type == dtl::SES_ADD ? WordDiff::Op::Insert
                              : info.type == dtl::SES_DELETE ? WordDiff::Op::Delete : WordDiff::Op::Equal;
        out.push_back({op, token});
    }
}

// A changed run of text, word by word when that stays within bounds, else
// as one replacement.
void diffRun(QStringView runA, QStringView runB, std::vector<Token> &out)
{
    const std::vector<QStringView> a = tokenViews(runA, QTextBoundaryFinder::Word);
    const std::vector<QStringView> b = tokenViews(runB, QTextBoundaryFinder::Word);
    const size_t size = a.size() + b.size();
    if (size <= MaxDiffTokens || size * editsAtLeast(a, b) <= MaxDiffCost) {
        diffTokens(a, b, out);
        return;
    }
    if (!runA.isEmpty())
        out.push_back({WordDiff::Op::Delete, runA});
    if (!runB.isEmpty())
        out.push_back({WordDiff::Op::Insert, runB});
}

// The part of the texts between their common beginning and end. Small or
// little changed: word by word. Otherwise sentences are matched first and
// each run of changed sentences is compared word by word on its own, so a
// long answer rewritten throughout costs sentences, not words squared.
void diffMiddle(const QString &before, const QString &after, const std::vector<QStringView> &a,
                const std::vector<QStringView> &b, std::vector<Token> &out)
{
    const size_t size = a.size() + b.size();
    if (size <= MaxDiffTokens || size * editsAtLeast(a, b) <= MaxDiffCost) {
        diffTokens(a, b, out);
        return;
    }
    const std::vector<QStringView> sa = tokenViews(span(before, a), QTextBoundaryFinder::Sentence);
    const std::vector<QStringView> sb = tokenViews(span(after, b), QTextBoundaryFinder::Sentence);
    if (sa.size() + sb.size() > MaxDiffTokens) {
        diffRun(span(before, a), span(after, b), out);
        return;
    }
    std::vector<Token> sentences;
    diffTokens(sa, sb, sentences);
    std::vector<QStringView> deleted;
    std::vector<QStringView> inserted;
    auto flush = [&] {
        if (!deleted.empty() || !inserted.empty())
            diffRun(span(before, deleted), span(after, inserted), out);
        deleted.clear();
        inserted.clear();
    };
    for (const Token &t : sentences) {
        if (t.op == WordDiff::Op::Delete) {
            deleted.push_back(t.text);
        } else if (t.op == WordDiff::Op::Insert) {
            inserted.push_back(t.text);
        } else {
            flush();
            for (QStringView w : tokenViews(t.text, QTextBoundaryFinder::Word))
                out.push_back({WordDiff::Op::Equal, w});
        }
    }
    flush();
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
    for (QStringView t : tokenViews(text, QTextBoundaryFinder::Word))
        out.append(t.toString());
    return out;
}

QList<WordDiff::Segment> WordDiff::compare(const QString &before, const QString &after)
{
    const std::vector<QStringView> a = tokenViews(before, QTextBoundaryFinder::Word);
    const std::vector<QStringView> b = tokenViews(after, QTextBoundaryFinder::Word);
    std::vector<Token> tokens;
    tokens.reserve(a.size() + b.size());

    // A revised answer mostly keeps its beginning and end: only the middle
    // goes to dtl, whose cost grows with the length it is given times the
    // number of edits.
    size_t prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix])
        ++prefix;
    size_t suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
        ++suffix;
    for (size_t i = 0; i < prefix; ++i)
        tokens.push_back({Op::Equal, a[i]});
    const std::vector<QStringView> midA(a.begin() + qsizetype(prefix), a.end() - qsizetype(suffix));
    const std::vector<QStringView> midB(b.begin() + qsizetype(prefix), b.end() - qsizetype(suffix));
    diffMiddle(before, after, midA, midB, tokens);
    for (size_t i = a.size() - suffix; i < a.size(); ++i)
        tokens.push_back({Op::Equal, a[i]});

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
