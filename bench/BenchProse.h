#pragma once

// Believable answer text for the benchmarks' generated caches: `count` words
// drawn from `words`, in sentences of 9 to 20 words. One generator for every
// bench data writer (the review screen's and the queue's), so their text has
// the same shape.

#include <QRandomGenerator>
#include <QString>
#include <QStringList>

namespace assay::bench {

// The words of a security answer, common and plain: the bench caches' text.
inline QStringList answerWords()
{
    using namespace Qt::StringLiterals;
    return {
        u"the"_s, u"tenant"_s, u"data"_s, u"is"_s, u"encrypted"_s, u"at"_s, u"rest"_s, u"with"_s, u"AES-256"_s,
        u"keys"_s, u"rotate"_s, u"every"_s, u"ninety"_s, u"days"_s, u"and"_s, u"access"_s, u"requires"_s, u"a"_s,
        u"signed"_s, u"token"_s, u"our"_s, u"service"_s, u"validates"_s, u"input"_s, u"on"_s, u"server"_s,
        u"side"_s, u"before"_s, u"it"_s, u"reaches"_s, u"database"_s, u"queries"_s, u"are"_s, u"parameterised"_s,
        u"sessions"_s, u"expire"_s, u"after"_s, u"thirty"_s, u"minutes"_s, u"of"_s, u"inactivity"_s, u"we"_s,
        u"log"_s, u"administrative"_s, u"actions"_s, u"to"_s, u"an"_s, u"append-only"_s, u"store"_s, u"backups"_s,
        u"restored"_s, u"quarterly"_s, u"in"_s, u"separate"_s, u"region"_s, u"dependencies"_s, u"scanned"_s,
        u"nightly"_s, u"for"_s, u"known"_s, u"vulnerabilities"_s, u"patched"_s, u"within"_s, u"seven"_s,
        u"critical"_s, u"findings"_s, u"penetration"_s, u"test"_s, u"by"_s, u"independent"_s, u"firm"_s,
        u"covered"_s, u"API"_s, u"web"_s, u"client"_s, u"OAuth"_s, u"scopes"_s, u"limit"_s, u"each"_s,
        u"integration"_s, u"what"_s, u"needs"_s, u"secrets"_s, u"live"_s, u"vault"_s, u"never"_s, u"source"_s,
        u"code"_s, u"CSRF"_s, u"tokens"_s, u"bound"_s, u"session"_s, u"headers"_s, u"set"_s, u"Content-Security-Policy"_s,
        u"row-level"_s, u"security"_s, u"enforced"_s, u"PostgreSQL"_s, u"policies"_s, u"reviewed"_s, u"release"_s,
    };
}

inline QString prose(QRandomGenerator &rng, const QStringList &words, int count)
{
    QString text;
    text.reserve(count * 8);
    int sentence = 0;
    for (int i = 0; i < count; ++i) {
        QString w = words.at(int(rng.bounded(int(words.size()))));
        if (sentence == 0)
            w[0] = w.at(0).toUpper();
        if (!text.isEmpty())
            text += u' ';
        text += w;
        if (++sentence > 8 + int(rng.bounded(12)) || i == count - 1) {
            text += u'.';
            sentence = 0;
        }
    }
    return text;
}

} // namespace assay::bench
