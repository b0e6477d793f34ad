#include "server/SourceCodeEvidence.h"

#include "server/PlantedSecrets.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace assay::server {

namespace {

struct Vector
{
    QString value;
    bool expected;
};

QList<Vector> vectorsFor(EvidenceContext &c, const QString &lang, int n)
{
    // The value vocabularies are in code/vectors.json, beside the templates
    // whose checkers must agree with them.
    const QJsonObject vocabulary = evidenceJson(u"code/vectors.json"_s).value(EvidenceContext::categoryKeys[c.cat]).toObject();
    QHash<QString, QStringList> words;
    for (auto it = vocabulary.begin(); it != vocabulary.end(); ++it)
        words.insert(it.key(), evidenceStrings(it.value()));
    auto w = [&words](const QString &key) { return words.value(key); };
    QList<Vector> out;
    QSet<QString> seen;
    const QString host = c.slug + u".example.com"_s;
    // A hand-kept regression table has no duplicates; small value spaces
    // simply give shorter tables.
    for (int attempt = 0; out.size() < n && attempt < n * 8; ++attempt) {
        if (!out.isEmpty()) {
            if (seen.contains(out.last().value))
                out.removeLast();
            else
                seen.insert(out.last().value);
        }
        const QString num = QString::number(c.range(1, 99999));
        switch (c.cat) {
        case DataSegregation: {
            const QString t = c.tenant(), other = c.tenant();
            switch (c.below(6)) {
            case 0: out.append({t + u":/tenants/"_s + t + u"/invoices/"_s + num, true}); break;
            case 1: out.append({t + u":/tenants/"_s + other + u"/invoices/"_s + num, other == t}); break;
            case 2: out.append({t + u":/api/v2/me"_s, true}); break;
            case 3: out.append({u":/tenants/"_s + t + u"/users/"_s + num, false}); break;
            case 4: out.append({t + u":/tenants/"_s + other + u"/reports/"_s + num + u"/export"_s, other == t}); break;
            default: out.append({t + u":/tenants/"_s + t + u"/projects/"_s + num, true}); break;
            }
            break;
        }
        case SecurityPatches: {
            // The minimum versions the template's table names, per language.
            const QJsonArray minimums = vocabulary.value(u"minimums"_s)[lang == u"ruby"_s ? u"ruby"_s : u"python"_s].toArray();
            if (c.chance(15)) {
                out.append({c.pick(w(u"untracked"_s)) + u'@' + QString::number(c.range(1, 9)) + u'.' + QString::number(c.below(20)) + u".0"_s, true});
                break;
            }
            const QJsonArray m = minimums.at(c.below(int(minimums.size()))).toArray();
            QList<int> v;
            for (const QJsonValue &x : m.at(1).toArray())
                v.append(x.toInt());
            const int mode = c.below(3); // below, equal, above the minimum
            if (mode == 0) {
                qsizetype k = v.size() - 1;
                while (k > 0 && v.at(k) == 0)
                    --k;
                --v[k];
            } else if (mode == 2) {
                ++v[v.size() - 1];
            }
            QStringList parts;
            for (const int x : v)
                parts.append(QString::number(x));
            out.append({m.at(0).toString() + u'@' + parts.join(u'.'), mode != 0});
            break;
        }
        case BreachResponse: {
            const bool regulated = c.chance(45);
            out.append({c.pick(w(u"incidents"_s)) + u':' + (regulated ? c.pick(w(u"regulated"_s)) : c.pick(w(u"unregulated"_s))), regulated});
            break;
        }
        case Csrf: {
            const QString method = c.pick(w(u"methods"_s));
            const bool safe = w(u"safe_methods"_s).contains(method);
            if (c.chance(20))
                out.append({method + u' ' + c.pick(w(u"exempt"_s)) + (c.chance(50) ? num : QString()), false});
            else
                out.append({method + u' ' + c.pick(w(u"paths"_s)) + (c.chance(40) ? num : QString()), !safe});
            break;
        }
        case Xss: {
            if (c.chance(55))
                out.append({c.pick(w(u"hostile"_s)), false});
            else
                out.append({c.pick(w(u"benign_prefixes"_s)) + num + c.pick(w(u"benign_suffixes"_s)), true});
            break;
        }
        case CustomerData: {
            // Both converters fold case, so column spellings vary as in real schemas.
            const bool sensitive = c.chance(50);
            QString field = sensitive ? c.pick(w(u"sensitive"_s)) : c.pick(w(u"plain"_s));
            const int spelling = c.below(4);
            if (spelling == 1)
                field = field.toUpper();
            else if (spelling == 2)
                field[0] = field.at(0).toUpper();
            out.append({field, sensitive});
            break;
        }
        case EmployeeMfa: {
            const QStringList &methods = w(u"methods"_s), &strong = w(u"strong"_s);
            QStringList used;
            bool ok = false;
            for (int k = c.range(c.chance(5) ? 0 : 1, 3); k > 0; --k) {
                const QString m = c.pick(methods);
                if (!used.contains(m))
                    used.append(m);
                ok = ok || strong.contains(m);
            }
            out.append({u"amr="_s + used.join(u','), ok});
            break;
        }
        case Secrets: {
            const bool python = lang == u"python"_s;
            switch (c.below(python ? 10 : 8)) {
            case 0: out.append({u"AKIA"_s + c.alnum(16, true), true}); break;
            case 1: out.append({u"ghp_"_s + c.alnum(36), true}); break;
            case 2: out.append({u"sk_live_"_s + c.alnum(24), true}); break;
            case 3: out.append({u"password="_s + c.alnum(12) + u"&user=svc"_s, true}); break;
            case 4: out.append({u"-----BEGIN RSA PRIVATE KEY-----"_s, true}); break;
            case 5: out.append({u"postgres://db.internal:5432/"_s + c.ident, false}); break;
            case 6: out.append({c.pick(w(u"benign"_s)), false}); break;
            case 7: out.append({QUuid::createUuidV5(QUuid(), num).toString(QUuid::WithoutBraces), false}); break;
            case 8: out.append({c.email(c.person()), true}); break;
            default: out.append({u"4111 1111 1111 1111"_s, true}); break;
            }
            break;
        }
        case MassAssignment: {
            const bool ok = c.chance(45);
            out.append({ok ? c.pick(w(u"permitted"_s)) : c.pick(w(u"protected"_s)), ok});
            break;
        }
        case TrustedRedirects:
        case CategoryCount: {
            switch (c.below(11)) {
            case 0: out.append({c.pick(w(u"local_paths"_s)) + (c.chance(50) ? num : QString()), true}); break;
            case 1: out.append({u"https://"_s + host + u"/home?tab="_s + num, true}); break;
            case 2: out.append({u"https://admin."_s + host + u"/users/"_s + num, true}); break;
            case 3: out.append({u"//evil.example/login"_s, false}); break;
            case 4: out.append({u"/\\evil.example"_s, false}); break;
            case 5: out.append({u"https://"_s + host + u".evil.example/cb"_s, false}); break;
            case 6: out.append({u"http://"_s + host + u"/"_s, false}); break;
            case 7: out.append({u"javascript:alert(document.domain)"_s, false}); break;
            case 8: out.append({u"https://user@evil.example/"_s, false}); break;
            case 9: out.append({u"https://admin."_s + host + u":8443/"_s, false}); break;
            default: out.append({u"https://evil.example/?next="_s + host, false}); break;
            }
            break;
        }
        }
    }
    if (!out.isEmpty() && seen.contains(out.last().value))
        out.removeLast();
    return out;
}

QString quoted(QString v, QChar quote)
{
    v.replace(u'\\', u"\\\\"_s);
    v.replace(quote, QString(u'\\') + quote);
    return quote + v + quote;
}

// The regression table in the language's own syntax, followed by the
// self-check that runs it (code/self-check/).
QString vectorBlock(const QJsonObject &language, const QString &checker, const QList<Vector> &cases)
{
    const QString format = language.value(u"row"_s).toString();
    const QChar quote = language.value(u"quote"_s).toString().at(0);
    const QString yes = language.value(u"true"_s).toString(), no = language.value(u"false"_s).toString();
    QString rows;
    for (const Vector &v : cases)
        rows += QString(format).replace(u"@V@"_s, quoted(v.value, quote)).replace(u"@B@"_s, v.expected ? yes : no) + u'\n';
    return expandPlaceholders(evidenceText(u"code/"_s + language.value(u"self_check"_s).toString()),
                              {{u"ROWS", rows}, {u"CHECKER", checker}});
}

QString assemble(const QString &body, const QString &block)
{
    // The block takes the indentation of the line holding the marker, so it
    // lands inside the class or module like hand-written code.
    const qsizetype at = body.indexOf(u"{{VECTORS}}"_s);
    const qsizetype lineStart = body.lastIndexOf(u'\n', at) + 1;
    const QString indent = body.mid(lineStart, at - lineStart);
    QString indented;
    const QStringList lines = block.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i == lines.size() - 1 && lines.at(i).isEmpty())
            break;
        indented += (lines.at(i).isEmpty() ? QString() : (i == 0 ? QString() : indent) + lines.at(i)) + u'\n';
    }
    indented.chop(1);
    return body.left(at) + indented + body.mid(at + 11);
}

// The lines planted() adds for a file with secrets.
constexpr int PlantedLines = PlantedSecrets::RsaKeyLines + 6;

// The fake secrets and near-misses of PlantedSecrets at the end of the file,
// in a block comment (Ruby: =begin/=end; Python: a module-level string), so
// the PEM lines stand as they would in a pasted key.
QString planted(EvidenceContext &c, const QString &lang)
{
    QStringList lines;
    switch (PlantedSecrets::forSourceCode(c.variant)) {
    case PlantedSecrets::Plant::None:
        return {};
    case PlantedSecrets::Plant::Secrets:
        lines.append(u"Fixture for the signing tests (copied from staging; rotate before release)."_s);
        lines.append(PlantedSecrets::rsaPrivateKey(c));
        lines.append(u"Reproduced with card %1, exp 12/29."_s.arg(PlantedSecrets::cardNumber(c)));
        break;
    case PlantedSecrets::Plant::NearMisses:
        lines.append(u"Regression run %1"_s.arg(PlantedSecrets::uuid(c)));
        lines.append(u"Vectors file sha256 %1"_s.arg(PlantedSecrets::sha256Hex(c)));
        break;
    }
    QString open = u"/*"_s, close = u"*/"_s;
    if (lang == u"python"_s) {
        open = u"_FIXTURE_NOTES = \"\"\""_s;
        close = u"\"\"\""_s;
    } else if (lang == u"ruby"_s) {
        open = u"=begin"_s;
        close = u"=end"_s;
    }
    return u"\n"_s + open + u'\n' + lines.join(u'\n') + u'\n' + close + u'\n';
}

} // namespace

GeneratedEvidence SourceCodeEvidence::make(EvidenceContext &c)
{
    const QJsonObject index = evidenceJson(u"code/templates.json"_s);
    QList<QJsonObject> mine;
    for (const QJsonValue &t : index.value(u"templates"_s).toArray())
        if (t[u"category"_s].toString() == EvidenceContext::categoryKeys[c.cat])
            mine.append(t.toObject());
    const QJsonObject t = mine.at(qsizetype(c.variant % quint32(mine.size())));
    const QString file = t.value(u"file"_s).toString(), lang = t.value(u"language"_s).toString();
    const QJsonObject language = index.value(u"languages"_s)[lang].toObject();
    const QString body = c.fill(evidenceText(u"code/"_s + file));
    // Aim for 60-300 lines in total; the table absorbs the difference.
    const qsizetype bodyLines = body.count(u'\n');
    int n = 8 + int((c.variant * 53 + quint32(c.below(40))) % 190);
    const int plantLines = PlantedSecrets::forSourceCode(c.variant) == PlantedSecrets::Plant::Secrets ? PlantedLines : 0;
    n = int(qBound<qsizetype>(60 - bodyLines, n, 285 - bodyLines - plantLines));
    const QString code = assemble(body, vectorBlock(language, t.value(u"checker"_s).toString(), vectorsFor(c, lang, n)));
    return {file, language.value(u"media_type"_s).toString(), (code + planted(c, lang)).toUtf8()};
}

} // namespace assay::server
