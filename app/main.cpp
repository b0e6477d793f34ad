// assay — the reviewer's workstation. Composes the libraries; owns nothing else.

#include "app/Commands.h"
#include "app/DemoSession.h"
#include "app/ExportReport.h"
#include "app/ViewCommand.h"
#include "sync/SyncController.h"
#include "models/Cache.h"
#include "models/CacheConnection.h"
#include "models/SubmissionStore.h"
#include "models/Profile.h"
#include "models/QueueModel.h"
#include "ui/MainWindow.h"
#include "ui/evidence/EvidenceScheme.h"
#include "ui/evidence/EvidenceViewer.h"
#include "ui/review/EvidencePane.h"
#include "ui/review/ReviewView.h"
#include "ui/shell/AppIcon.h"
#include "ui/shell/Session.h"
#include "ui/shell/SignInDialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <utility>
#include <cstdio>

using namespace assay;

namespace {
int fail(const QString &message)
{
    std::fprintf(stderr, "assay: %s\n", qUtf8Printable(message));
    return 1;
}
} // namespace

int main(int argc, char *argv[])
{
    // QtWebEngine takes custom schemes only before any application object
    // exists; HTML evidence is served on this one.
    EvidenceScheme::registerScheme();
    // The viewer alone on a local file: no profile, its own application.
    if (ViewCommand::wanted(argc, argv))
        return ViewCommand::main(argc, argv);
    // A review report's PDF needs fonts: ExportReport makes the application.
    if (ExportReport::wanted(argc, argv))
        return ExportReport::main(argc, argv);
    // The headless commands need no display: a QCoreApplication serves them.
    if (argc > 1 && Commands::isCommand(QString::fromLocal8Bit(argv[1]))) {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("assay"));
        QCoreApplication::setOrganizationName(QStringLiteral("Assay"));
        return Commands::run(QCoreApplication::arguments());
    }
    // --help and --version print and quit: they need no display either, and
    // over ssh there is none to connect to.
    const bool onlyPrints = std::any_of(argv + 1, argv + argc, [](const char *a) {
        return qstrcmp(a, "--help") == 0 || qstrcmp(a, "-h") == 0 || qstrcmp(a, "--help-all") == 0
            || qstrcmp(a, "--version") == 0 || qstrcmp(a, "-v") == 0;
    });
    if (onlyPrints && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // The evidence viewer's WebEngine shares GL contexts with the widgets.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("assay"));
    QApplication::setOrganizationName(QStringLiteral("Assay"));
    QApplication::setApplicationDisplayName(QStringLiteral("Assay"));
    QApplication::setApplicationVersion(QStringLiteral(ASSAY_VERSION));
    QApplication::setDesktopFileName(QStringLiteral(ASSAY_APP_ID));
    QApplication::setWindowIcon(applicationIcon());

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Assay — the security review workstation.\n\n"
                                                    "Headless commands (assay COMMAND --help): sync, decide, assign, "
                                                    "export, login, logout.\n"
                                                    "assay view FILE [--screenshot OUT]: the evidence viewer alone on "
                                                    "a local file, read-only, no profile touched."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profileOption(QStringLiteral("profile"),
                                           QStringLiteral("Where the cache, drafts and outbox live (default: %1).")
                                               .arg(Profile::defaultDir()),
                                           QStringLiteral("DIR"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                              QStringLiteral("Save a picture of the main window to FILE once it "
                                                             "is shown, then quit."),
                                              QStringLiteral("FILE"));
    const QCommandLineOption demoOption(QStringLiteral("demo"),
                                        QStringLiteral("Start the reference marketplace (assay-marketplace, beside assay) "
                                                       "with demo data, sign in as a demo user and sync a fresh profile "
                                                       "from it."));
    const QCommandLineOption demoUserOption(QStringLiteral("demo-user"),
                                            QStringLiteral("With --demo: the demo user to sign in as: reviewer "
                                                           "(default), lead or security."),
                                            QStringLiteral("ROLE"), QStringLiteral("reviewer"));
    const QCommandLineOption showOption(QStringLiteral("show"),
                                        QStringLiteral("The view to show once data is there: queue (default), "
                                                       "review:SUBMISSION (that submission's review screen), "
                                                       "sign-in (the sign-in dialog), board (the lead's board), charts (its "
                                                       "charts) or evidence:ID (the review screen of the submission that holds "
                                                       "that evidence item, with the item in the evidence viewer)."),
                                        QStringLiteral("VIEW"), QStringLiteral("queue"));
    parser.addOption(profileOption);
    parser.addOption(screenshotOption);
    parser.addOption(showOption);
    parser.addOption(demoOption);
    parser.addOption(demoUserOption);
    parser.process(app);

    const bool demo = parser.isSet(demoOption);
    const QString view = parser.value(showOption);
    QString reviewId;
    QString evidenceId;
    if (view.startsWith(QLatin1String("review:")))
        reviewId = view.mid(7);
    else if (view.startsWith(QLatin1String("evidence:")))
        evidenceId = view.mid(9);
    else if (view != QLatin1String("queue") && view != QLatin1String("sign-in") && view != QLatin1String("board")
             && view != QLatin1String("charts"))
        return fail(QStringLiteral("unknown view “%1” for --show: use queue, review:SUBMISSION, evidence:ID, board, charts "
                                   "or sign-in").arg(view));
    const bool signInShot = view == QLatin1String("sign-in");
    // The lead's board, or its charts.
    const bool board = view == QLatin1String("board") || view == QLatin1String("charts");
    if (view.startsWith(QLatin1String("review:")) && reviewId.isEmpty())
        return fail(QStringLiteral("--show review:SUBMISSION needs a submission id"));
    if (view.startsWith(QLatin1String("evidence:")) && evidenceId.isEmpty())
        return fail(QStringLiteral("--show evidence:ID needs an evidence id"));
    // What is asked for (for the messages): a submission or an evidence item.
    const QString wantedId = evidenceId.isEmpty() ? reviewId : evidenceId;
    const bool reviewing = !wantedId.isEmpty();
    // The demo: a child marketplace, and a fresh profile unless one is given.
    std::optional<DemoSession> demoSession;
    if (demo) {
        if (!DemoMarketplace::roles().contains(parser.value(demoUserOption)))
            return fail(QStringLiteral("--demo-user takes reviewer, lead or security"));
        // Before any window: an installed assay without the assay-marketplace
        // package has no demo to show, and says which package to install.
        if (const Result<QString> server = DemoMarketplace::findProgram(); !server)
            return fail(server.error().message);
        demoSession.emplace(parser.value(demoUserOption));
    }
    Result<Profile> demoProfile = demo && !parser.isSet(profileOption) ? demoSession->profileFor(demoSession->role())
                                                                       : Profile(parser.value(profileOption));
    if (!demoProfile)
        return fail(demoProfile.error().message);
    const Profile &profile = *demoProfile;
    if (const Result<> made = profile.ensureExists(); !made)
        return fail(made.errorString());
    Cache cache;
    if (const Result<> opened = cache.open(profile.cachePath()); !opened) {
        if (!parser.isSet(screenshotOption) && QGuiApplication::platformName() != QLatin1String("offscreen"))
            QMessageBox::critical(nullptr, QStringLiteral("Assay"), opened.error().message);
        return fail(opened.error().message);
    }
    // The window's small writes never copy the WAL on the GUI thread; the
    // sync's connections do that on theirs. Should that fail, the window
    // still works; its commits just checkpoint as the sync's do.
    if (const Result<> off = cache.connection().setCheckpointing(false); !off)
        std::fprintf(stderr, "assay: %s\n", qUtf8Printable(off.error().message));
    const Result<QString> knownServer = cache.submissions().syncValue(QStringLiteral("server"));

    // A screenshot shows the default layout, the same on every machine, and
    // leaves the user's saved layout as it was: the window's settings go to
    // a folder of their own for this run.
    QTemporaryDir screenshotSettings;
    if (parser.isSet(screenshotOption)) {
        if (!screenshotSettings.isValid())
            return fail(QStringLiteral("cannot make a temporary folder for the screenshot's settings"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, screenshotSettings.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, screenshotSettings.path());
    }

    MainWindow window(&cache, profile);
    if (reviewing || board)
        window.resize(1440, 900);
    window.show();
    // The view asked for, once the data is there (in the demo: after the
    // first sync). False when the submission is not cached.
    auto showView = [&window, reviewId, evidenceId, board, view] {
        if (board) {
            window.showBoard(view == QLatin1String("charts"));
            return true;
        }
        if (!evidenceId.isEmpty())
            return window.openEvidence(evidenceId);
        return reviewId.isEmpty() || window.openReview(reviewId);
    };

    // Signing in, the sync, signing out, the title and the status bar.
    Session session(window, cache, profile);
    auto startSync = [&](const QUrl &server, const QString &token) {
        SyncController *sync = session.start(server, token);
        if (!parser.isSet(screenshotOption) && (reviewing || board)) {
            QObject::connect(sync, &SyncController::finished, &window, [&window, showView] {
                if (!window.isReviewing() && !window.isShowingBoard())
                    std::ignore = showView(); // a failure says so in the status bar
            }, Qt::SingleShotConnection);
        }
    };

    if (demo) {
        DemoMarketplace &marketplace = demoSession->marketplace();
        window.setSyncStatus(QCoreApplication::translate("assay", "starting the demo marketplace…"));
        QObject::connect(&marketplace, &DemoMarketplace::signedIn, &window, [&](const DemoMarketplace::User &user) {
            const QString who = QStringLiteral("%1 (%2)").arg(user.id, user.roles.join(QStringLiteral(", ")));
            window.setSyncStatus(QCoreApplication::translate("assay", "demo marketplace at %1; signed in as %2").arg(marketplace.url().toString(), who));
            std::fprintf(stderr, "assay: demo marketplace at %s; signed in as %s\n", qUtf8Printable(marketplace.url().toString()),
                         qUtf8Printable(who));
        });
        QObject::connect(&marketplace, &DemoMarketplace::ready, &window, startSync);
        QObject::connect(&marketplace, &DemoMarketplace::failed, &window, [&window](const QString &error) {
            window.setSyncStatus(error);
            std::fprintf(stderr, "assay: %s\n", qUtf8Printable(error));
        });
        demoSession->adopt(&window);
        // The other demo users' windows get a Session of their own, as this
        // one has (DemoSession::openSeat).
        demoSession->reportFirstRows(window.queueModel());
        demoSession->start();
    } else if (!knownServer) {
        window.setSyncStatus(QCoreApplication::translate("main", "offline — %1").arg(knownServer.error().message));
    } else if (!signInShot) {
        // The token from ASSAY_TOKEN or the keychain; without one (or a known
        // marketplace), the sign-in dialog — not in the way of a screenshot.
        session.resume(QUrl(*knownServer), parser.isSet(screenshotOption));
    }

    if (signInShot) {
        SignInDialog *dialog = session.signIn();
        if (parser.isSet(screenshotOption)) {
            QTimer::singleShot(500, dialog, [dialog, file = parser.value(screenshotOption)] {
                const bool saved = dialog->grab().save(file);
                std::fprintf(stderr, saved ? "assay: screenshot saved to %s\n" : "assay: cannot write the screenshot %s\n",
                             qUtf8Printable(QFileInfo(file).absoluteFilePath()));
                QCoreApplication::exit(saved ? 0 : 1);
            });
        }
    } else if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        // What a user would see: the window once laid out and painted — in
        // the demo, once the first sync is done (or after two minutes).
        const bool evidence = !evidenceId.isEmpty();
        auto shoot = [&window, file, showView, wantedId, reviewing, evidence, board] {
            if (!showView()) {
                std::fprintf(stderr, "assay: %s %s is not in the cache\n", evidence ? "evidence" : "submission",
                             qUtf8Printable(wantedId));
                QCoreApplication::exit(1);
                return;
            }
            auto grab = [&window, file] {
                if (!window.grab().save(file)) {
                    std::fprintf(stderr, "assay: cannot write the screenshot %s\n", qUtf8Printable(file));
                    QCoreApplication::exit(1);
                    return;
                }
                std::fprintf(stderr, "assay: screenshot saved to %s\n", qUtf8Printable(QFileInfo(file).absoluteFilePath()));
                QCoreApplication::exit(0);
            };
            // Laid out and painted with the view's data before the picture.
            const int settle = reviewing || board ? 300 : 0;
            EvidenceViewer *viewer = window.reviewView()->evidence()->viewer();
            if (!evidence || viewer->isShown()) {
                QTimer::singleShot(settle, &window, grab);
                return;
            }
            // The evidence draws moments later (WebEngine, QtPdf, a decoded
            // image): the picture waits for it, as long as assay view would.
            auto taken = std::make_shared<bool>(false);
            auto once = [&window, grab, taken, settle] {
                if (!std::exchange(*taken, true))
                    QTimer::singleShot(settle, &window, grab);
            };
            QObject::connect(viewer, &EvidenceViewer::shown, &window, once, Qt::SingleShotConnection);
            QTimer::singleShot(ViewCommand::WatchdogMs, &window, once);
        };
        if (demo) {
            QTimer::singleShot(120000, &window, shoot);
            QObject::connect(&demoSession->marketplace(), &DemoMarketplace::ready, &window, [&session, &window, shoot] {
                QObject::connect(session.sync(), &SyncController::finished, &window, [shoot] { QTimer::singleShot(500, shoot); });
            }, Qt::QueuedConnection);
        } else {
            // The queue's first page is read when the window is made: its
            // picture can be taken at once (bench_startup times this).
            QTimer::singleShot(reviewing || board ? 300 : 0, &window, shoot);
        }
    } else if (!demo && board) {
        std::ignore = showView(); // the board always shows (from the cache)
    } else if (!demo && reviewing && !showView()) {
        std::fprintf(stderr, "assay: %s %s is not in the cache\n", evidenceId.isEmpty() ? "submission" : "evidence",
                     qUtf8Printable(wantedId));
    }
    return app.exec();
}
