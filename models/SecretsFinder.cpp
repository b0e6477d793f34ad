#include "models/SecretsFinder.h"

#include "models/SecretRules.h"

#include <QFile>
#include <QStringDecoder>

#include <algorithm>
#include <optional>

namespace assay {

using namespace Qt::StringLiterals;

struct SecretsFinder::Rules : SecretRules
{
};

namespace {

// A PEM block longer than this is not a key any more (an RSA 16384 key is
// about 220 lines): report what was seen and look at the rest normally.
constexpr int MaxBlockLines = 400;
// A line longer than this is scanned in windows as it streams in, so a 20 MB
// single line is never held whole; windows overlap by far more than the
// longest secret the rules match.
constexpr qsizetype LongLine = 4 * SecretsFinder::ChunkSize;
constexpr qsizetype WindowOverlap = 64 * 1024;
constexpr qsizetype WindowContext = 1024;

// One pass over lines in order: the line rules, and the state of a private
// key block that spans lines.
class Scan
{
public:
    Scan(const SecretRules &rules, int page, int maxFindings)
        : m_rules(rules), m_page(page), m_max(maxFindings)
    {
    }

    // A whole line.
    void line(QStringView text, int lineNumber)
    {
        if (m_block && continueBlock(*m_block, text, lineNumber))
            return;
        lineRules(text, lineNumber, 0, 0, text.size());
        if (const auto start = m_rules.blockStart(text))
            m_block = Block{lineNumber, int(start->column), int(text.size() - start->column), start->endMarker};
    }

    // A window of a line too long to hold: hits that start in [from, to) of
    // the window, whose first character is at `base` in the line.
    void window(QStringView text, int lineNumber, qsizetype base, qsizetype from, qsizetype to)
    {
        closeBlock();
        lineRules(text, lineNumber, base, from, to);
    }

    void finish() { closeBlock(); }

    // More findings than asked for: the caller stops and says it truncated.
    bool full() const { return m_max >= 0 && findings.size() > m_max; }

    QList<SecretFinding> findings;

private:
    struct Block
    {
        int line;
        int column;
        int length;
        QString endMarker;
        int bodyLines = 0;
        int lastLine = 0;
    };

    void lineRules(QStringView text, int lineNumber, qsizetype base, qsizetype from, qsizetype to)
    {
        for (const SecretRules::Hit &h : m_rules.scan(text)) {
            if (h.column < from || h.column >= to)
                continue;
            const SecretRules::Rule &rule = SecretRules::rules()[h.rule];
            findings.append({rule.kind, QString(rule.id), m_page, lineNumber, int(base + h.column), int(h.length), 1});
        }
    }

    // True when the line belongs to the block (and is not scanned otherwise).
    bool continueBlock(Block &block, QStringView text, int lineNumber)
    {
        if (text.contains(u"-----END "_s)) {
            if (text.contains(block.endMarker)) {
                block.lastLine = lineNumber;
                closeBlock();
                return true;
            }
            closeBlock();
            return false;
        }
        if (SecretRules::isPemBodyLine(text)) {
            ++block.bodyLines;
            block.lastLine = lineNumber;
        } else if (!SecretRules::isPemHeaderLine(text)) {
            closeBlock(); // not a key after all, or a truncated one
            return false;
        }
        if (lineNumber - block.line >= MaxBlockLines)
            closeBlock();
        return true;
    }

    // A BEGIN marker with no key under it is documentation, not a secret.
    void closeBlock()
    {
        if (m_block && m_block->bodyLines > 0) {
            const SecretRules::Rule &rule = SecretRules::rules()[SecretRules::PrivateKeyRule];
            findings.append({rule.kind, QString(rule.id), m_page, m_block->line, m_block->column, m_block->length,
                             m_block->lastLine - m_block->line + 1});
        }
        m_block.reset();
    }

    const SecretRules &m_rules;
    int m_page;
    int m_max;
    std::optional<Block> m_block;
};

void sortByPosition(QList<SecretFinding> &findings)
{
    std::ranges::stable_sort(findings, [](const SecretFinding &a, const SecretFinding &b) {
        return std::tie(a.page, a.line, a.column) < std::tie(b.page, b.line, b.column);
    });
}

} // namespace

SecretsFinder::SecretsFinder() : m_rules(std::make_unique<const Rules>()) {}

SecretsFinder::~SecretsFinder() = default;

QList<SecretFinding> SecretsFinder::scanLine(QStringView line, int lineNumber, int page) const
{
    // One line only: a key block that goes on below is scanText's to find.
    Scan scan(*m_rules, page, -1);
    scan.window(line, lineNumber, 0, 0, line.size());
    return scan.findings;
}

QList<SecretFinding> SecretsFinder::scanText(QStringView text, int page) const
{
    Scan scan(*m_rules, page, -1);
    int lineNumber = 1;
    qsizetype pos = 0;
    while (pos < text.size()) {
        qsizetype nl = text.indexOf(u'\n', pos);
        if (nl < 0)
            nl = text.size();
        QStringView line = text.sliced(pos, nl - pos);
        if (line.endsWith(u'\r'))
            line.chop(1);
        scan.line(line, lineNumber++);
        pos = nl + 1;
    }
    scan.finish();
    sortByPosition(scan.findings);
    return scan.findings;
}

Result<SecretsFinder::FileScan> SecretsFinder::scanFile(const QString &path, int maxFindings) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("Cannot read the file to scan for secrets: %1").arg(file.errorString())};

    Scan scan(*m_rules, 0, std::max(0, maxFindings));
    // Stateful: a UTF-8 sequence split between two chunks decodes whole;
    // invalid sequences become U+FFFD and take no line breaks with them.
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString pending; // the part of a line not ended yet
    int lineNumber = 1;
    qsizetype lineBase = 0; // where pending starts in its line (long lines)
    qsizetype done = 0; // how much of pending's start was scanned already
    // A whole line, or the end of a long one whose start was scanned in windows.
    const auto lineEnded = [&](QStringView line) {
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (lineBase == 0)
            scan.line(line, lineNumber);
        else
            scan.window(line, lineNumber, lineBase, done, line.size());
    };

    while (!scan.full()) {
        const QByteArray bytes = file.read(ChunkSize);
        if (bytes.isEmpty()) {
            if (file.error() != QFileDevice::NoError)
                return Error{tr("Cannot read the file to scan for secrets: %1").arg(file.errorString())};
            break;
        }
        pending += decoder.decode(bytes);
        qsizetype pos = 0;
        for (qsizetype nl; !scan.full() && (nl = pending.indexOf(u'\n', pos)) >= 0; pos = nl + 1) {
            lineEnded(QStringView(pending).sliced(pos, nl - pos));
            ++lineNumber;
            lineBase = 0;
            done = 0;
        }
        pending.remove(0, pos);
        if (pending.size() > LongLine) {
            // Scan what cannot be part of a hit still to come, keep the rest
            // with a little context before it for the rules' boundaries.
            const qsizetype keepFrom = pending.size() - WindowOverlap;
            scan.window(pending, lineNumber, lineBase, done, keepFrom);
            const qsizetype cut = keepFrom - WindowContext;
            pending.remove(0, cut);
            lineBase += cut;
            done = WindowContext;
        }
    }
    if (!scan.full() && !pending.isEmpty())
        lineEnded(pending);
    scan.finish();

    FileScan result;
    result.findings = std::move(scan.findings);
    sortByPosition(result.findings);
    if (result.findings.size() > maxFindings) {
        result.findings.resize(std::max(0, maxFindings));
        result.truncated = true;
    }
    return result;
}

QString SecretsFinder::label(const SecretFinding &f)
{
    const int index = SecretRules::indexOf(f.rule);
    if (index >= 0)
        return QCoreApplication::translate("SecretsFinder", SecretRules::rules()[index].label);
    // A rule of another version of the finder, read back from the cache.
    switch (f.kind) {
    case SecretFinding::Kind::PrivateKey:
        return tr("private key");
    case SecretFinding::Kind::CloudAccessKey:
        return tr("cloud access key");
    case SecretFinding::Kind::Token:
        return tr("access token");
    case SecretFinding::Kind::Jwt:
        return tr("JSON Web Token");
    case SecretFinding::Kind::UrlPassword:
        return tr("password in a URL");
    case SecretFinding::Kind::ConnectionString:
        return tr("password in a connection string");
    case SecretFinding::Kind::Email:
        return tr("e-mail address");
    case SecretFinding::Kind::CardNumber:
        return tr("payment card number");
    }
    return tr("secret");
}

QString SecretsFinder::reference(const SecretFinding &f)
{
    const QString what = label(f);
    if (f.lineCount > 1) {
        const int last = f.line + f.lineCount - 1;
        if (f.page > 0)
            return tr("page %1, lines %2–%3, %4").arg(f.page).arg(f.line).arg(last).arg(what);
        return tr("lines %1–%2, %3").arg(f.line).arg(last).arg(what);
    }
    if (f.page > 0)
        return tr("page %1, line %2, %3").arg(f.page).arg(f.line).arg(what);
    return tr("line %1, %2").arg(f.line).arg(what);
}

QString SecretsFinder::redaction(const SecretFinding &f)
{
    return u'[' + label(f) + u']';
}

} // namespace assay
