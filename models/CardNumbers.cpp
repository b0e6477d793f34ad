#include "models/CardNumbers.h"

#include <algorithm>
#include <array>

namespace assay {

namespace {

using namespace Qt::StringLiterals;

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isAsciiAlnum(QChar c)
{
    return isAsciiDigit(c) || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool luhn(const std::array<char, 20> &d, int n)
{
    int sum = 0;
    for (int i = 0; i < n; ++i) {
        int v = d[n - 1 - i] - '0';
        if (i % 2 == 1) {
            v *= 2;
            if (v > 9)
                v -= 9;
        }
        sum += v;
    }
    return sum % 10 == 0;
}

// Issuer (IIN) ranges and lengths of the networks a reviewer will meet.
bool knownIssuer(const std::array<char, 20> &d, int n)
{
    auto prefix = [&](int digits) {
        int v = 0;
        for (int i = 0; i < digits; ++i)
            v = v * 10 + (d[i] - '0');
        return v;
    };
    const int p2 = prefix(2);
    const int p3 = prefix(3);
    const int p4 = prefix(4);
    if (d[0] == '4') // Visa
        return n == 13 || n == 16 || n == 19;
    if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) // Mastercard
        return n == 16;
    if (p2 == 34 || p2 == 37) // American Express
        return n == 15;
    if (p4 == 6011 || p2 == 65 || (p3 >= 644 && p3 <= 649)) // Discover
        return n >= 16;
    if ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39) // Diners Club
        return n >= 14;
    if (p4 >= 3528 && p4 <= 3589) // JCB
        return n >= 16;
    if (p2 == 62) // UnionPay
        return n >= 16;
    return false;
}

// The processors' published test numbers (Stripe, Adyen, Braintree, PayPal):
// partners' payment test logs are full of them, and they are nobody's card.
bool isPublishedTestCard(const std::array<char, 20> &d, int n)
{
    static const std::array tests{
        "4111111111111111"_L1, "4242424242424242"_L1, "4012888888881881"_L1, "4000056655665556"_L1,
        "4222222222222"_L1,    "5555555555554444"_L1, "5105105105105100"_L1, "5200828282828210"_L1,
        "2223003122003222"_L1, "5454545454545454"_L1, "378282246310005"_L1,  "371449635398431"_L1,
        "378734493671000"_L1,  "6011111111111117"_L1, "6011000990139424"_L1, "30569309025904"_L1,
        "38520000023237"_L1,   "3530111333300000"_L1, "3566002020360505"_L1, "6200000000000005"_L1,
        "4000000000000002"_L1, "4000000000000077"_L1, "4000000000003220"_L1, "4917610000000000"_L1,
        "2222400070000005"_L1, "5100290029002909"_L1,
    };
    const QLatin1StringView digits(d.data(), n);
    return std::ranges::find(tests, digits) != tests.end();
}

// Card numbers are written plain or in groups of four (4-6-5 for Amex, 4-6-4
// for Diners); anything else grouped is a phone number, a date or a list.
bool validGrouping(const QList<int> &groups)
{
    if (groups.size() == 1)
        return true;
    if (groups.size() == 3 && groups[0] == 4 && groups[1] == 6 && (groups[2] == 5 || groups[2] == 4))
        return true;
    for (qsizetype i = 0; i + 1 < groups.size(); ++i) {
        if (groups[i] != 4)
            return false;
    }
    return groups.back() >= 1 && groups.back() <= 4;
}

} // namespace

QList<CardNumbers::Span> CardNumbers::find(QStringView line)
{
    QList<Span> found;
    const qsizetype n = line.size();
    qsizetype i = 0;
    QList<int> groups;
    while (i < n) {
        if (!isAsciiDigit(line[i])) {
            ++i;
            continue;
        }
        // Not part of a longer token: a hex digest, a decimal, a path, a
        // signed or international (+49 ...) number. Such a token ends at its
        // last digit; it does not run on into the next group.
        const qsizetype start = i;
        const QChar before = start > 0 ? line[start - 1] : QChar();
        if (isAsciiAlnum(before) || before == u'_' || before == u'.' || before == u'+' || before == u'-'
            || before == u'/') {
            while (i < n && isAsciiDigit(line[i]))
                ++i;
            continue;
        }
        // A run of digits, single spaces or dashes between them.
        std::array<char, 20> digits{};
        int count = 0;
        int group = 0;
        QChar separator;
        bool mixed = false;
        groups.clear();
        while (i < n) {
            const QChar c = line[i];
            if (isAsciiDigit(c)) {
                if (count < 20)
                    digits[count] = char(c.unicode());
                ++count;
                ++group;
                ++i;
            } else if ((c == u' ' || c == u'-') && i + 1 < n && isAsciiDigit(line[i + 1])) {
                mixed = mixed || (!separator.isNull() && separator != c);
                separator = c;
                groups.append(group);
                group = 0;
                ++i;
            } else {
                break;
            }
        }
        groups.append(group);
        const qsizetype end = i;
        if (count < 13 || count > 19 || mixed || !validGrouping(groups))
            continue;
        const QChar after = end < n ? line[end] : QChar();
        if (isAsciiAlnum(after) || after == u'_')
            continue;
        if ((after == u'.' || after == u',') && end + 1 < n && isAsciiDigit(line[end + 1]))
            continue;
        if (!knownIssuer(digits, count) || !luhn(digits, count) || isPublishedTestCard(digits, count))
            continue;
        found.append({start, end - start});
    }
    return found;
}

} // namespace assay
