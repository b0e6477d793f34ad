// assay — the reviewer's workstation. Composes the libraries; owns nothing else.

#include "app/Commands.h"
#include "models/Cache.h"
#include "models/Profile.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QMessageBox>
#include <QScreen>
#include <QTimer>

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
    // The headless commands need no display: a QCoreApplication serves them.
    if (argc > 1 && Commands::isCommand(QString::fromLocal8Bit(argv[1]))) {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("assay"));
        QCoreApplication::setOrganizationName(QStringLiteral("Assay"));
        return Commands::run(QCoreApplication::arguments());
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("assay"));
    QApplication::setOrganizationName(QStringLiteral("Assay"));
    QApplication::setApplicationDisplayName(QStringLiteral("Assay"));
    QApplication::setApplicationVersion(QStringLiteral(ASSAY_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.assay.Assay"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Assay — the security review workstation."));
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
    parser.addOption(profileOption);
    parser.addOption(screenshotOption);
    parser.process(app);

    const Profile profile(parser.value(profileOption));
    if (const QString error = profile.ensureExists(); !error.isEmpty())
        return fail(error);
    Cache cache;
    if (!cache.open(profile.cachePath())) {
        if (!parser.isSet(screenshotOption) && QGuiApplication::platformName() != QLatin1String("offscreen"))
            QMessageBox::critical(nullptr, QStringLiteral("Assay"), cache.errorString());
        return fail(cache.errorString());
    }

    MainWindow window(&cache, profile);
    window.show();

    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        // Give layouts and the first paint a moment, then grab what a user
        // would see and leave.
        QTimer::singleShot(300, &window, [&window, file] {
            if (!window.grab().save(file)) {
                std::fprintf(stderr, "assay: cannot write the screenshot %s\n", qUtf8Printable(file));
                QCoreApplication::exit(1);
                return;
            }
            std::fprintf(stderr, "assay: screenshot saved to %s\n", qUtf8Printable(QFileInfo(file).absoluteFilePath()));
            QCoreApplication::exit(0);
        });
    }
    return app.exec();
}
