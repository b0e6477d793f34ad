// `assay --demo` runs assay-marketplace as a child process: the real assay
// binary, offscreen, in a HOME, XDG folders and TMPDIR of the test's own.
// The child answers on its port, is assay's child, and is gone within
// seconds of assay being killed with SIGKILL; --demo-user lead signs in as
// the lead (the sync's GET /me with the token assay picked says who).

#include "models/Cache.h"
#include "models/UserDirectory.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>

using namespace assay;
using namespace Qt::StringLiterals;

namespace {
// A cold start seeds 200 submissions (seconds; many more on a busy machine).
constexpr int StartMs = 240000;
// How soon the child must follow a killed assay.
constexpr int GoneMs = 5000;

QString bin(const QString &name)
{
    return qEnvironmentVariable("ASSAY_BIN_DIR") + u'/' + name;
}

// The process's state letter and parent from /proc; empty when there is no
// such process. A zombie ('Z') has ended; only its exit status is left.
std::pair<QChar, qint64> procStat(qint64 pid)
{
    QFile f(u"/proc/%1/stat"_s.arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return {QChar(), 0};
    // "pid (comm) S ppid ...": comm may hold spaces and parentheses.
    const QByteArray stat = f.readAll();
    const QList<QByteArray> rest = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (rest.size() < 2)
        return {QChar(), 0};
    return {QChar::fromLatin1(rest.at(0).at(0)), rest.at(1).toLongLong()};
}

bool running(qint64 pid)
{
    const QChar state = procStat(pid).first;
    return !state.isNull() && state != u'Z';
}

// Whether an HTTP server answers on the port: the API without a token is 401.
QByteArray statusLine(const QUrl &url)
{
    QTcpSocket socket;
    socket.connectToHost(url.host(), quint16(url.port()));
    if (!socket.waitForConnected(5000))
        return socket.errorString().toUtf8();
    socket.write("GET /api/v1/me HTTP/1.1\r\nHost: " + url.authority().toUtf8() + "\r\nConnection: close\r\n\r\n");
    QDeadlineTimer deadline(10000);
    while (!socket.canReadLine() && !deadline.hasExpired() && socket.waitForReadyRead(int(deadline.remainingTime()))) {
    }
    return socket.readLine().trimmed();
}
} // namespace

class TestDemoChild : public QObject
{
    Q_OBJECT

private:
    // Kept across the test functions: the first start seeds and keeps the
    // seeded store there (--seed-cache), the next ones start from it.
    QTemporaryDir m_cache;

    struct Demo
    {
        QTemporaryDir root;
        QProcess assay;
        QByteArray err;

        QString pidFile() const { return root.filePath(u"child.pid"_s); }
        qint64 childPid() const
        {
            QFile f(pidFile());
            return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed().toLongLong() : 0;
        }
        // "assay: demo marketplace at URL; signed in as ID (ROLES)"
        QRegularExpressionMatch signedIn()
        {
            err += assay.readAllStandardError();
            static const QRegularExpression line(u"demo marketplace at (\\S+); signed in as (\\S+) \\(([^)]*)\\)"_s);
            return line.match(QString::fromUtf8(err));
        }
    };

    void start(Demo &demo, const QStringList &args)
    {
        QVERIFY(demo.root.isValid());
        for (const QString &dir : {u"home"_s, u"tmp"_s})
            QVERIFY(QDir(demo.root.path()).mkpath(dir));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        const QString home = demo.root.filePath(u"home"_s);
        env.insert(u"HOME"_s, home);
        env.insert(u"XDG_CONFIG_HOME"_s, home + u"/.config"_s);
        env.insert(u"XDG_DATA_HOME"_s, home + u"/.local/share"_s);
        env.insert(u"XDG_STATE_HOME"_s, home + u"/.local/state"_s);
        env.insert(u"XDG_CACHE_HOME"_s, m_cache.path());
        env.insert(u"TMPDIR"_s, demo.root.filePath(u"tmp"_s));
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"QTWEBENGINE_DISABLE_SANDBOX"_s, u"1"_s);
        env.insert(u"ASSAY_DEMO_PID_FILE"_s, demo.pidFile());
        demo.assay.setProcessEnvironment(env);
        demo.assay.setWorkingDirectory(demo.root.path());
        demo.assay.start(bin(u"assay"_s), QStringList{u"--demo"_s} + args);
        QVERIFY2(demo.assay.waitForStarted(), qPrintable(demo.assay.errorString()));
    }

    // Ends assay (SIGKILL) and waits until its child is gone too.
    static void end(Demo &demo, qint64 child)
    {
        if (demo.assay.state() != QProcess::NotRunning) {
            demo.assay.kill();
            QVERIFY(demo.assay.waitForFinished(GoneMs));
        }
        if (child > 0)
            QTRY_VERIFY_WITH_TIMEOUT(!running(child), GoneMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_cache.isValid());
        QVERIFY2(QFile::exists(bin(u"assay"_s)), "assay must be built");
        QVERIFY2(QFile::exists(bin(u"assay-marketplace"_s)), "assay-marketplace must be built beside assay");
    }

    // The parent-watch on its own: a server whose standard input (a pipe
    // from its parent) closes ends, cleanly, with no signal.
    void serverEndsWhenItsInputCloses()
    {
        QProcess server;
        server.start(bin(u"assay-marketplace"_s), {u"--listen"_s, u"127.0.0.1:0"_s, u"--quiet"_s, u"--exit-with-parent"_s});
        QVERIFY(server.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(server.canReadLine(), 30000);
        QVERIFY(server.readLine().startsWith("listening on http://127.0.0.1:"));
        QCOMPARE(server.state(), QProcess::Running);
        server.closeWriteChannel();
        QTRY_COMPARE_WITH_TIMEOUT(server.state(), QProcess::NotRunning, GoneMs);
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.exitCode(), 0);
        QVERIFY2(server.readAllStandardError().contains("the parent closed standard input"), "it says why it stopped");
    }

    void childIsGoneAfterTheWindowIsKilled()
    {
        Demo demo;
        start(demo, {});
        QTRY_VERIFY_WITH_TIMEOUT(demo.childPid() > 0, 30000);
        const qint64 child = demo.childPid();
        // Is assay's own child, and up: its port answers as the marketplace.
        QCOMPARE(procStat(child).second, demo.assay.processId());
        QTRY_VERIFY2_WITH_TIMEOUT(demo.signedIn().hasMatch(), qPrintable(QString::fromUtf8(demo.err)), StartMs);
        const QUrl url(demo.signedIn().captured(1));
        QCOMPARE(url.host(), u"127.0.0.1"_s);
        QCOMPARE(demo.signedIn().captured(2), u"u_alice"_s); // a reviewer by default
        QCOMPARE(statusLine(url), QByteArray("HTTP/1.1 401 Unauthorized"));

        QVERIFY(::kill(pid_t(demo.assay.processId()), SIGKILL) == 0);
        QVERIFY(demo.assay.waitForFinished(GoneMs));
        QCOMPARE(demo.assay.exitStatus(), QProcess::CrashExit);
        QTRY_VERIFY_WITH_TIMEOUT(!running(child), GoneMs);
        // And nobody answers on its port any more.
        QVERIFY(!statusLine(url).startsWith("HTTP/"));
    }

    void demoUserLeadSignsInAsTheLead()
    {
        Demo demo;
        start(demo, {u"--demo-user"_s, u"lead"_s});
        QTRY_VERIFY2_WITH_TIMEOUT(demo.signedIn().hasMatch(), qPrintable(QString::fromUtf8(demo.err)), StartMs);
        QCOMPARE(demo.signedIn().captured(2), u"u_carol"_s);
        QCOMPARE(demo.signedIn().captured(3), u"lead"_s);
        // What assay claims, checked against the server: the sync asked
        // GET /me with the token assay picked, and stored the answer in the
        // lead's demo profile.
        QString cachePath;
        auto findCache = [&] {
            QDirIterator it(demo.root.filePath(u"tmp"_s), {u"cache.sqlite"_s}, QDir::Files, QDirIterator::Subdirectories);
            cachePath = it.hasNext() ? it.next() : QString();
            return !cachePath.isEmpty();
        };
        QTRY_VERIFY_WITH_TIMEOUT(findCache(), StartMs);
        QVERIFY2(cachePath.endsWith(u"/lead/cache.sqlite"_s), qPrintable(cachePath));
        Cache cache;
        QCOMPARE(cache.open(cachePath).errorString(), QString());
        auto me = [&cache]() -> QString {
            const Result<std::optional<UserDirectory::User>> m = cache.users().me();
            return m && *m ? (*m)->id + u' ' + (*m)->roles.join(u',') : QString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(me(), u"u_carol lead"_s, StartMs);
        cache.close();
        end(demo, demo.childPid());
    }

    void anUnknownDemoUserIsRefused()
    {
        Demo demo;
        start(demo, {u"--demo-user"_s, u"admin"_s});
        QVERIFY(demo.assay.waitForFinished(30000));
        QCOMPARE(demo.assay.exitCode(), 1);
        QVERIFY(demo.assay.readAllStandardError().contains("--demo-user takes reviewer, lead or security"));
        QVERIFY(!QFile::exists(demo.pidFile()));
    }
};

QTEST_GUILESS_MAIN(TestDemoChild)
#include "tst_demo_child.moc"
