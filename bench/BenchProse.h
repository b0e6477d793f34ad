#pragma once

// Believable answer text for the benchmarks' generated caches: `count` words
// drawn from `words`, in sentences of 9 to 20 words. One generator for every
// bench data writer (the review screen's and the queue's), so their text has
// the same shape.

#include <QRandomGenerator>
#include <QString>
#include <QStringList>

namespace assay::bench {

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
