#pragma once

// Where the hostile corpus is, how each file is rendered, and what the web
// engine could have written: the file-system side of tst_htmlevidenceview.

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QString>
#include <QStringList>

namespace assay::test {

using namespace Qt::StringLiterals;

inline QString sourceDir()
{
    return qEnvironmentVariable("ASSAY_SOURCE_DIR");
}

inline QString corpusDir()
{
    const QString other = qEnvironmentVariable("ASSAY_HOSTILE_DIR");
    return other.isEmpty() ? sourceDir() + u"/tests/data/hostile"_s : other;
}

// The media type each corpus file is rendered as: what the view would be
// given had the partner declared it so and detection agreed. XML with a
// stylesheet is rendered as XHTML, the worst case.
inline QString mediaTypeFor(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == u"html"_s || suffix == u"htm"_s)
        return u"text/html"_s;
    if (suffix == u"xhtml"_s || suffix == u"xht"_s || suffix == u"xml"_s || suffix == u"xsl"_s)
        return u"application/xhtml+xml"_s;
    if (suffix == u"svg"_s)
        return u"image/svg+xml"_s;
    return {};
}

// Every file and folder under dir, with its size: what Chromium or Qt wrote.
inline QStringList tree(const QString &dir)
{
    QStringList entries;
    QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        entries.append(it.filePath() + u' ' + QString::number(it.fileInfo().isDir() ? -1 : it.fileInfo().size()));
    }
    entries.sort();
    return entries;
}

// Chromium's own files in the temporary folder (shared with other programs:
// only its names are looked at).
inline QStringList chromiumTemporaries()
{
    QStringList names = QDir(QDir::tempPath())
                            .entryList({u"*chromium*"_s, u"*Chromium*"_s, u"*QtWebEngine*"_s, u"*qtwebengine*"_s},
                                       QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    names.sort();
    return names;
}

} // namespace assay::test
