#pragma once

#include "domain/SecretFinding.h"

#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringView>

#include <optional>

namespace assay {

// The SecretsFinder's rules for one line of text: which of them match where,
// with the checks that keep near misses out (Luhn and IIN ranges for cards,
// a JSON header with "alg" for JWTs, placeholders for passwords, published
// example keys, RFC 2606 domains). Compiled once; scan() is const and
// thread-safe. Private key blocks that span lines are the finder's job: it
// asks blockStart() where one begins.
class SecretRules
{
public:
    struct Rule
    {
        QLatin1StringView id; // stable: stored in the cache, checked by tests
        SecretFinding::Kind kind = SecretFinding::Kind::Token;
        const char *label = nullptr; // untranslated; SecretsFinder::label() translates
    };
    // In priority order: where two hits overlap, the earlier rule wins
    // (a JWT after "Bearer" is a JWT, a GitHub token in a URL is a token).
    static const QList<Rule> &rules();
    static int indexOf(QStringView id); // -1 when unknown
    static constexpr int PrivateKeyRule = 0;

    struct Hit
    {
        int rule = 0;
        qsizetype column = 0;
        qsizetype length = 0;
    };

    SecretRules();
    // Every hit on one line, overlaps resolved, ordered by column.
    QList<Hit> scan(QStringView line) const;

    // A private key block whose BEGIN marker is on this line and whose END
    // marker is not: where it begins, and the END line that would close it.
    struct BlockStart
    {
        qsizetype column = 0;
        QString endMarker;
    };
    std::optional<BlockStart> blockStart(QStringView line) const;
    // A line inside a PEM block: base64, possibly quoted or indented as in
    // source code and YAML; and the RFC 1421 headers of encrypted keys.
    static bool isPemBodyLine(QStringView line);
    static bool isPemHeaderLine(QStringView line);

private:
    struct PemMarkers
    {
        struct Block
        {
            qsizetype column = 0;
            qsizetype length = 0;
            QStringView body;
        };
        QList<Block> blocks; // BEGIN ... END on this line
        std::optional<BlockStart> open; // a last BEGIN with no END after it
    };
    PemMarkers pemMarkers(QStringView line) const;
    void scanRegexRules(QStringView line, unsigned triggers, QList<Hit> &hits) const;

    QRegularExpression m_pemMarker;
    QRegularExpression m_jwt;
    QRegularExpression m_github;
    QRegularExpression m_slack;
    QRegularExpression m_stripe;
    QRegularExpression m_google;
    QRegularExpression m_awsKeyId;
    QRegularExpression m_awsSecret;
    QRegularExpression m_azure;
    QRegularExpression m_bearer;
    QRegularExpression m_urlPassword;
    QRegularExpression m_connectionPassword;
    QRegularExpression m_email;
};

} // namespace assay
