#include "ui/evidence/SyntaxRepository.h"

#include <KSyntaxHighlighting/Repository>

#include <QPalette>
#include <QRegularExpression>

namespace assay {

KSyntaxHighlighting::Repository &SyntaxRepository::instance()
{
    static KSyntaxHighlighting::Repository repository;
    return repository;
}

QString SyntaxRepository::definitionNameForContent(QByteArrayView head)
{
    const QByteArray start = head.left(4096).trimmed().toByteArray();
    if (start.startsWith("#!")) {
        const qsizetype nl = start.indexOf('\n');
        const QByteArray first = nl < 0 ? start : start.left(nl);
        if (first.contains("python"))
            return QStringLiteral("Python");
        if (first.contains("perl"))
            return QStringLiteral("Perl");
        if (first.contains("ruby"))
            return QStringLiteral("Ruby");
        if (first.contains("node"))
            return QStringLiteral("JavaScript");
        if (first.contains("zsh"))
            return QStringLiteral("Zsh");
        if (first.contains("sh"))
            return QStringLiteral("Bash");
    }
    if (start.startsWith("<?xml"))
        return QStringLiteral("XML");
    if (start.startsWith('{') || start.startsWith('[')) {
        // JSON starts with an object or an array whose first thing is a
        // string, a number, an object, an array or a literal.
        static const QRegularExpression json(QStringLiteral(R"(^[\[{]\s*(["{\[\]}\-0-9]|true|false|null))"));
        if (json.match(QString::fromUtf8(start.left(64))).hasMatch())
            return QStringLiteral("JSON");
    }
    if (start.startsWith("---\n") || start.startsWith("%YAML"))
        return QStringLiteral("YAML");
    return {};
}

KSyntaxHighlighting::Definition SyntaxRepository::definitionFor(const QString &fileName, const QString &mediaType,
                                                                QByteArrayView head)
{
    auto &repo = instance();
    if (!fileName.isEmpty()) {
        const auto def = repo.definitionForFileName(fileName);
        if (def.isValid())
            return def;
    }
    // text/plain names no language: let the content speak instead.
    if (!mediaType.isEmpty() && mediaType != QLatin1String("text/plain")) {
        const auto def = repo.definitionForMimeType(mediaType);
        if (def.isValid())
            return def;
    }
    if (const QString name = definitionNameForContent(head); !name.isEmpty())
        return repo.definitionForName(name);
    return {};
}

KSyntaxHighlighting::Theme SyntaxRepository::themeFor(const QPalette &palette)
{
    return instance().themeForPalette(palette);
}

} // namespace assay
