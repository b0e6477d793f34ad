#include "models/SecretRules.h"

#include "models/CardNumbers.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <cmath>

namespace assay {

namespace {

using namespace Qt::StringLiterals;
using Kind = SecretFinding::Kind;

enum RuleIndex {
    PrivateKey,
    Jwt,
    GitHub,
    Slack,
    Stripe,
    Google,
    AwsKeyId,
    AwsSecret,
    Azure,
    Bearer,
    UrlPassword,
    ConnectionPassword,
    Card,
    Email,
};

QRegularExpression compile(const QString &pattern)
{
    QRegularExpression re(pattern);
    Q_ASSERT_X(re.isValid(), "SecretRules", qPrintable(re.errorString()));
    re.optimize();
    return re;
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isAsciiAlnum(QChar c)
{
    return isAsciiDigit(c) || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

// Bits per character: random keys are near 4–6, words and repeats far below.
double entropy(QStringView s)
{
    std::array<int, 128> counts{};
    int other = 0;
    for (QChar c : s) {
        if (c.unicode() < 128)
            ++counts[c.unicode()];
        else
            ++other;
    }
    double h = 0;
    const double n = double(s.size());
    auto add = [&](int k) {
        if (k > 0)
            h -= (k / n) * std::log2(k / n);
    };
    for (int k : counts)
        add(k);
    add(other);
    return h;
}

bool hasLetterAndDigit(QStringView s)
{
    bool letter = false;
    bool digit = false;
    for (QChar c : s) {
        letter = letter || c.isLetter();
        digit = digit || isAsciiDigit(c);
    }
    return letter && digit;
}

// Rule sets and vendor docs publish example keys (AKIAIOSFODNN7EXAMPLE,
// wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY, ...); they are in every README and
// must not be findings. They all say so in the key itself.
bool isPublishedExample(QStringView s)
{
    return s.contains(u"example"_s, Qt::CaseInsensitive);
}

// Words and shapes that stand for a token rather than being one.
bool looksLikeTokenPlaceholder(QStringView s)
{
    static const std::array words{u"your"_s, u"token"_s, u"xxxx"_s, u"placeholder"_s, u"redacted"_s, u"dummy"_s,
                                  u"insert"_s, u"changeme"_s};
    return std::ranges::any_of(words, [&](const QString &w) { return s.contains(w, Qt::CaseInsensitive); });
}

// Passwords in URLs and connection strings that are placeholders, not
// passwords: empty, only punctuation (****, ???), template and format
// variables (${VAR}, $VAR, {{var}}, %s, <password>), and the words docs use.
bool isPlaceholderPassword(QStringView v)
{
    if (v.isEmpty())
        return true;
    if (std::ranges::none_of(v, [](QChar c) { return c.isLetterOrNumber(); }))
        return true;
    if (std::ranges::all_of(v, [&](QChar c) { return c == v.front(); }))
        return true;
    const QChar first = v.front();
    if (first == u'$' || first == u'<' || first == u'[' || first == u'{')
        return true;
    if (v.contains(u"%s"_s) || v.contains(u"%("_s) || v.contains(u"${"_s) || v.contains(u"{{"_s))
        return true;
    QString word;
    for (QChar c : v) {
        if (c.isLetterOrNumber())
            word += c.toLower();
    }
    static const std::array words{u"password"_s, u"passwd"_s, u"pass"_s, u"pwd"_s, u"secret"_s, u"changeme"_s,
                                  u"yourpassword"_s, u"mypassword"_s, u"redacted"_s, u"placeholder"_s,
                                  u"hidden"_s, u"masked"_s, u"null"_s, u"none"_s, u"example"_s};
    return std::ranges::find(words, word) != words.end() || word.contains(u"example"_s);
}

// RFC 2606 / 6761 names reserved for documentation and tests: nobody's
// address, so not personal data, and they are in every example config.
bool isReservedDomain(QStringView domain)
{
    const QString d = domain.toString().toLower();
    static const std::array exampleDomains{u"example.com"_s, u"example.org"_s, u"example.net"_s};
    for (const QString &e : exampleDomains) {
        if (d == e || d.endsWith(u'.' + e))
            return true;
    }
    static const std::array reservedTlds{u"test"_s, u"example"_s, u"invalid"_s, u"localhost"_s, u"local"_s};
    const QString tld = d.section(u'.', -1);
    return std::ranges::find(reservedTlds, tld) != reservedTlds.end();
}

// "logo@2x.png", "bundle@1.2.js": file names, not addresses.
bool isFileExtension(QStringView tld)
{
    static const std::array extensions{u"png"_s, u"jpg"_s, u"jpeg"_s, u"gif"_s, u"svg"_s, u"webp"_s, u"ico"_s,
                                       u"bmp"_s, u"js"_s, u"mjs"_s, u"cjs"_s, u"ts"_s, u"tsx"_s, u"jsx"_s,
                                       u"css"_s, u"scss"_s, u"json"_s, u"html"_s, u"htm"_s, u"xml"_s, u"txt"_s,
                                       u"py"_s, u"rb"_s, u"java"_s, u"cpp"_s, u"hpp"_s, u"php"_s, u"yml"_s,
                                       u"yaml"_s, u"toml"_s, u"lock"_s, u"map"_s, u"zip"_s, u"gz"_s, u"tar"_s,
                                       u"pdf"_s, u"woff"_s, u"woff2"_s, u"ttf"_s};
    const QString t = tld.toString().toLower();
    return std::ranges::find(extensions, t) != extensions.end();
}

std::optional<QJsonObject> base64UrlJsonObject(QStringView part)
{
    QByteArray bytes = part.toLatin1();
    while (bytes.size() % 4)
        bytes.append('=');
    const auto decoded = QByteArray::fromBase64Encoding(
        bytes, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

// --- prefilter --------------------------------------------------------------

// What a line could hold, from one pass over it: the rules whose literal
// parts are missing are not run at all, so a plain log line costs one loop.
enum Trigger : unsigned {
    Dashes = 1 << 0, // -----
    EyJ = 1 << 1,
    GitHubPrefix = 1 << 2, // gh?_ / _pat_
    Xox = 1 << 3,
    AIza = 1 << 4,
    AkiaAsia = 1 << 5,
    Secret = 1 << 6, // any case
    AccessKeyName = 1 << 7, // AccountKey / SharedAccessKey
    BearerWord = 1 << 8, // any case
    At = 1 << 9,
    SchemeSlashes = 1 << 10, // ://
    PasswordWord = 1 << 11, // pwd / password, any case
    Equals = 1 << 12,
    ManyDigits = 1 << 13, // 13 or more
    StripeLive = 1 << 14, // _live_
};

char16_t lower(QChar c)
{
    const char16_t u = c.unicode();
    return u >= u'A' && u <= u'Z' ? char16_t(u | 0x20) : u;
}

// The ASCII letters of `word` (lower case) at `at`, in any case.
bool hasWordAt(QStringView line, qsizetype at, QLatin1StringView word)
{
    if (at + word.size() > line.size())
        return false;
    for (qsizetype i = 0; i < word.size(); ++i) {
        if (lower(line[at + i]) != char16_t(word[i].unicode()))
            return false;
    }
    return true;
}

bool hasAt(QStringView line, qsizetype at, QLatin1StringView literal)
{
    return at + literal.size() <= line.size() && line.sliced(at, literal.size()) == literal;
}

unsigned triggers(QStringView line)
{
    unsigned t = 0;
    int digits = 0;
    const qsizetype n = line.size();
    for (qsizetype i = 0; i < n; ++i) {
        switch (line[i].unicode()) {
        case u'-':
            if (hasAt(line, i, "-----"_L1))
                t |= Dashes;
            break;
        case u'J':
            if (i >= 2 && line[i - 1] == u'y' && line[i - 2] == u'e')
                t |= EyJ;
            break;
        case u'_':
            if ((i >= 3 && line[i - 3] == u'g' && line[i - 2] == u'h') || hasAt(line, i, "_pat_"_L1))
                t |= GitHubPrefix;
            else if (hasAt(line, i, "_live_"_L1))
                t |= StripeLive;
            break;
        case u'x':
            if (hasAt(line, i, "xox"_L1))
                t |= Xox;
            break;
        case u'A':
            if (hasAt(line, i, "AIza"_L1))
                t |= AIza;
            else if (hasAt(line, i, "AKIA"_L1) || hasAt(line, i, "ASIA"_L1))
                t |= AkiaAsia;
            else if (hasAt(line, i, "AccountKey"_L1))
                t |= AccessKeyName;
            break;
        case u'S':
        case u's':
            if (hasWordAt(line, i, "secret"_L1))
                t |= Secret;
            else if (hasAt(line, i, "SharedAccessKey"_L1))
                t |= AccessKeyName;
            break;
        case u'B':
        case u'b':
            if (hasWordAt(line, i, "bearer"_L1))
                t |= BearerWord;
            break;
        case u'P':
        case u'p':
            if (hasWordAt(line, i, "pwd"_L1) || hasWordAt(line, i, "password"_L1))
                t |= PasswordWord;
            break;
        case u'@':
            t |= At;
            break;
        case u':':
            if (hasAt(line, i, "://"_L1))
                t |= SchemeSlashes;
            break;
        case u'=':
            t |= Equals;
            break;
        default:
            if (isAsciiDigit(line[i]))
                ++digits;
            break;
        }
    }
    if (digits >= 13)
        t |= ManyDigits;
    return t;
}

} // namespace

const QList<SecretRules::Rule> &SecretRules::rules()
{
    // Indexed by RuleIndex; the order is the priority.
    static const QList<Rule> all{
        {"private-key"_L1, Kind::PrivateKey, QT_TRANSLATE_NOOP("SecretsFinder", "private key")},
        {"jwt"_L1, Kind::Jwt, QT_TRANSLATE_NOOP("SecretsFinder", "JSON Web Token")},
        {"github-token"_L1, Kind::Token, QT_TRANSLATE_NOOP("SecretsFinder", "GitHub token")},
        {"slack-token"_L1, Kind::Token, QT_TRANSLATE_NOOP("SecretsFinder", "Slack token")},
        {"stripe-live-key"_L1, Kind::Token, QT_TRANSLATE_NOOP("SecretsFinder", "Stripe live key")},
        {"google-api-key"_L1, Kind::CloudAccessKey, QT_TRANSLATE_NOOP("SecretsFinder", "Google API key")},
        {"aws-access-key-id"_L1, Kind::CloudAccessKey, QT_TRANSLATE_NOOP("SecretsFinder", "AWS access key")},
        {"aws-secret-access-key"_L1, Kind::CloudAccessKey,
         QT_TRANSLATE_NOOP("SecretsFinder", "AWS secret access key")},
        {"azure-account-key"_L1, Kind::CloudAccessKey, QT_TRANSLATE_NOOP("SecretsFinder", "Azure account key")},
        {"bearer-token"_L1, Kind::Token, QT_TRANSLATE_NOOP("SecretsFinder", "bearer token")},
        {"url-password"_L1, Kind::UrlPassword, QT_TRANSLATE_NOOP("SecretsFinder", "password in a URL")},
        {"connection-string-password"_L1, Kind::ConnectionString,
         QT_TRANSLATE_NOOP("SecretsFinder", "password in a connection string")},
        {"card-number"_L1, Kind::CardNumber, QT_TRANSLATE_NOOP("SecretsFinder", "payment card number")},
        {"email"_L1, Kind::Email, QT_TRANSLATE_NOOP("SecretsFinder", "e-mail address")},
    };
    return all;
}

int SecretRules::indexOf(QStringView id)
{
    const QList<Rule> &all = rules();
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (id == all[i].id)
            return int(i);
    }
    return -1;
}

SecretRules::SecretRules()
    : m_pemMarker(compile(u"-----(BEGIN|END) ((?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?)-----"_s))
    , m_jwt(compile(u"(?<![A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]{8,})\\.([A-Za-z0-9_-]{8,})\\.([A-Za-z0-9_-]*)"
                    "(?![A-Za-z0-9_.-])"_s))
    , m_github(compile(u"(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})"
                       "(?![A-Za-z0-9_])"_s))
    , m_slack(compile(u"(?<![A-Za-z0-9])xox[bpars]-[0-9]+-[0-9A-Za-z-]{16,}(?![A-Za-z0-9-])"_s))
    , m_stripe(compile(u"(?<![A-Za-z0-9_])[rs]k_live_[0-9A-Za-z]{24,99}(?![A-Za-z0-9_])"_s))
    , m_google(compile(u"(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])"_s))
    , m_awsKeyId(compile(u"(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z2-7]{16}(?![A-Za-z0-9])"_s))
    // The secret is 40 characters of base64 with nothing to recognise it by:
    // only next to its name.
    , m_awsSecret(compile(u"(?i:aws[_.-]?secret[_.-]?(?:access[_.-]?)?key|secret[_.-]?access[_.-]?key)[\"']?\\s*"
                          "(?::=|=>|:|=)\\s*[\"']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])"_s))
    , m_azure(compile(u"(?<![A-Za-z0-9])(?:AccountKey|SharedAccessKey)\\s*=\\s*([A-Za-z0-9+/]{40,}={0,2})"_s))
    , m_bearer(compile(u"(?<![A-Za-z0-9_])(?i:bearer)\\s+([A-Za-z0-9._~+/-]{16,}=*)(?![A-Za-z0-9._~+/=-])"_s))
    , m_urlPassword(compile(u"(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]*://([^\\s:/?#@\\[\\]\"'<>]+):"
                            "([^\\s/?#@\"'<>]+)@([A-Za-z0-9][A-Za-z0-9.-]*)"_s))
    , m_connectionPassword(compile(u"(?<![A-Za-z0-9_])(?i:password|pwd)\\s*=\\s*(\\{[^}]*\\}|\\\\\"[^\"\\\\]*\\\\\"|\"[^\"]*\"|'[^']*'|"
                                   "[^;&\\s\"']*)"_s))
    , m_email(compile(u"(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}"
                      "[A-Za-z0-9])?\\.)+([A-Za-z]{2,24}))(?![A-Za-z0-9-]|\\.[A-Za-z0-9])"_s))
{
}

SecretRules::PemMarkers SecretRules::pemMarkers(QStringView line) const
{
    // One pass over the markers, each BEGIN paired with the END right after
    // it: a line of a million markers costs what its length does, where a
    // lazy BEGIN(.*?)END match would rescan the rest of it at every BEGIN.
    PemMarkers markers;
    auto it = m_pemMarker.globalMatchView(line);
    std::optional<QRegularExpressionMatch> begin;
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (m.capturedView(1) == u"BEGIN"_s) {
            begin = m;
            continue;
        }
        if (begin && begin->capturedView(2) == m.capturedView(2)) {
            const QStringView body = line.sliced(begin->capturedEnd(), m.capturedStart() - begin->capturedEnd());
            markers.blocks.append({begin->capturedStart(), m.capturedEnd() - begin->capturedStart(), body});
        }
        begin.reset();
    }
    if (begin)
        markers.open = BlockStart{begin->capturedStart(), u"-----END "_s + begin->captured(2) + u"-----"_s};
    return markers;
}

std::optional<SecretRules::BlockStart> SecretRules::blockStart(QStringView line) const
{
    if (!line.contains(u"-----BEGIN "_s))
        return std::nullopt;
    return pemMarkers(line).open;
}

bool SecretRules::isPemBodyLine(QStringView line)
{
    QStringView t = line.trimmed();
    // As source code and YAML hold it: "MIIE...\n" +, 'MIIE...',
    while (!t.isEmpty() && (t.back() == u'+' || t.back() == u',' || t.back() == u';' || t.back().isSpace()))
        t.chop(1);
    if (t.size() >= 2 && (t.front() == u'"' || t.front() == u'\'') && t.back() == t.front())
        t = t.sliced(1, t.size() - 2);
    if (t.endsWith(u"\\n"_s))
        t.chop(2);
    if (t.size() < 4)
        return false;
    return std::ranges::all_of(t, [](QChar c) { return isAsciiAlnum(c) || c == u'+' || c == u'/' || c == u'='; });
}

bool SecretRules::isPemHeaderLine(QStringView line)
{
    const QStringView t = line.trimmed();
    return t.isEmpty() || t.startsWith(u"Proc-Type:"_s) || t.startsWith(u"DEK-Info:"_s)
        || t.startsWith(u"Comment:"_s) || t.startsWith(u"Version:"_s) || t.startsWith(u"Charset:"_s);
}

QList<SecretRules::Hit> SecretRules::scan(QStringView line) const
{
    QList<Hit> hits;
    const unsigned t = triggers(line);
    if (t & ~(ManyDigits | Equals))
        scanRegexRules(line, t, hits);
    if (t & ManyDigits) {
        for (const CardNumbers::Span &span : CardNumbers::find(line))
            hits.append({Card, span.column, span.length});
    }
    if (hits.size() > 1) {
        // The more specific rule wins where two overlap.
        std::ranges::stable_sort(hits, {}, &Hit::rule);
        QList<Hit> kept;
        for (const Hit &h : hits) {
            const bool overlaps = std::ranges::any_of(kept, [&](const Hit &k) {
                return h.column < k.column + k.length && k.column < h.column + h.length;
            });
            if (!overlaps)
                kept.append(h);
        }
        hits = std::move(kept);
        std::ranges::sort(hits, {}, &Hit::column);
    }
    return hits;
}

void SecretRules::scanRegexRules(QStringView line, unsigned t, QList<Hit> &hits) const
{
    auto each = [&](const QRegularExpression &re, auto &&check) {
        auto it = re.globalMatchView(line);
        while (it.hasNext())
            check(it.next());
    };
    auto whole = [&](int rule) {
        return [&hits, rule](const QRegularExpressionMatch &m) {
            if (!isPublishedExample(m.capturedView()) && entropy(m.capturedView()) >= 3.0)
                hits.append({rule, m.capturedStart(), m.capturedLength()});
        };
    };

    // Cheap literal prefilters first: most lines of a log meet none of them.
    if ((t & Dashes) && line.contains(u"PRIVATE KEY-----"_s)) {
        // A key in one line, its line breaks escaped: a GCP service
        // account's "private_key", a PEM pasted into a JSON or .env value.
        for (const PemMarkers::Block &block : pemMarkers(line).blocks) {
            const auto base64 = std::ranges::count_if(block.body, [](QChar c) { return isAsciiAlnum(c); });
            if (base64 >= 32)
                hits.append({PrivateKey, block.column, block.length});
        }
    }
    if (t & EyJ) {
        each(m_jwt, [&](const QRegularExpressionMatch &m) {
            const auto header = base64UrlJsonObject(m.capturedView(1));
            if (!header || !header->value(u"alg"_s).isString())
                return;
            const auto payload = base64UrlJsonObject(m.capturedView(2));
            if (!payload)
                return;
            // jwt.io's sample token, in every tutorial.
            if (payload->value(u"sub"_s).toString() == "1234567890"_L1
                && payload->value(u"name"_s).toString() == "John Doe"_L1)
                return;
            const bool unsigned_ = header->value(u"alg"_s).toString().compare("none"_L1, Qt::CaseInsensitive) == 0;
            if (!unsigned_ && m.capturedLength(3) < 16)
                return;
            hits.append({Jwt, m.capturedStart(), m.capturedLength()});
        });
    }
    if (t & GitHubPrefix)
        each(m_github, whole(GitHub));
    if (t & Xox)
        each(m_slack, whole(Slack));
    if (t & StripeLive)
        each(m_stripe, whole(Stripe));
    if (t & AIza)
        each(m_google, whole(Google));
    if (t & AkiaAsia) {
        each(m_awsKeyId, [&](const QRegularExpressionMatch &m) {
            // Words in capitals (ASIAPACIFICSOUTHEAST) are not random base32.
            const QStringView suffix = m.capturedView().sliced(4);
            const bool digits = std::ranges::any_of(suffix, isAsciiDigit);
            if (!isPublishedExample(m.capturedView()) && (digits || entropy(suffix) >= 3.5))
                hits.append({AwsKeyId, m.capturedStart(), m.capturedLength()});
        });
    }
    if (t & Secret) {
        each(m_awsSecret, [&](const QRegularExpressionMatch &m) {
            const QStringView v = m.capturedView(1);
            if (!isPublishedExample(v) && entropy(v) >= 3.5 && hasLetterAndDigit(v))
                hits.append({AwsSecret, m.capturedStart(1), m.capturedLength(1)});
        });
    }
    if (t & AccessKeyName) {
        each(m_azure, [&](const QRegularExpressionMatch &m) {
            const QStringView v = m.capturedView(1);
            // Azurite's and the storage emulator's well-known development key.
            if (v.startsWith(u"Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq"_s))
                return;
            if (!isPublishedExample(v) && entropy(v) >= 3.5)
                hits.append({Azure, m.capturedStart(1), m.capturedLength(1)});
        });
    }
    if (t & BearerWord) {
        each(m_bearer, [&](const QRegularExpressionMatch &m) {
            const QStringView v = m.capturedView(1);
            // A JWT is the JWT rule's, also the published ones it refuses.
            if (v.startsWith(u"eyJ"_s) && v.count(u'.') == 2)
                return;
            if (hasLetterAndDigit(v) && entropy(v) >= 3.0 && !isPublishedExample(v) && !looksLikeTokenPlaceholder(v))
                hits.append({Bearer, m.capturedStart(1), m.capturedLength(1)});
        });
    }
    if ((t & At) && (t & SchemeSlashes)) {
        each(m_urlPassword, [&](const QRegularExpressionMatch &m) {
            if (!isPlaceholderPassword(m.capturedView(2)) && !isReservedDomain(m.capturedView(3)))
                hits.append({UrlPassword, m.capturedStart(2), m.capturedLength(2)});
        });
    }
    if ((t & Equals) && (t & PasswordWord)) {
        // Only in a connection string: ODBC/ADO "k=v;k=v", JDBC "jdbc:...", a
        // URL query "?user=a&password=b". A bare "password=" in a config is
        // not this rule's to judge.
        const bool connectionString = line.contains(u';') || line.contains(u"jdbc:"_s, Qt::CaseInsensitive);
        each(m_connectionPassword, [&](const QRegularExpressionMatch &m) {
            const qsizetype start = m.capturedStart();
            const QChar before = start > 0 ? line[start - 1] : QChar();
            if (!connectionString && before != u'?' && before != u'&')
                return;
            QStringView v = m.capturedView(1);
            qsizetype column = m.capturedStart(1);
            const QStringView raw = v;
            if (v.size() >= 4 && v.startsWith(u"\\\""_s) && v.endsWith(u"\\\""_s)) {
                // In a string literal: Password=\"...\"
                v = v.sliced(2, v.size() - 4);
                column += 2;
            } else if (v.size() >= 2 && ((v.front() == u'"' && v.back() == u'"') || (v.front() == u'\'' && v.back() == u'\'')
                                  || (v.front() == u'{' && v.back() == u'}'))) {
                v = v.sliced(1, v.size() - 2);
                ++column;
            }
            if (raw.startsWith(u"{{"_s) || isPlaceholderPassword(v))
                return;
            hits.append({ConnectionPassword, column, v.size()});
        });
    }
    if (t & At) {
        each(m_email, [&](const QRegularExpressionMatch &m) {
            const qsizetype start = m.capturedStart();
            const QChar before = start > 0 ? line[start - 1] : QChar();
            const qsizetype end = m.capturedEnd();
            const QChar after = end < line.size() ? line[end] : QChar();
            // URL user info (ssh://git@host/) and scp-style remotes
            // (git@github.com:org/repo) name accounts on hosts, not people.
            if (before == u'/' || after == u':')
                return;
            if (before == u':' && !line.first(start).endsWith(u"mailto:"_s, Qt::CaseInsensitive))
                return;
            if (isReservedDomain(m.capturedView(1)) || isFileExtension(m.capturedView(2)))
                return;
            hits.append({Email, start, m.capturedLength()});
        });
    }
}


} // namespace assay
