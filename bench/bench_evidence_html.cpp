// The first HTML evidence item shown, against a floor from the same run: a
// bare window shown and painted. The WebEngine profile (and with it Chromium)
// is made lazily on that first item, so its start is part of the figure; a
// second and third item, with the engine running, show what each later
// item costs. The report is generated: a scan report of a few hundred rows,
// an inline style sheet and an embedded picture, about 100 KB.
//
// Figures, never a verdict on time; an item that fails or is never shown
// fails the run.
//
// Usage: bench_evidence_html [--rows N]

#include "bench/PaintWatch.h"
#include "ui/evidence/EvidenceScheme.h"
#include "ui/evidence/EvidenceWebPage.h"
#include "ui/evidence/EvidenceWebProfile.h"
#include "ui/evidence/HtmlEvidenceView.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>
#include <QWidget>

#include <cstdio>

using namespace assay;
using namespace assay::bench;
using namespace Qt::StringLiterals;

namespace {

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

QByteArray report(int rows)
{
    QByteArray html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Scan report</title>"
                      "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
                      "td,th{border:1px solid #888;padding:2px 6px}.low{background:#efe}</style></head><body>"
                      "<h1>Scan report</h1><p><img alt=\"logo\" width=\"16\" height=\"16\" src=\"data:image/png;base64,"
                      "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGPQ6w6HIwbiOAC3sxEBvcZG2wAAAABJRU5ErkJggg==\">"
                      " 0 critical, 0 high.</p><table><tr><th>#</th><th>Severity</th><th>Finding</th><th>Where</th></tr>";
    for (int i = 0; i < rows; ++i)
        html += "<tr class=\"low\"><td>" + QByteArray::number(i + 1)
            + "</td><td>Low</td><td>Informational header disclosed by the server</td>"
              "<td>https://app.example.com/api/v1/resource/"
            + QByteArray::number(i * 7919 % 100000) + "</td></tr>";
    html += "</table></body></html>";
    return html;
}

struct Shown
{
    double loaded = -1;  // loadFinished
    double shown = -1;   // shown(): loaded and painted
    QString failure;
};

// Opens path in view and runs the event loop until shown() or failed().
Shown openAndTime(HtmlEvidenceView &view, const QString &path)
{
    Shown result;
    QElapsedTimer clock;
    QEventLoop loop;
    QMetaObject::Connection onShown = QObject::connect(&view, &HtmlEvidenceView::shown, &loop, [&] {
        result.shown = msSince(clock);
        loop.quit();
    });
    QMetaObject::Connection onFailed = QObject::connect(&view, &HtmlEvidenceView::failed, &loop,
                                                        [&](const QString &message) {
                                                            result.failure = message;
                                                            loop.quit();
                                                        });
    QTimer::singleShot(60000, &loop, [&] {
        result.failure = u"neither shown nor failed in 60 s"_s;
        loop.quit();
    });
    clock.start();
    view.open(path, u"text/html"_s);
    if (EvidenceWebPage *page = view.page())
        QObject::connect(page, &QWebEnginePage::loadFinished, &loop, [&] {
            if (result.loaded < 0)
                result.loaded = msSince(clock);
        });
    if (result.failure.isEmpty() && result.shown < 0)
        loop.exec();
    QObject::disconnect(onShown);
    QObject::disconnect(onFailed);
    return result;
}

} // namespace

int main(int argc, char *argv[])
{
    EvidenceScheme::registerScheme();
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption rowsOption(u"rows"_s, u"Rows in the generated report (default 600)."_s, u"N"_s,
                                        u"600"_s);
    parser.addOption(rowsOption);
    parser.process(app);
    const int rows = parser.value(rowsOption).toInt();

    QTemporaryDir dir;
    const QString path = dir.filePath(u"report.html"_s);
    QFile file(path);
    const QByteArray html = report(rows);
    if (!dir.isValid() || !file.open(QIODevice::WriteOnly) || file.write(html) != html.size()) {
        std::fprintf(stderr, "bench_evidence_html: error: cannot write the report\n");
        return 1;
    }
    file.close();

    // The floor: a bare window, shown and painted.
    QWidget bare;
    bare.resize(900, 700);
    QElapsedTimer clock;
    clock.start();
    PaintWaiter barePainted(&bare);
    bare.show();
    if (!barePainted.wait(10000)) {
        std::fprintf(stderr, "bench_evidence_html: error: the bare window was never painted\n");
        return 1;
    }
    const double floor = msSince(clock);

    // The evidence view, shown before its first item (as the evidence pane
    // is): the profile does not exist yet.
    HtmlEvidenceView view;
    view.resize(900, 700);
    PaintWaiter viewPainted(&view);
    view.show();
    std::ignore = viewPainted.wait(10000);
    if (EvidenceWebProfile::exists()) {
        std::fprintf(stderr, "bench_evidence_html: error: the profile exists before the first item\n");
        return 1;
    }
    const Shown first = openAndTime(view, path);
    const Shown second = openAndTime(view, path);
    const Shown third = openAndTime(view, path);
    for (const Shown *s : {&first, &second, &third}) {
        if (!s->failure.isEmpty()) {
            std::fprintf(stderr, "bench_evidence_html: error: %s\n", qPrintable(s->failure));
            return 1;
        }
    }

    std::printf("HTML evidence shown (a %d-row report, %.0f KiB, through the assay-evidence scheme), offscreen=%s:\n",
                rows, double(html.size()) / 1024, qgetenv("QT_QPA_PLATFORM") == "offscreen" ? "yes" : "no");
    std::printf("  %-44s %9s %9s\n", "", "loaded", "shown");
    std::printf("  %-44s %9.1f %9.1f ms\n", "first item (starts the engine and the profile)", first.loaded, first.shown);
    std::printf("  %-44s %9.1f %9.1f ms\n", "second item (engine running)", second.loaded, second.shown);
    std::printf("  %-44s %9.1f %9.1f ms\n", "third item", third.loaded, third.shown);
    std::printf("  %-44s %19.2f ms\n", "floor: a bare window shown and painted", floor);
    std::printf("  -> first item %.0fx the floor; a later item %.0fx\n", first.shown / floor, third.shown / floor);
    return 0;
}
