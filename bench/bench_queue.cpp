// The queue at scale: a cache of 100,000 submissions (written once by
// QueueBenchData and kept in the build folder), opened in the lazy
// QueueModel under a QTableView (offscreen when there is no display).
//
// Measured, each against a floor from the same run:
// - the first page: QueueModel's reload against the same rows read by a
//   bare QSqlQuery on the same connection;
// - every saved view's switch (setFilter: the first page): its time against
//   QueueQuery's page alone (the SQL the model cannot avoid), and
//   the longest event-loop stall while switching with the table shown;
// - scrolling the whole queue top to bottom (the view fetching page after
//   page): the longest event-loop stall;
// - resident memory with the queue open, and after scrolling it all.
// Figures only; never pass/fail on time.

#include "bench/BenchSupport.h"
#include "bench/QueueBenchData.h"
#include "domain/SubmissionRow.h"
#include "models/Cache.h"
#include "models/CacheConnection.h"
#include "models/QueueModel.h"
#include "models/QueueQuery.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QScrollBar>
#include <QSqlQuery>
#include <QTableView>
#include <QTimer>

#include <cstdio>
#include <ctime>

using namespace Qt::StringLiterals;
using namespace assay;
using namespace assay::bench;

namespace {

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

// This thread's CPU time in ms: on a shared machine the wall clock also
// counts the time other processes had the CPU.
double cpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// Resident memory of this process, in MB (Linux).
double residentMb()
{
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

// The longest gap between two turns of the event loop while it runs: how
// long the window could not answer.
class StallWatch
{
public:
    StallWatch()
    {
        m_beat.setInterval(0);
        QObject::connect(&m_beat, &QTimer::timeout, [this] {
            const double now = msSince(m_clock);
            const double cpu = cpuMs();
            m_longestCpu = std::max(m_longestCpu, cpu - m_lastCpu);
            m_lastCpu = cpu;
            m_longest = std::max(m_longest, now - m_last);
            m_gaps.append(now - m_last);
            m_last = now;
        });
    }
    void start()
    {
        m_clock.start();
        m_last = 0;
        m_longest = 0;
        m_longestCpu = 0;
        m_lastCpu = cpuMs();
        m_gaps.clear();
        m_beat.start();
    }
    double stop()
    {
        m_beat.stop();
        return m_longest;
    }
    // The most CPU time this thread spent in one gap: the stall's own work.
    double longestCpu() const { return m_longestCpu; }
    // Gaps over 50 ms, and the 99th percentile of all gaps.
    int over50() const { return int(std::count_if(m_gaps.cbegin(), m_gaps.cend(), [](double g) { return g > 50; })); }
    double p99() const
    {
        QList<double> g = m_gaps;
        if (g.isEmpty())
            return 0;
        std::sort(g.begin(), g.end());
        return g.at(qsizetype(double(g.size() - 1) * 0.99));
    }

private:
    QTimer m_beat;
    QElapsedTimer m_clock;
    double m_last = 0;
    double m_longest = 0;
    double m_lastCpu = 0;
    double m_longestCpu = 0;
    QList<double> m_gaps;
};

// Runs `step` on every turn of a timer until it returns false; the loop
// paints in between, as it would for a user.
void drive(int intervalMs, const std::function<bool()> &step)
{
    QEventLoop loop;
    QTimer t;
    t.setInterval(intervalMs);
    QObject::connect(&t, &QTimer::timeout, [&] {
        if (!step())
            loop.quit();
    });
    t.start();
    loop.exec();
}

void settle()
{
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
}

} // namespace

int main(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM") && !qEnvironmentVariableIsSet("DISPLAY")
        && !qEnvironmentVariableIsSet("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"The queue's model at scale: first page, switching saved views, scrolling "
                                     "top to bottom in a QTableView, resident memory."_s);
    parser.addHelpOption();
    const QCommandLineOption countOption(u"count"_s, u"submissions in the cache (default 100000)"_s, u"N"_s, u"100000"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"repetitions of each measurement (default 7)"_s, u"N"_s, u"7"_s);
    parser.addOptions({countOption, runsOption});
    parser.process(app);
    const int count = parser.value(countOption).toInt();
    const int runs = parser.value(runsOption).toInt();
    if (count < 1000 || runs < 1) {
        std::fprintf(stderr, "bench_queue: bad arguments (see --help)\n");
        return 2;
    }
    auto fail = [](const Error &e) {
        std::fprintf(stderr, "bench_queue: error: %s\n", qPrintable(e.message));
        return 1;
    };

    QElapsedTimer clock;
    clock.start();
    const Result<QString> path = queueBenchCache(count);
    if (!path)
        return fail(path.error());
    const double prepared = msSince(clock);
    const double rssStart = residentMb();
    std::printf("queue at %d submissions: %s (ready in %.0f ms)\n", count, qPrintable(*path), prepared);

    Cache cache;
    clock.restart();
    if (Result<> opened = cache.open(*path); !opened)
        return fail(opened.error());
    const double openMs = msSince(clock);

    QueueContext context;
    context.me = u"u_alice"_s;
    context.roles = {u"reviewer"_s};
    context.now = queueBenchNow();

    // The first page: the model's reload, against the same rows read bare.
    clock.restart();
    QueueModel model(&cache);
    model.setContext(context);
    const double firstPage = msSince(clock);
    QList<double> reloads, reloadCpu, bare;
    for (int i = 0; i < runs; ++i) {
        clock.restart();
        const double cpu = cpuMs();
        model.reload();
        reloads.append(msSince(clock));
        reloadCpu.append(cpuMs() - cpu);
        clock.restart();
        QSqlQuery q(cache.connection().database());
        q.setForwardOnly(true);
        if (!q.exec(u"SELECT %1, kind FROM submissions ORDER BY submitted_at DESC LIMIT %2"_s.arg(SubmissionRow::columns())
                        .arg(QueueModel::FirstPageSize)))
            return fail(Error{u"the bare first page failed"_s});
        int rows = 0;
        while (q.next()) {
            for (int c = 0; c <= SubmissionRow::ColumnCount; ++c)
                std::ignore = q.value(c); // read, as the model reads them
            ++rows;
        }
        bare.append(msSince(clock));
        if (rows != QueueModel::FirstPageSize)
            return fail(Error{u"the bare first page read %1 rows"_s.arg(rows)});
    }
    const Spread reload = spreadOf(reloads), floor = spreadOf(bare);
    std::printf("\nfirst page (%d rows of %d):\n", model.rowCount(), model.totalCount());
    std::printf("  cache open               %.1f ms\n", openMs);
    std::printf("  model's first page       %.1f ms (cold, with the model made)\n", firstPage);
    std::printf("  reload (the first page) %s (CPU %.2f ms)\n", qPrintable(describe(reload, 2)), spreadOf(reloadCpu).median);
    std::printf("  floor: the same %d rows  %s\n", QueueModel::FirstPageSize, qPrintable(describe(floor, 2)));
    std::printf("  ratio                    %.1fx\n", reload.median / std::max(0.001, floor.median));
    QList<double> countRuns, countCpu;
    for (int i = 0; i < runs; ++i) {
        clock.restart();
        const double cpu = cpuMs();
        const Result<QHash<SavedView, int>> counts = model.viewCounts();
        countRuns.append(msSince(clock));
        countCpu.append(cpuMs() - cpu);
        if (!counts)
            return fail(counts.error());
        if (i == 0) {
            QStringList parts;
            for (SavedView v : allSavedViews())
                parts.append(u"%1 %2"_s.arg(savedViewKey(v)).arg(counts->value(v)));
            std::printf("  view counts              %s\n", qPrintable(parts.join(u", "_s)));
        }
    }
    std::printf("  every view's count       %s (CPU %.2f ms)\n", qPrintable(describe(spreadOf(countRuns), 2)),
                spreadOf(countCpu).median);
    const double rssOpen = residentMb();

    // The table, shown.
    QTableView view;
    view.setModel(&model);
    view.horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    view.resize(1400, 900);
    view.show();
    settle();

    // Switching every saved view, `runs` times round, with the table shown.
    QHash<SavedView, QList<double>> switches, switchCpu, sqlFloor;
    const QList<SavedView> views = allSavedViews();
    QueueQuery query(cache.connection());
    StallWatch watch;
    QString error;
    int at = 0;
    watch.start();
    drive(5, [&] {
        if (at == runs * views.size())
            return false;
        const SavedView v = views.at(at % views.size());
        QueueFilter f;
        f.view = v;
        QElapsedTimer t;
        t.start();
        const double cpu = cpuMs();
        model.setFilter(f);
        switches[v].append(msSince(t));
        switchCpu[v].append(cpuMs() - cpu);
        ++at;
        return true;
    });
    const double switchStall = watch.stop();
    for (int i = 0; i < runs; ++i) {
        for (SavedView v : views) {
            QueueFilter f;
            f.view = v;
            QElapsedTimer t;
            t.start();
            const Result<QList<QueueQuery::Row>> page = query.page(f, context, {}, std::nullopt, QueueModel::FirstPageSize);
            sqlFloor[v].append(msSince(t));
            if (!page)
                return fail(page.error());
        }
    }
    std::printf("\nswitching saved views (%d times round, table shown):\n", runs);
    for (SavedView v : views) {
        QueueFilter f;
        f.view = v;
        std::printf("  %-24s %s (CPU %.2f ms); SQL alone %s\n", qPrintable(savedViewKey(v)),
                    qPrintable(describe(spreadOf(switches.value(v)), 2)), spreadOf(switchCpu.value(v)).median,
                    qPrintable(describe(spreadOf(sqlFloor.value(v)), 2)));
    }
    std::printf("  longest event-loop stall %.1f ms (p99 of turns %.1f ms, %d over 50 ms; most CPU in one turn %.1f ms)\n",
                switchStall, watch.p99(), watch.over50(), watch.longestCpu());

    // Scrolling the whole queue, top to bottom: the view fetches a page
    // whenever it reaches the end.
    QueueFilter everything;
    everything.view = SavedView::All;
    model.setFilter(everything);
    settle();
    QScrollBar *bar = view.verticalScrollBar();
    QList<double> steps, stepCpu;
    int fetches = 0;
    watch.start();
    clock.restart();
    drive(1, [&] {
        if (!model.canFetchMore({}) && bar->value() == bar->maximum())
            return false;
        if (fetches > 10 * count / QueueModel::PageSize) {
            error = u"scrolling did not reach the end"_s;
            return false;
        }
        QElapsedTimer t;
        t.start();
        const double cpu = cpuMs();
        bar->setValue(bar->maximum());
        steps.append(msSince(t));
        stepCpu.append(cpuMs() - cpu);
        ++fetches;
        return true;
    });
    const double scrollTotal = msSince(clock);
    const double scrollStall = watch.stop();
    if (!error.isEmpty())
        return fail(Error{error});
    std::printf("\nscrolling top to bottom (%d rows, %d steps to the end):\n", model.rowCount(), fetches);
    std::printf("  per step (scroll + fetch) %s\n", qPrintable(describe(spreadOf(steps), 2, "ms", "steps")));
    std::printf("  per step, CPU            %s\n", qPrintable(describe(spreadOf(stepCpu), 2, "ms", "steps")));
    std::printf("  longest event-loop stall %.1f ms (p99 of turns %.1f ms, %d over 50 ms; most CPU in one turn %.1f ms)\n",
                scrollStall, watch.p99(), watch.over50(), watch.longestCpu());
    std::printf("  total                    %.0f ms\n", scrollTotal);

    std::printf("\nresident memory:\n");
    std::printf("  before the cache         %.0f MB\n", rssStart);
    std::printf("  queue open (first page)  %.0f MB\n", rssOpen);
    std::printf("  after scrolling it all   %.0f MB (%d rows loaded)\n", residentMb(), model.rowCount());
    return 0;
}
