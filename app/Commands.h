#pragma once

#include <QCommandLineOption>
#include <QStringList>

#include <optional>

class QCommandLineParser;

namespace assay {

// The workstation's headless commands (shared/design/api.md, "The
// workstation's command line"): sync, decide, assign, export, and login /
// logout to keep the token in the system keychain. They use the
// same libraries as the GUI — decide and assign record through the same
// Outbox the review screen uses.
class Commands
{
public:
    static bool isCommand(const QString &word);
    // Runs a command; needs a QCoreApplication. Returns the exit code.
    static int run(const QStringList &arguments);

    enum Exit { InStep = 0, NotInStep = 1, Usage = 2, TokenRefused = 3 };

    // Parses a command's arguments (adding --help). An exit code when the
    // command is done already (--help, or an error in the arguments),
    // std::nullopt to go on. Every command, export --report too, parses here.
    static std::optional<int> parse(QCommandLineParser &parser, const QStringList &args);
    // --profile DIR, with the platform's default named in its help.
    static QCommandLineOption profileOption();
};

} // namespace assay
