// Cold start of the workstation at 100,000 cached submissions: from starting
// the `assay` process to its first painted queue with data, against a bare
// Qt Widgets window process started the same way (bare_window), and the
// resident memory with the queue open.
//
// Both processes are started alike (offscreen, a fresh settings folder), show
// their window, save its picture once painted with data and quit: `assay
// --profile DIR --screenshot OUT` saves the queue as soon as its first page is
// painted. The difference of the medians is Assay's own start-up cost (the
// goal: within 250 ms of the bare window). Never fails on time.
//
//     bench_startup [--runs N]

#include "bench/BenchSupport.h"
#include "bench/QueueBenchData.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>
#include <tuple>

#include <unistd.h>

using namespace assay;
using namespace assay::bench;

namespace {

// Wall time of one run of `program args`, or the reason it failed.
Result<double> timeRun(const QString &program, const QStringList &args, const QProcessEnvironment &env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return Error{QStringLiteral("%1 did not start: %2").arg(program, p.errorString())};
    if (!p.waitForFinished(120000)) {
        p.kill();
        std::ignore = p.waitForFinished(); // killed: it ends
        return Error{QStringLiteral("%1 did not end within two minutes").arg(program)};
    }
    const double ms = double(t.nsecsElapsed()) / 1e6;
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return Error{QStringLiteral("%1 failed (exit %2)").arg(program).arg(p.exitCode())};
    return ms;
}

// The largest resident set of a run: the child's VmHWM (its high-water
// mark), read every few milliseconds while it lives; the last reading before
// it exits holds the peak with the queue open.
Result<qint64> peakRssKb(const QString &program, const QStringList &args, const QProcessEnvironment &env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return Error{p.errorString()};
    // Read while the window is up: the screenshot run ends by itself.
    qint64 peak = 0;
    const QString status = QStringLiteral("/proc/%1/status").arg(p.processId());
    while (p.state() == QProcess::Running) {
        QFile f(status);
        if (f.open(QIODevice::ReadOnly)) {
            for (const QByteArray &line : f.readAll().split('\n')) {
                if (line.startsWith("VmHWM:"))
                    peak = std::max(peak, line.mid(6).trimmed().split(' ').value(0).toLongLong());
            }
        }
        std::ignore = p.waitForFinished(5); // the loop asks whether it still runs
    }
    if (peak == 0)
        return Error{QStringLiteral("no resident-memory reading of %1").arg(program)};
    return peak;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption runs(QStringLiteral("runs"), QStringLiteral("Runs of each (default 7)."), QStringLiteral("N"),
                                  QStringLiteral("7"));
    parser.addOption(runs);
    parser.addHelpOption();
    parser.process(app);
    const int n = std::max(1, parser.value(runs).toInt());

    std::fprintf(stderr, "bench_startup: the 100,000-submission cache (written once, kept in the build folder)…\n");
    const Result<QString> cache = queueBenchCache(100000);
    if (!cache) {
        std::fprintf(stderr, "bench_startup: %s\n", qUtf8Printable(cache.error().message));
        return 1;
    }
    // A profile whose cache is the bench file itself (a hard link: no copy
    // of a gigabyte, and SQLite's -wal and -shm files land beside it).
    QTemporaryDir work(QFileInfo(*cache).absolutePath() + QStringLiteral("/startup-XXXXXX"));
    const QString profile = work.filePath(QStringLiteral("profile"));
    if (!QDir().mkpath(profile)) {
        std::fprintf(stderr, "bench_startup: cannot make %s\n", qUtf8Printable(profile));
        return 1;
    }
    if (::link(QFile::encodeName(*cache).constData(), QFile::encodeName(profile + QStringLiteral("/cache.sqlite")).constData()) != 0) {
        std::fprintf(stderr, "bench_startup: cannot link the cache into a profile\n");
        return 1;
    }

    const QString bin = QCoreApplication::applicationDirPath();
    const QString assay = bin + QStringLiteral("/assay");
    const QString bare = bin + QStringLiteral("/bare_window");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!env.contains(QStringLiteral("QT_QPA_PLATFORM")))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), work.filePath(QStringLiteral("config")));
    env.remove(QStringLiteral("ASSAY_TOKEN"));
    const QString shot = work.filePath(QStringLiteral("shot.png"));
    const QStringList assayArgs{QStringLiteral("--profile"), profile, QStringLiteral("--screenshot"), shot};

    // One of each first: the page cache and the dynamic linker's warm for both.
    for (const auto &[program, args] : {std::pair{bare, QStringList{shot}}, std::pair{assay, assayArgs}}) {
        if (const Result<double> r = timeRun(program, args, env); !r) {
            std::fprintf(stderr, "bench_startup: %s\n", qUtf8Printable(r.error().message));
            return 1;
        }
    }
    QList<double> bareMs, assayMs;
    for (int i = 0; i < n; ++i) {
        const Result<double> b = timeRun(bare, {shot}, env);
        const Result<double> a = timeRun(assay, assayArgs, env);
        if (!b || !a) {
            std::fprintf(stderr, "bench_startup: %s\n", qUtf8Printable((!b ? b.error() : a.error()).message));
            return 1;
        }
        bareMs.append(*b);
        assayMs.append(*a);
    }
    const Spread bs = spreadOf(bareMs);
    const Spread as = spreadOf(assayMs);
    std::printf("start to first painted window, %d runs each:\n", n);
    std::printf("  bare Qt Widgets window (floor): %s\n", qUtf8Printable(describe(bs, 1)));
    std::printf("  assay, queue of 100,000:        %s\n", qUtf8Printable(describe(as, 1)));
    std::printf("  assay - floor: %+.1f ms (goal: within 250 ms); ratio %.2fx\n", as.median - bs.median,
                as.median / bs.median);

    const Result<qint64> rss = peakRssKb(assay, assayArgs, env);
    const Result<qint64> bareRss = peakRssKb(bare, {shot}, env);
    if (rss && bareRss)
        std::printf("peak resident memory with the queue open: %.1f MB (bare window %.1f MB; goal: at most 150 MB)\n",
                    double(*rss) / 1024, double(*bareRss) / 1024);
    else
        std::fprintf(stderr, "bench_startup: %s\n", qUtf8Printable((!rss ? rss.error() : bareRss.error()).message));
    return 0;
}
