#pragma once

#include "domain/Result.h"

#include <QObject>

class QSocketNotifier;

namespace assay::server {

// `--exit-with-parent`: the server ends when the process that started it
// does — also when that one is killed with SIGKILL and runs no code on its
// way out (the demo's window). Two ways, either one enough:
//
//   - on Linux the kernel sends SIGTERM when the parent dies
//     (PR_SET_PDEATHSIG), which the server's own handler turns into a clean
//     quit; a parent already gone before that was set is noticed at once;
//   - everywhere on Unix: standard input is a pipe from the parent, and its
//     end of file (the parent's end closed, as the kernel does for a dead
//     process) quits too. What arrives on it is read and dropped.
class ParentWatch : public QObject
{
    Q_OBJECT

public:
    explicit ParentWatch(QObject *parent = nullptr);

    // Starts watching; gone() is emitted once, from the event loop, when the
    // parent is. Fails when there is nothing to watch: standard input is not
    // a pipe or socket and the platform has no parent-death signal.
    Result<> start();

Q_SIGNALS:
    void gone(const QString &why);

private:
    void readInput();

    QSocketNotifier *m_input = nullptr;
    bool m_reported = false;
};

} // namespace assay::server
