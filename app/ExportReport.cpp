#include "app/ExportReport.h"

#include "app/Commands.h"
#include "app/Console.h"
#include "models/Cache.h"
#include "models/Profile.h"
#include "models/ReviewReport.h"
#include "ui/review/ReviewReportPdf.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QGuiApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace assay {

using console::err;

bool ExportReport::wanted(const QStringList &arguments)
{
    if (arguments.value(1) != u"export"_s)
        return false;
    return std::any_of(arguments.cbegin() + 2, arguments.cend(),
                       [](const QString &a) { return a == u"--report"_s || a.startsWith(u"--report="_s); });
}

bool ExportReport::wanted(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments += QString::fromLocal8Bit(argv[i]);
    return wanted(arguments);
}

int ExportReport::main(int argc, char **argv)
{
    // Forced, not defaulted: a platform that needs a display would abort
    // where there is none, and this command shows nothing.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    // The same names as every other command: they place the default profile.
    QCoreApplication::setApplicationName(u"assay"_s);
    QCoreApplication::setOrganizationName(u"Assay"_s);
    return Commands::run(QCoreApplication::arguments());
}

int ExportReport::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Writes the review report of one submission — the version decided on, evidence with "
                                     "sha256, each stage's signer and time, decision, reasons, checklist and internal "
                                     "notes — from the verdicts the marketplace recorded, as HTML or PDF."_s);
    parser.addOption({u"report"_s, u"The submission to report on."_s, u"SUBMISSION"_s});
    parser.addOption({u"format"_s, u"html or pdf (default: from the --out file's suffix)."_s, u"FORMAT"_s});
    parser.addOption({u"out"_s, u"The file to write (replaced whole, or left as it was)."_s, u"FILE"_s});
    parser.addOption(Commands::profileOption());
    if (const auto exit = Commands::parse(parser, arguments))
        return *exit;
    const QString usage = u"usage: assay export --report SUBMISSION --format html|pdf --out FILE [--profile DIR]"_s;
    const QString id = parser.value(u"report"_s);
    const QString path = parser.value(u"out"_s);
    if (id.isEmpty() || path.isEmpty() || !parser.positionalArguments().isEmpty()) {
        err(usage);
        return Commands::Usage;
    }
    QString format = parser.value(u"format"_s).toLower();
    if (format.isEmpty()) {
        const QString suffix = QFileInfo(path).suffix().toLower();
        format = suffix == u"htm"_s ? u"html"_s : suffix;
    }
    if (format != u"html"_s && format != u"pdf"_s) {
        err(u"--format takes html or pdf"_s + (parser.isSet(u"format"_s) ? QString() : u" (the --out file's suffix says neither)"_s));
        return Commands::Usage;
    }
    if (format == u"pdf"_s && !qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        err(u"a PDF report needs a QGuiApplication (run it through assay's main)"_s);
        return Commands::NotInStep;
    }

    const Profile profile(parser.value(u"profile"_s));
    if (const Result<> made = profile.ensureExists(); !made) {
        err(made.errorString());
        return Commands::NotInStep;
    }
    Cache cache;
    if (const Result<> opened = cache.open(profile.cachePath()); !opened) {
        err(opened.errorString());
        return Commands::NotInStep;
    }
    const Result<ReviewReport> report = ReviewReport::fromCache(cache, id);
    if (!report) {
        err(report.errorString());
        return Commands::NotInStep;
    }
    const Result<> written = format == u"pdf"_s ? ReviewReportPdf::writeFile(*report, path) : report->writeHtmlFile(path);
    if (!written) {
        err(written.errorString());
        return Commands::NotInStep;
    }
    console::out((u"wrote the review report of %1 (%2) to %3"_s.arg(id, format, QFileInfo(path).absoluteFilePath()) + u'\n').toUtf8());
    return Commands::InStep;
}

} // namespace assay
