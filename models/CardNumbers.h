#pragma once

#include <QList>
#include <QStringView>

namespace assay {

// Payment card numbers in a line of text, for the secrets finder: 13 to 19
// digits, plain or grouped as cards are printed, that pass the Luhn check and
// start with a known issuer's prefix at that network's length. Not inside a
// longer token (a hex digest, a decimal, a path, a +49 phone number), and not
// the payment processors' published test numbers.
class CardNumbers
{
public:
    struct Span
    {
        qsizetype column = 0;
        qsizetype length = 0;
    };
    static QList<Span> find(QStringView line);
};

} // namespace assay
