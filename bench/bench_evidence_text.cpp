// The text evidence view on large files: time to the first screen of a 1 MB,
// 10 MB and 100 MB log against a floor from the same run (reading the file's
// first 64 KB and drawing it as plain text in a bare widget), and the longest
// event-loop stall while jumping to the end, scrolling and searching (a
// 100 MB log and a 20 MB single line). Goals: 100 MB first screen <= 300 ms,
// no stall over 50 ms. Prints figures; never fails on time, but fails when a
// run does not complete (a floor or a view that never paints).

#include "bench/BenchSupport.h"
#include "bench/PaintWatch.h"
#include "ui/evidence/TextEvidenceArea.h"
#include "ui/evidence/TextEvidenceView.h"
#include "ui/evidence/TextHighlighter.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QFontDatabase>
#include <QPainter>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cstdio>

using namespace assay;
using namespace assay::bench;
using namespace Qt::StringLiterals;

namespace {

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

// A log of about `bytes`, lines as a service writes them; "needle" on a few.
Result<int> writeLog(const QString &path, qint64 bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Error{u"cannot write %1: %2"_s.arg(path, f.errorString())};
    static const char *levels[] = {"INFO ", "DEBUG", "WARN ", "INFO ", "ERROR", "INFO "};
    QByteArray chunk;
    int line = 0;
    qint64 written = 0;
    while (written < bytes) {
        ++line;
        chunk += "2026-11-30 01:" + QByteArray::number(10 + line % 50) + ":" + QByteArray::number(10 + line % 49)
            + "," + QByteArray::number(100 + line % 900) + " " + levels[line % 6] + " [worker-"
            + QByteArray::number(line % 12) + "] assay.sync: GET /api/v1/submissions/s_"
            + QByteArray::number(line % 10000) + " answered 200 in " + QByteArray::number(line % 97) + " ms"
            + (line % 250000 == 0 ? " needle" : "") + "\n";
        if (chunk.size() > 1 << 20) {
            if (f.write(chunk) != chunk.size())
                return Error{u"cannot write %1"_s.arg(path)};
            written += chunk.size();
            chunk.clear();
        }
    }
    if (f.write(chunk) != chunk.size())
        return Error{u"cannot write %1"_s.arg(path)};
    return line;
}

Result<> writeSingleLine(const QString &path, qint64 bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Error{u"cannot write %1"_s.arg(path)};
    QByteArray unit;
    for (int i = 0; unit.size() < 1 << 20; ++i)
        unit += "{\"id\":" + QByteArray::number(i) + ",\"name\":\"grüße\",\"ok\":true},";
    for (qint64 w = 0; w < bytes; w += unit.size())
        if (f.write(unit) != unit.size())
            return Error{u"cannot write %1"_s.arg(path)};
    return {};
}

// The floor: the file's first 64 KB decoded and the lines that fit drawn as
// plain text, monospace, in a bare widget.
class FloorWidget : public QWidget
{
public:
    QStringList lines;

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        p.fillRect(rect(), palette().base());
        p.setFont(font());
        const int lh = fontMetrics().lineSpacing();
        int y = fontMetrics().ascent();
        for (const QString &l : std::as_const(lines)) {
            if (y - lh > height())
                break;
            p.drawText(4, y, l);
            y += lh;
        }
    }
};

Result<double> floorOnce(FloorWidget &floor, const QString &path)
{
    QElapsedTimer t;
    t.start();
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{u"floor: cannot read %1"_s.arg(path)};
    const QByteArray head = f.read(64 * 1024);
    QStringDecoder decoder(QStringDecoder::Utf8);
    floor.lines = QString(decoder.decode(head)).split(u'\n');
    PaintWaiter waiter(&floor);
    floor.update();
    if (!waiter.wait(10000))
        return Error{u"floor: never painted"_s};
    return msSince(t);
}

// open() until the first screen is painted (shown() follows the paint).
Result<double> viewOnce(QWidget &window, const QString &path, const QString &name)
{
    auto *view = new TextEvidenceView(&window);
    view->resize(window.size());
    view->show();
    QSignalSpy shown(view, &TextEvidenceView::shown);
    QElapsedTimer t;
    t.start();
    view->open(path, name, u"text/plain"_s);
    if (!shown.wait(20000)) {
        delete view;
        return Error{u"the view never showed %1"_s.arg(name)};
    }
    const double ms = msSince(t);
    delete view;
    return ms;
}

// Timestamps every turn of the event loop; the longest gap is the longest
// the screen could not answer, and `phase` says what was going on.
struct StallWatch
{
    QElapsedTimer clock;
    QTimer beat;
    double last = 0;
    double longest = 0;
    QString during;
    QString phase;
    StallWatch()
    {
        clock.start();
        beat.setInterval(0);
        QObject::connect(&beat, &QTimer::timeout, [this] {
            const double now = msSince(clock);
            if (now - last > longest) {
                longest = now - last;
                during = phase;
            }
            last = now;
        });
        last = msSince(clock);
        beat.start();
    }
};

// Runs the event loop for `ms`, sending `key` every `everyMs`.
void keysFor(QWidget *target, Qt::Key key, Qt::KeyboardModifiers mods, int count, int everyMs)
{
    QEventLoop loop;
    QTimer keys;
    keys.setInterval(everyMs);
    int sent = 0;
    QObject::connect(&keys, &QTimer::timeout, [&] {
        if (sent++ == count) {
            loop.quit();
            return;
        }
        QTest::keyClick(target, key, mods);
    });
    keys.start();
    loop.exec();
}

template<typename F>
bool waitUntil(F done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

QtMessageHandler g_qtHandler = nullptr;
void quietOffscreen(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message.startsWith(u"This plugin does not support propagateSizeHints"_s))
        return;
    g_qtHandler(type, context, message);
}

} // namespace

int main(int argc, char *argv[])
{
    g_qtHandler = qInstallMessageHandler(quietOffscreen);
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM") && !qEnvironmentVariableIsSet("DISPLAY")
        && !qEnvironmentVariableIsSet("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"The text evidence view's first screen and stalls on large logs."_s);
    parser.addHelpOption();
    const QCommandLineOption runsOption(u"runs"_s, u"opens measured per size (default 7)"_s, u"N"_s, u"7"_s);
    parser.addOption(runsOption);
    parser.process(app);
    const int runs = std::max(1, parser.value(runsOption).toInt());
    auto fail = [](const Error &e) {
        std::fprintf(stderr, "bench_evidence_text: error: %s\n", qPrintable(e.message));
        return 1;
    };

    QTemporaryDir dir;
    if (!dir.isValid())
        return fail(Error{u"no temporary folder"_s});
    struct Size
    {
        const char *label;
        qint64 bytes;
        QString path;
        int lines = 0;
    };
    QList<Size> sizes{{"1 MB", 1 << 20, {}}, {"10 MB", 10 << 20, {}}, {"100 MB", 100 << 20, {}}};
    for (Size &s : sizes) {
        s.path = dir.filePath(u"log-%1.log"_s.arg(s.bytes));
        const Result<int> lines = writeLog(s.path, s.bytes);
        if (!lines)
            return fail(lines.error());
        s.lines = *lines;
    }
    const QString single = dir.filePath(u"single.json"_s);
    if (Result<> r = writeSingleLine(single, 20 << 20); !r)
        return fail(r.error());

    QWidget window;
    window.resize(1000, 700);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return fail(Error{u"the window was never exposed"_s});
    auto *floor = new FloorWidget;
    floor->setParent(&window);
    floor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    floor->resize(window.size());
    floor->show();

    std::printf("bench_evidence_text: first screen, %d opens per size (median, range)\n", runs);
    // The first open in a process loads the syntax definitions: shown apart.
    const Result<double> cold = viewOnce(window, sizes.first().path, u"cold.log"_s);
    if (!cold)
        return fail(cold.error());
    std::printf("  first open in the process (loads the definitions)  %.1f ms\n", *cold);
    for (const Size &s : std::as_const(sizes)) {
        QList<double> floorMs, viewMs;
        for (int i = 0; i < runs; ++i) {
            floor->show();
            floor->raise();
            const Result<double> f = floorOnce(*floor, s.path);
            if (!f)
                return fail(f.error());
            floorMs.append(*f);
            floor->hide();
            const Result<double> v = viewOnce(window, s.path, u"service.log"_s);
            if (!v)
                return fail(v.error());
            viewMs.append(*v);
        }
        const Spread fs = spreadOf(floorMs);
        const Spread vs = spreadOf(viewMs);
        std::printf("  %-6s log (%d lines)  view %s   floor %s   %.1fx the floor\n", s.label, s.lines,
                    qPrintable(describe(vs, 1)), qPrintable(describe(fs, 2)), vs.median / std::max(fs.median, 0.01));
    }

    // Stalls on the 100 MB log: open, jump to the end at once (while it is
    // indexed), scroll, colour, search.
    {
        const Size &big = sizes.last();
        TextEvidenceView view(&window);
        view.resize(window.size());
        view.show();
        StallWatch watch;
        watch.phase = u"open 100 MB"_s;
        QElapsedTimer t;
        t.start();
        QSignalSpy shown(&view, &TextEvidenceView::shown);
        view.open(big.path, u"service.log"_s, u"text/plain"_s);
        if (!shown.wait(20000))
            return fail(Error{u"the 100 MB log was never shown"_s});
        QWidget *area = view.textArea();
        watch.phase = u"Ctrl+End while indexing"_s;
        QTest::keyClick(area, Qt::Key_End, Qt::ControlModifier);
        if (!waitUntil([&] { return view.isIndexed(); }, 60000))
            return fail(Error{u"the 100 MB log was never indexed"_s});
        const double indexMs = msSince(t);
        watch.phase = u"Ctrl+End"_s;
        QTest::keyClick(area, Qt::Key_End, Qt::ControlModifier);
        TextEvidenceArea *a = view.area();
        const qsizetype lastRow = a->rowOfLine(view.lineCount() - 1);
        QElapsedTimer colour;
        colour.start();
        watch.phase = u"colouring the end"_s;
        if (!waitUntil([&] { return a->rowSpans(lastRow) != nullptr; }, 20000))
            return fail(Error{u"the end was never coloured"_s});
        const double colourMs = msSince(colour);
        watch.phase = u"PageUp x200 (16 ms apart)"_s;
        keysFor(area, Qt::Key_PageUp, {}, 200, 16);
        watch.phase = u"scrollbar drags"_s;
        for (int i = 0; i < 50; ++i) {
            a->verticalScrollBar()->setValue(int(qint64(a->verticalScrollBar()->maximum()) * ((i * 37) % 50) / 50));
            QTest::qWait(16);
        }
        watch.phase = u"search"_s;
        QElapsedTimer search;
        search.start();
        a->find(u"NEEDLE"_s);
        keysFor(area, Qt::Key_PageDown, {}, 10, 16);
        if (!waitUntil([&] { return !a->search()->isRunning(); }, 60000))
            return fail(Error{u"the search never finished"_s});
        const double searchMs = msSince(search);
        const qsizetype hits = a->search()->hits().size();
        watch.phase = u"F3 through the hits"_s;
        keysFor(area, Qt::Key_F3, {}, 20, 16);
        const qsizetype progress = a->highlighter()->progress();
        const double elapsed = msSince(t);
        std::printf("100 MB log (%d lines): indexed in %.0f ms; the end coloured %.1f ms after Ctrl+End; "
                    "search over the file %.0f ms (%lld hits); exact colouring reached row %lld in %.1f s "
                    "(%.0f rows/s in the background)\n",
                    big.lines, indexMs, colourMs, searchMs, qlonglong(hits), qlonglong(progress), elapsed / 1000,
                    double(progress) / (elapsed / 1000));
        std::printf("  longest event-loop stall  %.1f ms (during %s)\n", watch.longest, qPrintable(watch.during));
    }

    // Stalls on a 20 MB single line: segments, not one layout.
    {
        TextEvidenceView view(&window);
        view.resize(window.size());
        view.show();
        StallWatch watch;
        watch.phase = u"open a 20 MB single line"_s;
        QElapsedTimer t;
        t.start();
        QSignalSpy shown(&view, &TextEvidenceView::shown);
        view.open(single, u"single.json"_s, u"application/json"_s);
        if (!shown.wait(20000))
            return fail(Error{u"the single line was never shown"_s});
        const double shownMs = msSince(t);
        QWidget *area = view.textArea();
        if (!waitUntil([&] { return view.isIndexed(); }, 60000))
            return fail(Error{u"the single line was never indexed"_s});
        watch.phase = u"Ctrl+End"_s;
        QTest::keyClick(area, Qt::Key_End, Qt::ControlModifier);
        watch.phase = u"PageUp x100"_s;
        keysFor(area, Qt::Key_PageUp, {}, 100, 16);
        watch.phase = u"wrap on, PageDown x100"_s;
        view.setWrap(true);
        keysFor(area, Qt::Key_PageDown, {}, 100, 16);
        watch.phase = u"search"_s;
        view.area()->find(u"grüße"_s);
        if (!waitUntil([&] { return !view.area()->search()->isRunning(); }, 60000))
            return fail(Error{u"the search never finished"_s});
        std::printf("20 MB single line: shown in %.1f ms, %lld hits for a word; longest event-loop stall %.1f ms "
                    "(during %s)\n",
                    shownMs, qlonglong(view.area()->search()->hits().size()), watch.longest, qPrintable(watch.during));
    }
    return 0;
}
