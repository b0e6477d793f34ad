#include "app/DemoMarketplace.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTimeZone>

#include <tuple>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace assay {

namespace {
// The child's own messages at debug level: off unless asked for.
Q_LOGGING_CATEGORY(lcDemo, "assay.demo", QtInfoMsg)

// A line longer than this is not one the server writes.
constexpr qint64 MaxLine = 64 * 1024;
// After the last token line, how long a missing role may still arrive
// (the lines come in one write; a split one is followed at once).
constexpr std::chrono::milliseconds RoleGrace = std::chrono::seconds(2);

QString shown(const QByteArray &line)
{
    if (line.startsWith("token"))
        return u"token …"_s; // never a token in a message
    QString text = QString::fromUtf8(line.left(120)).trimmed();
    for (QChar &c : text) {
        if (!c.isPrint())
            c = u'?';
    }
    return line.size() > 120 ? text + u'…' : text;
}
} // namespace

DemoMarketplace::DemoMarketplace(QObject *parent)
    : DemoMarketplace(Options{}, parent)
{
}

DemoMarketplace::DemoMarketplace(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        if (m_sawListening)
            fail(tr("assay-marketplace lists no demo user with the role “%1”").arg(m_role));
        else
            fail(tr("assay-marketplace did not say where it listens within %Ln second(s)", nullptr,
                    int(std::chrono::duration_cast<std::chrono::seconds>(m_options.startTimeout).count())));
    });
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &DemoMarketplace::readOutput);
    connect(&m_process, &QProcess::readyReadStandardError, this, &DemoMarketplace::readErrors);
    connect(&m_process, &QProcess::finished, this, &DemoMarketplace::onFinished);
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            fail(tr("cannot start %1: %2").arg(m_process.program(), m_process.errorString()));
    });
    connect(&m_process, &QProcess::started, this, [this] {
        // The test seam of tst_demo_child: where the child's pid is written.
        const QString pidFile = qEnvironmentVariable("ASSAY_DEMO_PID_FILE");
        if (pidFile.isEmpty())
            return;
        QFile f(pidFile);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(QByteArray::number(m_process.processId())) < 0)
            qCWarning(lcDemo) << "cannot write ASSAY_DEMO_PID_FILE:" << f.errorString();
    });
}

DemoMarketplace::~DemoMarketplace()
{
    stop();
}

QString DemoMarketplace::defaultProgram()
{
    QString name = u"assay-marketplace"_s;
#ifdef Q_OS_WIN
    name += u".exe"_s;
#endif
    return QDir(QCoreApplication::applicationDirPath()).filePath(name);
}

Result<QString> DemoMarketplace::findProgram(const QString &program)
{
    QString path = program.isEmpty() ? defaultProgram() : program;
    if (QFileInfo(path).isExecutable())
        return path;
    return Error{tr("the demo needs the reference server, assay-marketplace, beside assay, and there is none at %1: "
                    "install the package assay-marketplace (sudo apt install assay-marketplace), or in a build "
                    "folder build it (./dev build assay-marketplace)")
                     .arg(QDir::toNativeSeparators(path))};
}

QString DemoMarketplace::seedAnchor(const QDateTime &now)
{
    const QDateTime utc = now.toUTC();
    return QDateTime(utc.date(), QTime(0, 0), QTimeZone::UTC).toString(Qt::ISODate);
}

QString DemoMarketplace::defaultSeedCache()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) + u"/assay-marketplace/seeded"_s;
}

QStringList DemoMarketplace::roles()
{
    return {u"reviewer"_s, u"lead"_s, u"security"_s};
}

void DemoMarketplace::start()
{
    const Result<QString> found = findProgram(m_options.program);
    if (!found) {
        // Said from the event loop, like every other outcome of start().
        QMetaObject::invokeMethod(this, [this, error = found.error().message] { fail(error); }, Qt::QueuedConnection);
        return;
    }
    const QString &program = *found;
    QStringList args{u"--listen"_s, u"127.0.0.1:0"_s, u"--seed"_s, QString::number(m_options.submissions),
                     u"--print-tokens"_s, u"--quiet"_s, u"--exit-with-parent"_s,
                     // The seeded story ends today, not on its fixed date in
                     // 2026: the queue's ages and SLA states are read against
                     // the real clock. The day, not the moment: one seeded
                     // template a day, so only a day's first demo seeds again
                     // from the kept evidence (2.5 s, where a kept template
                     // starts in 0.2 s); a day's drift is within what the
                     // queue shows in whole days.
                     u"--seed-anchor"_s, seedAnchor(QDateTime::currentDateTimeUtc())};
    // No --db: the child's own scratch store, which the child removes when
    // it ends — also after this process was killed.
    const QString seedCache = m_options.seedCache.isEmpty() ? defaultSeedCache() : m_options.seedCache;
    if (seedCache != u"-"_s)
        args += {u"--seed-cache"_s, seedCache};
    m_process.setProgram(program);
    m_process.setArguments(args);
#ifdef Q_OS_LINUX
    // Between fork and exec, in the child (async-signal-safe calls only):
    // SIGTERM when this process dies, and if it already has, no server.
    const pid_t parent = ::getpid();
    m_process.setChildProcessModifier([parent] {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parent)
            ::_exit(127);
    });
#endif
    m_sawListening = m_ready = m_failed = m_stopping = false;
    m_users.clear();
    m_errors.clear();
    m_timeout.start(m_options.startTimeout);
    // Standard input stays an open pipe from here: its end of file is how
    // the child learns this process is gone.
    m_process.start(QIODevice::ReadWrite);
}

void DemoMarketplace::stop()
{
    m_timeout.stop();
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_stopping = true;
    m_process.closeWriteChannel();
    m_process.terminate();
    if (!m_process.waitForFinished(3000)) {
        qCWarning(lcDemo) << "the demo marketplace did not end within 3 s of SIGTERM; killing it";
        m_process.kill();
        std::ignore = m_process.waitForFinished(1000); // SIGKILL cannot be refused
    }
}

std::optional<DemoMarketplace::User> DemoMarketplace::userFor(const QString &role) const
{
    std::optional<User> among;
    for (const User &u : m_users) {
        if (u.roles == QStringList{role})
            return u;
        if (!among && u.roles.contains(role))
            among = u;
    }
    return among;
}

qint64 DemoMarketplace::processId() const
{
    return m_process.state() == QProcess::NotRunning ? 0 : m_process.processId();
}

void DemoMarketplace::readOutput()
{
    while (!m_failed && m_process.canReadLine()) {
        const QByteArray line = m_process.readLine().trimmed();
        if (!m_sawListening) {
            const QByteArray prefix = "listening on ";
            const QUrl url(QString::fromUtf8(line.mid(prefix.size())), QUrl::StrictMode);
            const QHostAddress host(url.host());
            if (!line.startsWith(prefix) || url.scheme() != u"http"_s || !host.isLoopback() || url.port() <= 0) {
                fail(tr("assay-marketplace said “%1” where “listening on http://127.0.0.1:PORT” was expected").arg(shown(line)));
                return;
            }
            m_url = url;
            m_sawListening = true;
            continue;
        }
        const QList<QByteArray> parts = line.split(' ');
        if (parts.size() != 4 || parts.at(0) != "token" || parts.at(1).isEmpty() || parts.at(3).isEmpty()) {
            if (!m_ready) {
                // Never the line itself: it may hold a token.
                fail(tr("assay-marketplace wrote a line that is not “token USER ROLES TOKEN” after its listening line"));
                return;
            }
            continue;
        }
        m_users.append(User{QString::fromUtf8(parts.at(1)), QString::fromUtf8(parts.at(2)).split(u',', Qt::SkipEmptyParts),
                            QString::fromUtf8(parts.at(3))});
    }
    if (m_failed)
        return;
    if (!m_ready && m_process.bytesAvailable() > MaxLine) {
        fail(tr("assay-marketplace wrote a line of more than %1 bytes").arg(MaxLine));
        return;
    }
    if (m_ready || !m_sawListening || m_users.isEmpty())
        return;
    if (const std::optional<User> user = userFor(m_role)) {
        m_ready = true;
        m_timeout.stop();
        qCInfo(lcDemo).noquote() << "demo marketplace at" << m_url.toString() << "signed in as" << user->id;
        Q_EMIT signedIn(*user);
        Q_EMIT ready(m_url, user->token);
    } else {
        m_timeout.start(RoleGrace);
    }
}

void DemoMarketplace::readErrors()
{
    const QByteArray chunk = m_process.readAllStandardError();
    for (const QByteArray &line : chunk.split('\n')) {
        if (!line.trimmed().isEmpty())
            qCDebug(lcDemo).noquote() << "assay-marketplace:" << QString::fromUtf8(line);
    }
    // The end of it, for the message should the child fail.
    m_errors += chunk;
    m_errors = m_errors.right(8 * 1024);
}

QString DemoMarketplace::errorTail() const
{
    QStringList lines;
    for (const QByteArray &line : m_errors.split('\n')) {
        if (!line.trimmed().isEmpty())
            lines.append(QString::fromUtf8(line.trimmed()));
    }
    lines = lines.mid(std::max<qsizetype>(0, lines.size() - 3));
    return lines.isEmpty() ? QString() : u": "_s + lines.join(u" / "_s);
}

void DemoMarketplace::onFinished(int exitCode, QProcess::ExitStatus status)
{
    readErrors();
    if (m_stopping)
        return;
    const QString how = status == QProcess::CrashExit ? tr("crashed") : tr("ended with exit code %1").arg(exitCode);
    if (!m_ready)
        fail(tr("assay-marketplace %1 before it was ready%2").arg(how, errorTail()));
    else
        fail(tr("the demo marketplace %1%2").arg(how, errorTail()));
}

void DemoMarketplace::fail(const QString &error)
{
    if (std::exchange(m_failed, true))
        return;
    m_timeout.stop();
    qCWarning(lcDemo).noquote() << error;
    // A child that said nothing sensible is of no use: it is ended.
    if (!m_ready && m_process.state() != QProcess::NotRunning) {
        m_stopping = true;
        m_process.kill();
    }
    Q_EMIT failed(error);
}

} // namespace assay
