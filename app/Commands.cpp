#include "app/Commands.h"

#include "app/Console.h"
#include "app/ExportReport.h"

#include "domain/JsonReader.h"
#include "domain/Questionnaire.h"
#include "domain/Submission.h"
#include "models/Cache.h"
#include "models/CacheConnection.h"
#include "models/Outbox.h"
#include "models/Profile.h"
#include "models/ReviewDraft.h"
#include "models/ReviewWork.h"
#include "models/SubmissionStore.h"
#include "sync/CredentialChain.h"
#include "sync/EvidenceStore.h"
#include "sync/KeychainCredentialStore.h"
#include "sync/MarketplaceClient.h"
#include "sync/SyncEngine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>
#include <iterator>
#include <optional>
#include <tuple>

#if defined(Q_OS_UNIX)
#include <csignal>
#include <termios.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace assay {

namespace {

using console::err;
using console::out;

// Opens the profile's cache, or says why not.
bool openCache(const QCommandLineParser &parser, Profile *profile, Cache *cache)
{
    *profile = Profile(parser.value(u"profile"_s));
    if (const Result<> made = profile->ensureExists(); !made) {
        err(made.errorString());
        return false;
    }
    if (const Result<> opened = cache->open(profile->cachePath()); !opened) {
        err(opened.error().message);
        return false;
    }
    return true;
}

// A marketplace's address as given on the command line: its origin. Empty
// with a reason when it will not do. MarketplaceClient refuses a URL against
// its rule (TLS unless loopback) by itself; its rule is asked here too only so
// that a refused address is a usage error before a profile remembers it or a
// token is asked for.
QUrl serverUrl(const QString &text, QString *why)
{
    const QUrl server = QUrl(text, QUrl::StrictMode).adjusted(QUrl::StripTrailingSlash | QUrl::RemovePath);
    if (text.isEmpty() || !server.isValid()) {
        *why = u"give the marketplace with --server URL"_s;
        return {};
    }
    *why = MarketplaceClient::checkServerUrl(server);
    return why->isEmpty() ? server : QUrl();
}

// Waits for a credential store's answer (the stores are asynchronous).
template<typename Call>
auto await(Call call)
{
    std::optional<std::pair<QString, QString>> answer;
    QEventLoop loop;
    call([&](QString value, QString error) {
        answer.emplace(std::move(value), std::move(error));
        loop.quit();
    });
    if (!answer)
        loop.exec();
    // QCoreApplication::exit() ends every event loop, this one too, before
    // the keychain has answered.
    if (!answer)
        return std::pair<QString, QString>{{}, u"interrupted before the keychain answered"_s};
    return *answer;
}

// The token, from the first store of the standard chain that has one
// (ASSAY_TOKEN, then the keychain).
QString readToken(const QUrl &server, QString *why)
{
    const auto [token, error] = await([&](auto done) { CredentialChain::standard().read(server, done); });
    if (token.isEmpty())
        *why = u"no token for %1: %2 (sign in with: assay login --server %1, or set ASSAY_TOKEN)"_s.arg(server.toString(), error);
    return token;
}

#if defined(Q_OS_UNIX)
// The terminal's settings from before echo was turned off, for a signal
// that ends the program at the prompt: its handler puts them back first.
termios savedTerminal{};

// Only async-signal-safe calls here: tcsetattr, write and raise are.
void restoreTerminalAndReraise(int signal)
{
    tcsetattr(STDIN_FILENO, TCSANOW, &savedTerminal);
    const char newline = '\n';
    std::ignore = write(STDERR_FILENO, &newline, 1); // the shell's prompt on a line of its own
    // SA_RESETHAND put the default action back, and the signal is blocked
    // until this handler returns: then it ends the program as it would have.
    raise(signal);
}

// The signals that end a program at a prompt: Ctrl-C, Ctrl-\, kill, a
// closed terminal.
constexpr int EndingSignals[] = {SIGINT, SIGQUIT, SIGTERM, SIGHUP};
#endif

// One line from standard input; from a terminal, asked for without echo.
QString readSecretLine(const QString &prompt)
{
#if defined(Q_OS_UNIX)
    const bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &savedTerminal) == 0;
    struct sigaction previous[std::size(EndingSignals)] = {};
    if (tty) {
        std::fprintf(stderr, "%s", qUtf8Printable(prompt));
        std::fflush(stderr);
        // Handlers first, then echo off: no moment without both.
        struct sigaction restore = {};
        restore.sa_handler = restoreTerminalAndReraise;
        restore.sa_flags = SA_RESETHAND | SA_RESTART;
        sigemptyset(&restore.sa_mask);
        for (size_t i = 0; i < std::size(EndingSignals); ++i) {
            sigaction(EndingSignals[i], nullptr, &previous[i]);
            // A signal the program was started to ignore (nohup) stays ignored.
            if (previous[i].sa_handler != SIG_IGN)
                sigaction(EndingSignals[i], &restore, nullptr);
        }
        termios quiet = savedTerminal;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
#endif
    QByteArray line;
    for (int c = std::getchar(); c != EOF && c != '\n'; c = std::getchar()) {
        if (line.size() < 16384)
            line.append(char(c));
    }
#if defined(Q_OS_UNIX)
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &savedTerminal);
        for (size_t i = 0; i < std::size(EndingSignals); ++i)
            sigaction(EndingSignals[i], &previous[i], nullptr);
        std::fprintf(stderr, "\n");
    }
#endif
    return QString::fromUtf8(line).trimmed();
}

// The start login and logout share: --server read and checked, and a
// keychain to talk to. An exit code when the command cannot go on.
std::optional<int> keychainCommand(QCommandLineParser &parser, const QStringList &args, const QString &what, QUrl *server)
{
    parser.addOption({u"server"_s, u"The marketplace, e.g. https://marketplace.example."_s, u"URL"_s});
    if (const auto exit = Commands::parse(parser, args))
        return exit;
    QString why;
    *server = serverUrl(parser.value(u"server"_s), &why);
    if (server->isEmpty()) {
        err(why);
        return Commands::Usage;
    }
    if (const QString reason = KeychainCredentialStore::unavailableReason(); !reason.isEmpty()) {
        err(u"cannot %1: %2; set ASSAY_TOKEN instead"_s.arg(what, reason));
        return Commands::NotInStep;
    }
    return std::nullopt;
}

// assay login: the token, read from standard input (never from the command
// line, where other users' `ps` can see it), checked with GET /me and kept
// in the system keychain for `assay sync` and the workstation.
int login(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Signs in to a marketplace: reads your API token from standard input, checks it "
                                     "with the marketplace and keeps it in the system keychain."_s);
    QUrl server;
    if (const auto exit = keychainCommand(parser, args, u"sign in"_s, &server))
        return *exit;
    const QString token = readSecretLine(u"API token for %1: "_s.arg(server.toString()));
    if (token.isEmpty()) {
        err(u"no token given on standard input"_s);
        return Commands::Usage;
    }
    MarketplaceClient client(server, token);
    MarketplaceClient::Result<MarketplaceClient::Account> me;
    QEventLoop loop;
    client.me([&](MarketplaceClient::Result<MarketplaceClient::Account> r) {
        me = std::move(r);
        loop.quit();
    });
    loop.exec();
    if (!me.value) {
        if (me.error.kind == ApiError::Kind::Unauthorized) {
            err(u"%1 refused this token (401); nothing was stored"_s.arg(server.toString()));
            return Commands::TokenRefused;
        }
        err(u"could not check the token with %1: %2; nothing was stored"_s.arg(server.toString(), me.error.describe()));
        return Commands::NotInStep;
    }
    KeychainCredentialStore keychain;
    const QString error = await([&](auto done) {
        keychain.write(KeychainCredentialStore::keyFor(server), token, [done](QString e) { done({}, std::move(e)); });
    }).second;
    if (!error.isEmpty()) {
        err(u"could not store the token: %1"_s.arg(error));
        return Commands::NotInStep;
    }
    out(u"signed in to %1 as %2 (%3); the token is in %4\n"_s
            .arg(server.toString(), me.value->name, me.value->roles.join(u", "_s), keychain.name())
            .toUtf8());
    return Commands::InStep;
}

// assay logout: forgets the marketplace's token in the keychain.
int logout(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Removes the token of a marketplace from the system keychain."_s);
    QUrl server;
    if (const auto exit = keychainCommand(parser, args, u"sign out"_s, &server))
        return *exit;
    KeychainCredentialStore keychain;
    const QString error = await([&](auto done) {
        keychain.remove(KeychainCredentialStore::keyFor(server), [done](QString e) { done({}, std::move(e)); });
    }).second;
    if (!error.isEmpty()) {
        err(u"could not remove the token: %1"_s.arg(error));
        return Commands::NotInStep;
    }
    out(u"signed out of %1\n"_s.arg(server.toString()).toUtf8());
    return Commands::InStep;
}

int sync(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Brings the profile's cache in step with the marketplace: pushes recorded "
                                     "decisions, pulls changes, fetches details and evidence."_s);
    parser.addOption(Commands::profileOption());
    parser.addOption({u"server"_s, u"The marketplace, e.g. https://marketplace.example (remembered per profile)."_s, u"URL"_s});
    parser.addOption({u"no-evidence"_s, u"Metadata only: do not download evidence files."_s});
    parser.addOption({u"page-size"_s, u"Feed page size (1-500, default 500)."_s, u"N"_s, u"500"_s});
    if (const auto exit = Commands::parse(parser, args))
        return *exit;
    Profile profile;
    Cache cache;
    if (!openCache(parser, &profile, &cache))
        return Commands::NotInStep;
    // A profile follows one marketplace: its cursor means nothing elsewhere.
    const Result<QString> stored = cache.submissions().syncValue(u"server"_s);
    if (!stored) {
        err(stored.error().message);
        return Commands::NotInStep;
    }
    const QString &known = *stored;
    QString why;
    const QUrl server = serverUrl(parser.isSet(u"server"_s) ? parser.value(u"server"_s) : known, &why);
    if (server.isEmpty()) {
        err(why);
        return Commands::Usage;
    }
    if (!known.isEmpty() && known != server.toString()) {
        err(u"this profile syncs with %1, not %2; use another --profile"_s.arg(known, server.toString()));
        return Commands::Usage;
    }
    if (known.isEmpty()) {
        if (const Result<> kept = cache.submissions().setSyncValue(u"server"_s, server.toString()); !kept) {
            err(kept.error().message);
            return Commands::NotInStep;
        }
    }
    const QString token = readToken(server, &why);
    if (token.isEmpty()) {
        err(why);
        return Commands::TokenRefused;
    }
    bool pageOk = false;
    const int pageSize = parser.value(u"page-size"_s).toInt(&pageOk);
    if (!pageOk || pageSize < 1 || pageSize > 500) {
        err(u"--page-size takes 1 to 500"_s);
        return Commands::Usage;
    }
    cache.close();

    SyncEngine::Options options;
    options.server = server;
    options.token = token;
    options.profileDir = profile.dir();
    options.evidence = !parser.isSet(u"no-evidence"_s);
    options.pageSize = pageSize;
    // Headless: give up on an unreachable server within about ten seconds,
    // which still rides out a flaky one (8 failures in a row at 30 % faults
    // happen once in 15,000 tasks).
    options.maxAttempts = 8;
    options.maxBackoffMs = 4000;
    SyncEngine engine(options);
    QObject::connect(&engine, &SyncEngine::phaseChanged, [](const QString &phase) { err(phase); });
    QObject::connect(&engine, &SyncEngine::statusChanged, [](const QString &status) { err(status); });
    int lastShown = -1;
    QObject::connect(&engine, &SyncEngine::progress, [&lastShown](int done, int total, qint64 bytes) {
        if (done / 500 == lastShown / 500 && total >= 0 && done != total)
            return;
        lastShown = done;
        if (total >= 0)
            err(u"  %1 / %2 (%3 KiB)"_s.arg(done).arg(total).arg(bytes / 1024));
        else
            err(u"  %1 changes read"_s.arg(done));
    });
    const SyncEngine::Report report = engine.runOnce();
    for (const QString &p : std::as_const(report.problems))
        err(u"problem: "_s + p);
    out(report.summaryLine().toUtf8() + '\n');
    if (report.tokenRejected)
        return Commands::TokenRefused;
    return report.inStep ? Commands::InStep : Commands::NotInStep;
}

int decide(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Records a verdict in the profile's outbox, as the review screen does; "
                                     "works offline, assay sync pushes it."_s);
    parser.addOption(Commands::profileOption());
    parser.addOption({u"reason"_s, u"A rejection reason (repeatable)."_s, u"CATEGORY:CODE[:NOTE]"_s});
    parser.addOption({u"summary"_s, u"The verdict's summary (a return needs one)."_s, u"TEXT"_s});
    parser.addOption({u"check"_s, u"Tick a checklist item (repeatable); ticks saved in the review screen count too."_s, u"KEY"_s});
    parser.addOption({u"note"_s,
                      u"An internal note on a checklist item or a category (repeatable; never shown to the partner); "
                      "notes saved in the review screen count too, this one wins."_s,
                      u"KEY:TEXT"_s});
    parser.addPositionalArgument(u"submission"_s, u"The submission id."_s);
    parser.addPositionalArgument(u"decision"_s, u"approve, reject or return (a security user, to the review stage)."_s);
    if (const auto exit = Commands::parse(parser, args))
        return *exit;
    const QStringList pos = parser.positionalArguments();
    const auto decision = pos.size() == 2 ? Verdict::decisionFromName(pos.at(1)) : std::nullopt;
    if (!decision) {
        err(u"usage: assay decide SUBMISSION approve|reject|return [--reason CATEGORY:CODE[:NOTE]]... [--summary TEXT] "
            "[--check KEY]... [--note KEY:TEXT]..."_s);
        return Commands::Usage;
    }
    Verdict verdict;
    verdict.decision = *decision;
    verdict.summary = parser.value(u"summary"_s);
    for (const QString &r : parser.values(u"reason"_s)) {
        const QStringList parts = r.split(u':');
        if (parts.size() < 2 || parts.at(0).isEmpty() || parts.at(1).isEmpty()) {
            err(u"--reason takes CATEGORY:CODE[:NOTE], got \"%1\""_s.arg(r));
            return Commands::Usage;
        }
        verdict.reasons.append({parts.at(0), parts.at(1), parts.mid(2).join(u':')});
    }
    QMap<QString, QString> givenNotes;
    for (const QString &n : parser.values(u"note"_s)) {
        const qsizetype colon = n.indexOf(u':');
        if (colon <= 0 || colon == n.size() - 1) {
            err(u"--note takes KEY:TEXT, got \"%1\""_s.arg(n));
            return Commands::Usage;
        }
        givenNotes.insert(n.left(colon), n.mid(colon + 1));
    }
    Profile profile;
    Cache cache;
    if (!openCache(parser, &profile, &cache))
        return Commands::NotInStep;
    const QString &id = pos.at(0);
    // What the review screen saved counts: its ticks and its notes on
    // checklist items and categories; the options add to it.
    const Result<Verdict> work = cache.outbox().verdictFromWork(id);
    if (!work) {
        err(work.error().message);
        return Commands::NotInStep;
    }
    verdict.checklist = work->checklist;
    verdict.notes = work->notes;
    for (const QString &k : parser.values(u"check"_s))
        verdict.checklist.insert(k, true);
    verdict.notes.insert(givenNotes);
    const Result<qint64> entry = cache.outbox().recordVerdict(id, verdict);
    if (!entry) {
        err(entry.error().message);
        return Commands::NotInStep;
    }
    out(u"recorded: %1 %2 (outbox entry %3, pending); assay sync pushes it\n"_s.arg(pos.at(1), id).arg(*entry).toUtf8());
    return 0;
}

int assign(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Records a lead's assignment in the profile's outbox; assay sync pushes it."_s);
    parser.addOption(Commands::profileOption());
    parser.addOption({u"none"_s, u"Unassign."_s});
    parser.addPositionalArgument(u"submission"_s, u"The submission id."_s);
    parser.addPositionalArgument(u"user"_s, u"The reviewer's user id (or --none)."_s);
    if (const auto exit = Commands::parse(parser, args))
        return *exit;
    const QStringList pos = parser.positionalArguments();
    const bool none = parser.isSet(u"none"_s);
    if (pos.size() != (none ? 1 : 2)) {
        err(u"usage: assay assign SUBMISSION USER|--none"_s);
        return Commands::Usage;
    }
    Profile profile;
    Cache cache;
    if (!openCache(parser, &profile, &cache))
        return Commands::NotInStep;
    const Result<qint64> entry =
        cache.outbox().recordAssignment(pos.at(0), none ? std::nullopt : std::optional<QString>(pos.at(1)));
    if (!entry) {
        err(entry.error().message);
        return Commands::NotInStep;
    }
    out(u"recorded: assign %1 to %2 (outbox entry %3, pending); assay sync pushes it\n"_s
            .arg(pos.at(0), none ? u"nobody"_s : pos.at(1))
            .arg(*entry)
            .toUtf8());
    return 0;
}

// The profile's cache as one JSON document.
Result<QJsonObject> exportJson(Cache &cache, const Profile &profile)
{
    const EvidenceStore store(profile);
    const Result<QList<SubmissionSummary>> summaries = cache.submissions().summaries();
    if (!summaries)
        return summaries.error();
    QJsonArray submissions;
    for (const SubmissionSummary &summary : *summaries) {
        const Result<std::optional<Submission>> s = cache.submissions().submission(summary.id);
        if (!s)
            return s.error();
        if (!*s)
            continue; // gone since the list was read
        QJsonObject o = (*s)->toJson();
        QJsonArray evidence;
        for (const EvidenceItem &e : (*s)->evidence) {
            QJsonObject item = e.toJson();
            item.insert(u"local_state"_s, EvidenceItem::localStateName(e.localState));
            item.insert(u"verified"_s, e.localState == EvidenceItem::LocalState::Present && store.hasVerified(e.sha256));
            evidence.append(item);
        }
        o.insert(u"evidence"_s, evidence);
        QJsonObject local;
        QJsonObject ticks;
        const Result<QHash<QString, ReviewWork::Tick>> t = cache.work().checklistTicks(summary.id);
        if (!t)
            return t.error();
        for (auto it = t->cbegin(); it != t->cend(); ++it)
            ticks.insert(it.key(), it.value().checked);
        local.insert(u"checklist"_s, ticks);
        QJsonObject notes;
        const Result<QHash<QString, ReviewWork::Note>> n = cache.work().notes(summary.id);
        if (!n)
            return n.error();
        for (auto it = n->cbegin(); it != n->cend(); ++it)
            notes.insert(it.key(), it.value().body);
        local.insert(u"notes"_s, notes);
        const Result<std::optional<ReviewDraft>> draft = cache.work().draft(summary.id);
        if (!draft)
            return draft.error();
        if (const std::optional<ReviewDraft> &d = *draft) {
            QJsonArray reasons;
            for (const auto &r : d->reasons)
                reasons.append(QJsonObject{{u"category"_s, r.category}, {u"code"_s, r.code}, {u"note"_s, r.note}});
            QJsonObject draftNotes;
            for (auto it = d->notes.cbegin(); it != d->notes.cend(); ++it)
                draftNotes.insert(it.key(), it.value());
            local.insert(u"draft"_s, QJsonObject{{u"decision"_s, d->decision ? QJsonValue(Verdict::decisionName(*d->decision)) : QJsonValue()},
                                                 {u"summary"_s, d->summary},
                                                 {u"reasons"_s, reasons},
                                                 {u"notes"_s, draftNotes},
                                                 {u"updated_at"_s, JsonReader::formatTimestamp(d->updatedAt)}});
        }
        o.insert(u"local"_s, local);
        submissions.append(o);
    }
    const Result<QList<OutboxEntry>> entries = cache.outbox().entries();
    if (!entries)
        return entries.error();
    QJsonArray outbox;
    for (const OutboxEntry &e : *entries)
        outbox.append(e.toJson());
    const Result<QString> server = cache.submissions().syncValue(u"server"_s);
    if (!server)
        return server.error();
    const Result<int> schema = cache.connection().schemaVersion();
    if (!schema)
        return schema.error();
    return QJsonObject{{u"profile"_s, profile.dir()},
                       {u"server"_s, *server},
                       {u"schema_version"_s, *schema},
                       {u"submissions"_s, submissions},
                       {u"outbox"_s, outbox}};
}

int exportCache(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Prints the profile's cache as JSON: submissions (kind, answers, evidence and its "
                                     "local state, comments and who wrote them, recorded verdicts), drafts and outbox "
                                     "entries (pending, sent, conflict, failed, superseded)."_s);
    parser.addOption(Commands::profileOption());
    if (const auto exit = Commands::parse(parser, args))
        return *exit;
    Profile profile;
    Cache cache;
    if (!openCache(parser, &profile, &cache))
        return Commands::NotInStep;
    const Result<QJsonObject> doc = exportJson(cache, profile);
    if (!doc) {
        err(doc.error().message);
        return Commands::NotInStep;
    }
    out(QJsonDocument(*doc).toJson(QJsonDocument::Indented));
    return 0;
}

} // namespace

std::optional<int> Commands::parse(QCommandLineParser &parser, const QStringList &args)
{
    parser.addHelpOption();
    if (!parser.parse(args)) {
        err(parser.errorText());
        return Commands::Usage;
    }
    if (parser.isSet(u"help"_s)) {
        // Qt names the program file; the command is what a user types.
        QString help = parser.helpText();
        const QString usage = u"Usage: "_s + QCoreApplication::arguments().value(0);
        if (help.startsWith(usage))
            help = u"Usage: "_s + args.value(0) + help.mid(usage.size());
        out(help.toUtf8());
        return 0;
    }
    return std::nullopt;
}

QCommandLineOption Commands::profileOption()
{
    return QCommandLineOption(u"profile"_s, u"Where the cache, drafts and outbox live (default: %1)."_s.arg(Profile::defaultDir()),
                              u"DIR"_s);
}

bool Commands::isCommand(const QString &word)
{
    return word == u"sync"_s || word == u"decide"_s || word == u"assign"_s || word == u"export"_s || word == u"login"_s
        || word == u"logout"_s;
}

int Commands::run(const QStringList &arguments)
{
    // arguments: program, command, rest; the parsers see "assay COMMAND ...".
    const QString command = arguments.value(1);
    QStringList rest = arguments;
    rest.removeAt(1);
    rest[0] = u"assay "_s + command;
    if (command == u"sync"_s)
        return sync(rest);
    if (command == u"decide"_s)
        return decide(rest);
    if (command == u"assign"_s)
        return assign(rest);
    if (command == u"export"_s)
        return ExportReport::wanted(arguments) ? ExportReport::run(rest) : exportCache(rest);
    if (command == u"login"_s)
        return login(rest);
    if (command == u"logout"_s)
        return logout(rest);
    err(u"unknown command %1"_s.arg(command));
    return Usage;
}

} // namespace assay
