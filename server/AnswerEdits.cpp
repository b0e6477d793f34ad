#include "server/AnswerEdits.h"

#include <QRegularExpression>
#include <QStringList>

#include <utility>

using namespace Qt::StringLiterals;

namespace assay::server {

namespace {
// Words partners firm up between submissions.
const QList<std::pair<QString, QString>> Firmer = {
    {u"quarterly"_s, u"monthly"_s},  {u"annually"_s, u"every six months"_s},
    {u"should"_s, u"must"_s},        {u"usually"_s, u"always"_s},
    {u"most"_s, u"all"_s},           {u"some"_s, u"every"_s},
    {u"manually"_s, u"automatically"_s}, {u"planned"_s, u"in place"_s},
    {u"plan to"_s, u"now"_s},        {u"30 days"_s, u"7 days"_s},
    {u"90 days"_s, u"30 days"_s},    {u"recommended"_s, u"required"_s},
    {u"optional"_s, u"mandatory"_s}, {u"where possible"_s, u"without exception"_s}};
// Clauses added to the end of a sentence.
const QStringList Clauses = {
    u", and this is now checked in CI on every merge"_s,
    u", as the attached configuration shows"_s,
    u" (changed after the previous review)"_s,
    u", including background jobs and exports"_s,
    u", reviewed by our security lead every quarter"_s};

QStringList sentences(const QString &text)
{
    static const QRegularExpression boundary(u"(?<=[.!?])\\s+"_s);
    return text.split(boundary, Qt::SkipEmptyParts);
}

bool firmUp(QStringList &parts, QRandomGenerator &random)
{
    QList<std::pair<int, int>> candidates; // (sentence, pair)
    for (int s = 0; s < parts.size(); ++s) {
        for (int p = 0; p < Firmer.size(); ++p) {
            const QRegularExpression word(u"\\b%1\\b"_s.arg(QRegularExpression::escape(Firmer.at(p).first)));
            if (parts.at(s).contains(word))
                candidates.append({s, p});
        }
    }
    if (candidates.isEmpty())
        return false;
    const auto [s, p] = candidates.at(random.bounded(int(candidates.size())));
    const QRegularExpression word(u"\\b%1\\b"_s.arg(QRegularExpression::escape(Firmer.at(p).first)));
    const QRegularExpressionMatch m = word.match(parts.at(s));
    parts[s].replace(m.capturedStart(), m.capturedLength(), Firmer.at(p).second);
    return true;
}

bool takeSentence(QStringList &parts, const QString &better, QRandomGenerator &random)
{
    QStringList fresh;
    for (const QString &candidate : sentences(better)) {
        if (!parts.contains(candidate) && !candidate.contains(u'{'))
            fresh.append(candidate);
    }
    if (fresh.isEmpty())
        return false;
    parts.insert(1 + int(random.bounded(int(parts.size()))), fresh.at(random.bounded(int(fresh.size()))));
    return true;
}

bool dropSentence(QStringList &parts, QRandomGenerator &random)
{
    // Only from a longer answer: the rest of it must still be most of it.
    if (parts.size() < 4)
        return false;
    // Never the first: it usually carries the answer's subject.
    parts.removeAt(1 + int(random.bounded(int(parts.size() - 1))));
    return true;
}

void addClause(QStringList &parts, QRandomGenerator &random)
{
    const int s = int(random.bounded(int(parts.size())));
    QString &sentence = parts[s];
    const QString &clause = Clauses.at(random.bounded(int(Clauses.size())));
    if (sentence.endsWith(u'.'))
        sentence.insert(sentence.size() - 1, clause);
    else
        sentence.append(clause + u'.');
}
} // namespace

QString AnswerEdits::edit(const QString &previous, const QString &better, QRandomGenerator &random)
{
    QStringList parts = sentences(previous);
    if (parts.isEmpty())
        parts.append(previous);
    const int edits = 1 + int(random.bounded(3));
    bool changed = false;
    for (int i = 0; i < edits; ++i) {
        switch (random.bounded(4)) {
        case 0:
            changed |= takeSentence(parts, better, random);
            break;
        case 1:
            changed |= firmUp(parts, random);
            break;
        case 2:
            changed |= dropSentence(parts, random);
            break;
        default:
            addClause(parts, random);
            changed = true;
            break;
        }
    }
    if (!changed)
        addClause(parts, random);
    QString out = parts.join(u' ');
    if (out == previous) { // a clause the text already had, say
        parts.append(u"This is now checked in CI on every merge."_s);
        out = parts.join(u' ');
    }
    return out;
}

} // namespace assay::server
