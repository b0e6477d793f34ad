// The floor of bench_startup: a bare Qt Widgets window process — a main
// window with a table of a few rows, shown, painted, its picture saved, and
// gone — started the same way as `assay --screenshot`, so that what remains
// of the difference is Assay's own start-up work.

#include <QApplication>
#include <QMainWindow>
#include <QStandardItemModel>
#include <QTableView>
#include <QTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bare_window OUT.png\n");
        return 2;
    }
    const QString out = QString::fromLocal8Bit(argv[1]);
    QStandardItemModel model(50, 8);
    for (int r = 0; r < model.rowCount(); ++r) {
        for (int c = 0; c < model.columnCount(); ++c)
            model.setItem(r, c, new QStandardItem(QStringLiteral("row %1 column %2").arg(r).arg(c)));
    }
    QMainWindow window;
    auto *view = new QTableView;
    view->setModel(&model);
    window.setCentralWidget(view);
    window.resize(1100, 700);
    window.show();
    QTimer::singleShot(0, &window, [&window, out] { QCoreApplication::exit(window.grab().save(out) ? 0 : 1); });
    return app.exec();
}
