#pragma once

#include <QRandomGenerator>
#include <QString>

namespace assay::server {

// How a partner revises an answer for a resubmission: not a new text but the
// old one edited — a sentence taken over from a better answer, a firmer word
// ("quarterly" becomes "monthly", "should" becomes "must"), a sentence
// dropped, a clause added. What the review screen's word diff is for.
class AnswerEdits
{
public:
    // `previous` with one to three edits; `better` is a stronger answer to
    // the same question that sentences may be taken from. Never returns
    // `previous` unchanged. Draws only from `random`.
    static QString edit(const QString &previous, const QString &better, QRandomGenerator &random);
};

} // namespace assay::server
