#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include "domain/Result.h"

#include <chrono>
#include <optional>

namespace assay {

// `assay --demo`: the reference marketplace, assay-marketplace from beside
// this executable, as a child process on a free loopback port with a store
// of its own and seeded demo data. assay links nothing of the server; it
// reads the child's `listening on` and `token` lines (api.md) and hands on
// the URL and the token of the demo user asked for.
//
// The child ends with this object, and with the process even when that is
// killed with SIGKILL: it is started with --exit-with-parent (its standard
// input is a pipe from here, whose end of file it watches) and, on Linux,
// with the parent-death signal set between fork and exec.
class DemoMarketplace : public QObject
{
    Q_OBJECT

public:
    // One line `token <id> <roles> <token>`.
    struct User
    {
        QString id;
        QStringList roles;
        QString token;
    };

    struct Options
    {
        int submissions = 200;
        // Empty: assay-marketplace beside this executable.
        QString program;
        // Where the child keeps its seeded store between runs (--seed-cache);
        // empty: the user's cache folder. "-": none.
        QString seedCache;
        // Seeding 200 submissions cold takes seconds, more on a busy machine.
        std::chrono::milliseconds startTimeout = std::chrono::seconds(120);
    };

    explicit DemoMarketplace(QObject *parent = nullptr);
    DemoMarketplace(const Options &options, QObject *parent = nullptr);
    ~DemoMarketplace() override;

    // `reviewer` (the default), `lead` or `security`: whose token ready() gives.
    void setRole(const QString &role) { m_role = role; }
    QString role() const { return m_role; }

    void start();
    // Ends the child: its standard input closed and SIGTERM, a few seconds
    // to finish, then SIGKILL. Nothing happens when it does not run.
    void stop();

    bool isReady() const { return m_ready; }
    QUrl url() const { return m_url; }
    QList<User> users() const { return m_users; }
    // The demo user of a role: one who holds just that role, else the first
    // who holds it among others.
    std::optional<User> userFor(const QString &role) const;
    // The child's process id while it runs, else 0.
    qint64 processId() const;

    static QString defaultProgram();
    // The server program (`program`, or empty: defaultProgram()) when it is
    // there to run; else why not, naming the package that carries it — an
    // installed assay need not have assay-marketplace beside it.
    static Result<QString> findProgram(const QString &program = {});
    static QString defaultSeedCache();
    // The seeded story's "now" for a demo started at `now`: the start of
    // that day (UTC), as --seed-anchor takes it.
    static QString seedAnchor(const QDateTime &now);
    static QStringList roles();

Q_SIGNALS:
    // The server is up; `token` is the demo user's of role().
    void ready(const QUrl &url, const QString &token);
    // Who that is (the name comes later, from the sync's users).
    void signedIn(const assay::DemoMarketplace::User &user);
    // Starting failed, or the server ended while in use; said once.
    void failed(const QString &error);

private:
    void readOutput();
    void readErrors();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void fail(const QString &error);
    QString errorTail() const;

    Options m_options;
    QString m_role = QStringLiteral("reviewer");
    QProcess m_process;
    QTimer m_timeout;
    QByteArray m_errors;
    bool m_sawListening = false;
    bool m_ready = false;
    bool m_failed = false;
    bool m_stopping = false;
    QUrl m_url;
    QList<User> m_users;
};

} // namespace assay
