// A reviewer typing into the review screen, for tst_review_kill: it opens a
// submission in the real window, ticks the category's items one by one with
// Space and types a note key by key, at random pauses around the save
// debounce. Every time the screen says "Saved" it prints what it shows then:
//   saved <ticked items, comma-separated> <the note, hex UTF-8>
// and the test kills it (SIGKILL) at a random moment.
//
// review_typist PROFILE_DIR SUBMISSION SEED

#include "models/Cache.h"
#include "models/ChecklistModel.h"
#include "models/Profile.h"
#include "ui/MainWindow.h"
#include "ui/review/ChecklistPane.h"
#include "ui/review/DebouncedWriter.h"
#include "ui/review/QuestionNavigator.h"
#include "ui/review/ReviewView.h"
#include "ui/review/SaveIndicator.h"

#include <QApplication>
#include <QPlainTextEdit>
#include <QRandomGenerator>
#include <QTest>
#include <QTimer>
#include <QListView>
#include <QTreeView>

#include <cstdio>

using namespace assay;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 4) {
        std::fprintf(stderr, "usage: review_typist PROFILE_DIR SUBMISSION SEED\n");
        return 2;
    }
    const Profile profile(args.at(1));
    Cache cache;
    if (const Result<> opened = cache.open(profile.cachePath()); !opened) {
        std::fprintf(stderr, "review_typist: %s\n", qUtf8Printable(opened.error().message));
        return 1;
    }
    MainWindow window(&cache, profile);
    window.show();
    if (!window.openReview(args.at(2))) {
        std::fprintf(stderr, "review_typist: cannot open %s\n", qUtf8Printable(args.at(2)));
        return 1;
    }
    ReviewView *review = window.reviewView();
    QPlainTextEdit *note = review->checklist()->categoryNote();
    QTreeView *tree = review->navigator()->tree();
    ChecklistModel *checklist = review->checklist()->model();
    QRandomGenerator random(args.at(3).toUInt());

    // What the screen shows when it says Saved.
    QObject::connect(review->writer(), &DebouncedWriter::stateChanged, &app, [&](DebouncedWriter::State state) {
        if (state != DebouncedWriter::State::Saved || review->saveIndicator()->text() != SaveIndicator::tr("Saved"))
            return;
        QStringList ticked;
        for (int row = 0; row < checklist->rowCount(); ++row)
            if (checklist->index(row).data(ChecklistModel::CheckedRole).toBool())
                ticked.append(checklist->index(row).data(ChecklistModel::KeyRole).toString());
        std::printf("saved %s %s\n", qPrintable(ticked.isEmpty() ? QStringLiteral("-") : ticked.join(QLatin1Char(','))),
                    note->toPlainText().toUtf8().toHex().constData());
        std::fflush(stdout);
    }, Qt::DirectConnection);

    std::printf("ready\n");
    std::fflush(stdout);
    const QString letters = QStringLiteral("abcdefghijklmnopqrstuvwxyz ");
    QTimer step;
    step.setSingleShot(true);
    QObject::connect(&step, &QTimer::timeout, &app, [&] {
        // Now and then the next unticked item is ticked with Space from the
        // tree (never unticked: the test relies on ticks only being added);
        // otherwise a key in the note.
        int unticked = -1;
        for (int row = 0; row < checklist->rowCount() && unticked < 0; ++row)
            if (!checklist->index(row).data(ChecklistModel::CheckedRole).toBool())
                unticked = row;
        if (unticked >= 0 && random.bounded(8) == 0) {
            review->checklist()->items()->setCurrentIndex(checklist->index(unticked));
            tree->setFocus();
            QTest::keyClick(tree, Qt::Key_Space);
        } else {
            if (!note->hasFocus())
                note->setFocus();
            note->moveCursor(QTextCursor::End);
            const QChar c = letters.at(random.bounded(int(letters.size())));
            QTest::keyClicks(note, QString(c));
        }
        // Pauses both shorter and longer than the debounce.
        step.start(int(random.bounded(DebouncedWriter::DelayMs * 2)));
    });
    step.start(0);
    return app.exec();
}
