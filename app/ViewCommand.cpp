#include "app/ViewCommand.h"

#include "app/Commands.h"
#include "app/Console.h"
#include "domain/EvidenceItem.h"
#include "models/SecretsFinder.h"
#include "ui/evidence/EvidenceScheme.h"
#include "ui/evidence/EvidenceViewer.h"
#include "ui/evidence/FindingsPanel.h"
#include "ui/shell/AppIcon.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QPdfDocument>
#include <QPdfSelection>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

using namespace Qt::StringLiterals;

namespace assay {

using console::err;

namespace {
constexpr int MaxPdfPagesScanned = 2000;
// After the viewer says it is shown: one more round of layout and paint
// (WebEngine and QPdfView draw a frame later than they report).
constexpr int SettleMs = 300;
// Once the content is shown, how long the picture waits for the secrets
// scan (a gigabyte of text takes seconds): then it shows "scanning…".
constexpr int ScanGraceMs = 5000;

void describe(QCommandLineParser &parser)
{
    parser.setApplicationDescription(u"Opens the evidence viewer alone on a local file, read-only: no profile, cache or "
                                     "settings are touched. The type is detected from the content (the name only says "
                                     "what is declared), nothing is executed or handed to another program, and the "
                                     "file is scanned for secrets and personal data. \"Add to rejection note\" prints "
                                     "the reference on standard output."_s);
    parser.addPositionalArgument(u"FILE"_s, u"The file to view."_s);
    parser.addOption({u"screenshot"_s,
                      u"Save a picture of the window to OUT (PNG) once the content or the reason it is refused is "
                      "shown and the secrets scan is done (or 5 s later, still scanning), then quit; after %1 s it "
                      "is taken anyway, with a note, and the exit code is %2."_s
                          .arg(ViewCommand::WatchdogMs / 1000)
                          .arg(int(ViewCommand::TimedOut)),
                      u"OUT"_s});
    parser.addOption({u"redacted"_s, u"Start with the findings redacted (for screen sharing and pictures)."_s});
    parser.addOption({u"list-findings"_s,
                      u"Print a reference to each finding on standard output once the scan is done (\"line 212, AWS "
                      "access key\"): where and what, never the secret."_s});
}

// Why the file cannot be viewed, or empty.
QString unreadable(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return u"%1: no such file"_s.arg(path);
    if (info.isDir())
        return u"%1 is a directory, not a file"_s.arg(path);
    // A named pipe would block the open below until a writer came, a device
    // never ends: only a regular file is viewed.
    if (!info.isFile())
        return u"%1 is not a regular file"_s.arg(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return u"cannot read %1: %2"_s.arg(path, file.errorString());
    return {};
}
} // namespace

bool ViewCommand::wanted(int argc, char **argv)
{
    return argc > 1 && qstrcmp(argv[1], "view") == 0;
}

Result<std::optional<ViewCommand::Scan>> ViewCommand::scan(const QString &path, EvidenceType::View view)
{
    const SecretsFinder finder;
    switch (view) {
    case EvidenceType::View::Text:
    case EvidenceType::View::Html:
    case EvidenceType::View::Svg: {
        const Result<SecretsFinder::FileScan> scanned = finder.scanFile(path);
        if (!scanned)
            return scanned.error();
        return std::optional<Scan>(Scan{scanned->findings, scanned->truncated});
    }
    case EvidenceType::View::Pdf: {
        QPdfDocument document;
        if (const QPdfDocument::Error e = document.load(path); e != QPdfDocument::Error::None)
            return Error{QCoreApplication::translate("assay::ViewCommand", "QtPdf cannot read its text.")};
        Scan out;
        const int pages = std::min(document.pageCount(), MaxPdfPagesScanned);
        out.truncated = document.pageCount() > pages;
        for (int page = 0; page < pages; ++page)
            out.findings += finder.scanText(document.getAllText(page).text(), page + 1);
        return std::optional<Scan>(std::move(out));
    }
    case EvidenceType::View::Image:
    case EvidenceType::View::Hex:
        break;
    }
    return std::optional<Scan>();
}

int ViewCommand::main(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments += QString::fromLocal8Bit(argv[i]);
    // The parsers see "assay view …", as every command's does.
    QStringList rest = arguments;
    rest.removeAt(1);
    rest[0] = u"assay view"_s;
    {
        QCommandLineParser parser;
        describe(parser);
        parser.addHelpOption();
        if (!parser.parse(rest)) {
            err(parser.errorText());
            return Usage;
        }
        if (parser.isSet(u"help"_s)) {
            // Help needs an application for the program's name, not a display.
            QCoreApplication app(argc, argv);
            QCommandLineParser helpParser;
            describe(helpParser);
            return Commands::parse(helpParser, rest).value_or(0);
        }
        if (parser.positionalArguments().size() != 1) {
            err(u"usage: assay view FILE [--screenshot OUT] [--redacted] [--list-findings]"_s);
            return Usage;
        }
        // Before any window: a file that cannot be read needs no display to say so.
        if (const QString why = unreadable(parser.positionalArguments().constFirst()); !why.isEmpty()) {
            err(why);
            return CannotRead;
        }
    }

    // QtWebEngine takes its schemes only before the application exists
    // (main() may have done it already: a second call changes nothing).
    EvidenceScheme::registerScheme();
    // QtWebEngine shares its GL contexts with the widgets'; without this it
    // falls back to software after a warning.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    // No organisation name: nothing here reads or writes settings, and none
    // should be placed beside the workstation's.
    QApplication::setApplicationName(u"assay"_s);
    QApplication::setApplicationDisplayName(u"Assay"_s);
    // Its own desktop entry (packaging/): a desktop shows the window with
    // that entry's name and icon.
    QApplication::setDesktopFileName(QStringLiteral(ASSAY_APP_ID ".View"));
    QApplication::setWindowIcon(applicationIcon());
    QCommandLineParser parser;
    describe(parser);
    parser.addHelpOption();
    if (!parser.parse(rest)) {
        err(parser.errorText());
        return Usage;
    }
    const QString path = parser.positionalArguments().constFirst();
    const QString screenshot = parser.value(u"screenshot"_s);
    const bool redacted = parser.isSet(u"redacted"_s);
    const bool listFindings = parser.isSet(u"list-findings"_s);
    const QFileInfo info(path);

    QWidget window;
    window.setObjectName(u"ViewWindow"_s);
    window.setWindowTitle(QApplication::translate("assay::ViewCommand", "%1 — Assay").arg(EvidenceViewer::displayName(info.fileName())));
    auto *note = new QLabel;
    note->setObjectName(u"viewNote"_s);
    note->setTextFormat(Qt::PlainText);
    note->setWordWrap(true);
    note->hide();
    auto *viewer = new EvidenceViewer;
    auto *layout = new QVBoxLayout(&window);
    layout->addWidget(note);
    layout->addWidget(viewer, 1);
    window.resize(1100, 800);
    window.show();

    // Standalone there is no rejection note: the reference goes to stdout.
    QObject::connect(viewer, &EvidenceViewer::referenceRequested, viewer,
                     [](const QString &reference) { console::out((reference + u'\n').toUtf8()); });

    EvidenceItem item;
    item.filename = info.fileName();
    item.mediaType = EvidenceType::declaredFromFileName(item.filename);
    item.size = info.size();
    item.localState = EvidenceItem::LocalState::Present;
    viewer->open(info.absoluteFilePath(), item, std::nullopt);

    bool scanned = true;
    auto *scanning = new QFutureWatcher<Result<std::optional<Scan>>>(viewer);
    const std::optional<EvidenceType> &type = viewer->type();
    // Images and bytes have no text to scan.
    if (type && type->view != EvidenceType::View::Image && type->view != EvidenceType::View::Hex) {
        scanned = false;
        viewer->setScanning();
        QObject::connect(scanning, &QFutureWatcher<Result<std::optional<Scan>>>::finished, viewer,
                         [viewer, scanning, &scanned, redacted, listFindings] {
            const Result<std::optional<Scan>> result = scanning->result();
            scanned = true;
            if (!result) {
                viewer->setScanFailed(result.error().message);
                return;
            }
            const std::optional<Scan> &scan = *result;
            viewer->setFindings(scan ? std::optional(scan->findings) : std::nullopt);
            if (redacted)
                viewer->findingsPanel()->setRedacted(true);
            if (listFindings && scan) {
                QByteArray lines;
                for (const SecretFinding &f : scan->findings)
                    lines += SecretsFinder::reference(f).toUtf8() + '\n';
                console::out(lines);
            }
        });
        scanning->setFuture(QtConcurrent::run(&ViewCommand::scan, info.absoluteFilePath(), viewer->type()->view));
    }

    if (screenshot.isEmpty())
        return app.exec();

    bool taken = false;
    auto shoot = [&window, &taken, screenshot](int code) {
        if (taken)
            return;
        taken = true;
        QTimer::singleShot(SettleMs, &window, [&window, screenshot, code] {
            if (!window.grab().save(screenshot, "PNG")) {
                err(u"cannot write the screenshot %1"_s.arg(screenshot));
                QCoreApplication::exit(CannotRead);
                return;
            }
            err(u"screenshot saved to %1"_s.arg(QFileInfo(screenshot).absoluteFilePath()));
            QCoreApplication::exit(code);
        });
    };
    auto whenReady = [viewer, &scanned, shoot] {
        if (viewer->isShown() && scanned)
            shoot(Shown);
    };
    auto contentShown = [&window, whenReady, shoot] {
        whenReady();
        QTimer::singleShot(ScanGraceMs, &window, [shoot] { shoot(Shown); });
    };
    QObject::connect(viewer, &EvidenceViewer::shown, viewer, contentShown);
    QObject::connect(scanning, &QFutureWatcher<Result<std::optional<Scan>>>::finished, viewer, whenReady);
    // Shown already inside open() (bytes, an empty file, a refusal).
    QTimer::singleShot(0, viewer, [viewer, contentShown] {
        if (viewer->isShown())
            contentShown();
    });
    // ASSAY_VIEW_WATCHDOG_MS shortens it, for the test that the watchdog works.
    const int watchdog = qEnvironmentVariableIntValue("ASSAY_VIEW_WATCHDOG_MS") > 0
        ? qEnvironmentVariableIntValue("ASSAY_VIEW_WATCHDOG_MS")
        : WatchdogMs;
    QTimer::singleShot(watchdog, &window, [note, shoot, watchdog] {
        const QString why = QApplication::translate("assay::ViewCommand",
                                                    "Not finished within %1 ms: this picture shows what was there.")
                                .arg(watchdog);
        note->setText(why);
        note->show();
        err(why);
        shoot(TimedOut);
    });
    return app.exec();
}

} // namespace assay
