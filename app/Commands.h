#pragma once

#include <QStringList>

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
};

} // namespace assay
