// assay-render-icon SVG OUTDIR SIZE... — draws the application icon's SVG at
// each SIZE into OUTDIR/SIZE.png, for the hicolor theme's fixed-size folders.
// A build tool, never installed: the PNGs are made from the one drawn file at
// build time, so they cannot drift from the SVG (see CMakeLists.txt here).

#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    // No display at build time; the offscreen platform paints all the same.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const QGuiApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 4) {
        std::fprintf(stderr, "usage: assay-render-icon SVG OUTDIR SIZE...\n");
        return 2;
    }
    QSvgRenderer renderer(args.at(1));
    if (!renderer.isValid()) {
        std::fprintf(stderr, "assay-render-icon: %s is not a drawable SVG\n", qUtf8Printable(args.at(1)));
        return 1;
    }
    const QDir out(args.at(2));
    if (!out.mkpath(u"."_s)) {
        std::fprintf(stderr, "assay-render-icon: cannot make %s\n", qUtf8Printable(out.path()));
        return 1;
    }
    for (const QString &sizeText : args.mid(3)) {
        bool ok = false;
        const int side = sizeText.toInt(&ok);
        if (!ok || side < 1 || side > 1024) {
            std::fprintf(stderr, "assay-render-icon: %s is not a size in pixels\n", qUtf8Printable(sizeText));
            return 2;
        }
        QImage image(side, side, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        renderer.render(&painter);
        painter.end();
        const QString path = out.filePath(sizeText + u".png"_s);
        if (!image.save(path, "PNG")) {
            std::fprintf(stderr, "assay-render-icon: cannot write %s\n", qUtf8Printable(path));
            return 1;
        }
    }
    return 0;
}
