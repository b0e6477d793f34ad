// Writes the highlighting reference of a sample: what KSyntaxHighlighting
// itself gives line by line, straight from its API (one Repository, the
// definition for the file name, the State carried from line to line), with
// none of the viewer's code (no index, no segments, no threads). Run once per
// sample when a sample or the library changes, and review the output:
//
//   ./dev build highlight_reference
//   ./dev exec build/dev/tests/highlight_reference tests/data/highlight/sample.cpp > tests/data/highlight/sample.cpp.ref
//
// Format: "# definition: NAME", then one line per run of text with the same
// format: line (from 1), start, length (UTF-16 units), the default style's
// name and the definition's format name, separated by tabs. Adjacent runs of
// the same format are merged, as they look the same on screen.

#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/State>
#include <KSyntaxHighlighting/Theme>

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QMetaEnum>
#include <QTextStream>

#include <cstdio>

namespace {

struct Run
{
    int start;
    int length;
    QString style;
    QString format;
};

class Collector : public KSyntaxHighlighting::AbstractHighlighter
{
public:
    QList<Run> runs;
    KSyntaxHighlighting::State line(QStringView text, const KSyntaxHighlighting::State &state)
    {
        runs.clear();
        return highlightLine(text, state);
    }

protected:
    void applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format) override
    {
        if (length <= 0)
            return;
        const QString style = QString::fromLatin1(
            QMetaEnum::fromType<KSyntaxHighlighting::Theme::TextStyle>().valueToKey(int(format.textStyle())));
        if (!runs.isEmpty() && runs.last().start + runs.last().length == offset && runs.last().style == style
            && runs.last().format == format.name()) {
            runs.last().length += length;
            return;
        }
        runs.append(Run{offset, length, style, format.name()});
    }
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: highlight_reference SAMPLE\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", argv[1]);
        return 1;
    }
    KSyntaxHighlighting::Repository repository;
    const auto definition = repository.definitionForFileName(QFileInfo(path).fileName());
    if (!definition.isValid()) {
        std::fprintf(stderr, "no definition for %s\n", argv[1]);
        return 1;
    }
    Collector collector;
    collector.setDefinition(definition);
    collector.setTheme(repository.defaultTheme());
    QTextStream out(stdout);
    out << "# definition: " << definition.name() << '\n';
    QString text = QString::fromUtf8(file.readAll());
    if (text.endsWith(u'\n'))
        text.chop(1);
    KSyntaxHighlighting::State state;
    int number = 0;
    for (const QString &line : text.split(u'\n')) {
        ++number;
        state = collector.line(line, state);
        for (const Run &r : collector.runs)
            out << number << '\t' << r.start << '\t' << r.length << '\t' << r.style << '\t' << r.format << '\n';
    }
    return 0;
}
