#include "server/ParentWatch.h"

#include <QMetaObject>

#ifdef Q_OS_UNIX
#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <sys/stat.h>
#include <unistd.h>
#endif
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

using namespace Qt::StringLiterals;

namespace assay::server {

ParentWatch::ParentWatch(QObject *parent)
    : QObject(parent)
{
}

Result<> ParentWatch::start()
{
#ifdef Q_OS_UNIX
    bool watching = false;
    // Whoever started us before anything else can change: should the parent
    // die from here on, getppid() turns into a reaper's pid.
    const pid_t parentPid = ::getppid();
#ifdef Q_OS_LINUX
    if (::prctl(PR_SET_PDEATHSIG, SIGTERM) == 0) {
        watching = true;
        // The signal only comes for a death after the prctl: a parent that
        // died before it (we were adopted already) is caught here. pid 1 is
        // never the one that started a server asked to watch its parent.
        if (parentPid == 1 || ::getppid() != parentPid) {
            QMetaObject::invokeMethod(this, [this] { Q_EMIT gone(u"the parent process had already ended"_s); },
                                      Qt::QueuedConnection);
            m_reported = true;
        }
    }
#endif
    struct stat in = {};
    if (::fstat(STDIN_FILENO, &in) == 0 && (S_ISFIFO(in.st_mode) || S_ISSOCK(in.st_mode))) {
        m_input = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
        connect(m_input, &QSocketNotifier::activated, this, &ParentWatch::readInput);
        watching = true;
    }
    if (!watching)
        return Error{u"--exit-with-parent: standard input is not a pipe from the parent, and this system has no "
                     u"parent-death signal"_s};
    return {};
#else
    return Error{u"--exit-with-parent is not supported on this platform"_s};
#endif
}

void ParentWatch::readInput()
{
#ifdef Q_OS_UNIX
    char buffer[512];
    const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (n > 0 || (n < 0 && (errno == EINTR || errno == EAGAIN)))
        return; // the parent said something: nothing is expected, nothing to do
    m_input->setEnabled(false);
    if (!std::exchange(m_reported, true))
        Q_EMIT gone(n == 0 ? u"the parent closed standard input"_s : u"standard input failed: %1"_s.arg(qt_error_string(errno)));
#endif
}

} // namespace assay::server
