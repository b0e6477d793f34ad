#include <QFile>
#include <QTest>

#include <csignal>
#include <fcntl.h>
#include <pty.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

extern char **environ;

// `assay login --server http://127.0.0.1:9` with a pseudo-terminal for its
// standard input, output and error, and as its controlling terminal.
struct Login
{
    int master = -1;
    int slave = -1;
    pid_t pid = -1;
    int status = 0;
    QByteArray shown;

    ~Login()
    {
        if (pid > 0 && !ended()) {
            kill(pid, SIGKILL);
            waitpid(pid, nullptr, 0);
        }
        if (master >= 0)
            close(master);
        if (slave >= 0)
            close(slave);
    }

    bool start()
    {
        const QByteArray program = QFile::encodeName(qEnvironmentVariable("ASSAY_BIN_DIR") + u"/assay"_s);
        if (openpty(&master, &slave, nullptr, nullptr, nullptr) != 0 || !(termiosOf(slave).c_lflag & ECHO))
            return false;
        if (fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK) != 0)
            return false;
        // Everything the child needs is made before fork(): after it, only
        // async-signal-safe calls until exec.
        QList<QByteArray> args{program, "login", "--server", "http://127.0.0.1:9"};
        QList<QByteArray> env;
        for (char **e = environ; *e; ++e) {
            const QByteArray entry(*e);
            if (!entry.startsWith("ASSAY_TOKEN=") && !entry.startsWith("DBUS_SESSION_BUS_ADDRESS="))
                env.append(entry);
        }
        // Login asks for a token only where a keychain could keep it; this
        // bus is never reached, the program ends before.
        env.append("DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/assay-test-bus");
        std::vector<char *> argv, envp;
        for (QByteArray &a : args)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        for (QByteArray &e : env)
            envp.push_back(e.data());
        envp.push_back(nullptr);

        pid = fork();
        if (pid < 0)
            return false;
        if (pid == 0) {
            // The pseudo-terminal becomes the child's controlling terminal,
            // its process group the foreground one that Ctrl-C signals.
            setsid();
            ioctl(slave, TIOCSCTTY, 0);
            dup2(slave, STDIN_FILENO);
            dup2(slave, STDOUT_FILENO);
            dup2(slave, STDERR_FILENO);
            close(master);
            close(slave);
            execve(argv[0], argv.data(), envp.data());
            _exit(127);
        }
        return true;
    }

    // Reads what the program wrote; true once the prompt is there.
    bool prompted()
    {
        char buffer[4096];
        for (ssize_t n; (n = read(master, buffer, sizeof buffer)) > 0;)
            shown.append(buffer, n);
        return shown.contains("API token for http://127.0.0.1:9");
    }

    // Reaps the program once it ended. (QTRY_* evaluates its condition once
    // more at the end: the first answer is kept, a child is reaped once.)
    bool ended()
    {
        if (pid > 0 && waitpid(pid, &status, WNOHANG) == pid)
            pid = 0;
        return pid == 0;
    }

    static termios termiosOf(int fd)
    {
        termios t{};
        tcgetattr(fd, &t);
        return t;
    }
};

// `assay login` on a real terminal (a pseudo-terminal this test holds): the
// token is read with echo off, and a Ctrl-C or a SIGTERM at the prompt
// leaves the terminal as it found it — echo on — and ends the program by
// that signal.
class TestLoginTty : public QObject
{
    Q_OBJECT

private:
    static bool echoIsOn(int fd) { return Login::termiosOf(fd).c_lflag & ECHO; }

private Q_SLOTS:
    void init()
    {
        if (!QFile::exists(qEnvironmentVariable("ASSAY_BIN_DIR") + u"/assay"_s))
            QSKIP("the assay program is not built here (a GUI-less build)");
    }

    void aSignalAtThePromptRestoresEcho_data()
    {
        QTest::addColumn<bool>("typed");
        QTest::addColumn<int>("signal");
        QTest::newRow("Ctrl-C typed") << true << SIGINT;
        QTest::newRow("SIGTERM") << false << SIGTERM;
        QTest::newRow("SIGHUP") << false << SIGHUP;
    }
    void aSignalAtThePromptRestoresEcho()
    {
        QFETCH(bool, typed);
        QFETCH(int, signal);
        Login login;
        QVERIFY(login.start());
        QTRY_VERIFY2_WITH_TIMEOUT(login.prompted(), login.shown.constData(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!echoIsOn(login.slave), 30000);

        if (typed)
            QCOMPARE(write(login.master, "\x03", 1), ssize_t(1)); // the terminal turns it into SIGINT
        else
            QCOMPARE(kill(login.pid, signal), 0);

        QTRY_VERIFY_WITH_TIMEOUT(login.ended(), 30000);
        QVERIFY2(WIFSIGNALED(login.status), qPrintable(u"status %1"_s.arg(login.status)));
        QCOMPARE(WTERMSIG(login.status), signal);
        QVERIFY(echoIsOn(login.slave));
    }

    // The ordinary way: the token typed is not shown, and echo is back once
    // it is read (here the marketplace cannot be reached: nothing is kept).
    void aTypedTokenIsNotShown()
    {
        Login login;
        QVERIFY(login.start());
        QTRY_VERIFY2_WITH_TIMEOUT(login.prompted(), login.shown.constData(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!echoIsOn(login.slave), 30000);
        const QByteArray token = "tok-typed-at-the-prompt";
        const QByteArray typed = token + '\n';
        QCOMPARE(write(login.master, typed.constData(), size_t(typed.size())), ssize_t(typed.size()));
        QTRY_VERIFY_WITH_TIMEOUT(login.ended(), 60000);
        QVERIFY2(WIFEXITED(login.status), qPrintable(u"status %1"_s.arg(login.status)));
        QCOMPARE(WEXITSTATUS(login.status), 1);
        login.prompted(); // what is left to read
        QVERIFY2(login.shown.contains("could not check the token"), login.shown.constData());
        QVERIFY2(!login.shown.contains(token), login.shown.constData());
        QVERIFY(echoIsOn(login.slave));
    }
};

QTEST_GUILESS_MAIN(TestLoginTty)
#include "tst_login_tty.moc"
