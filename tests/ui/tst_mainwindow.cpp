#include "common/ResultCheck.h"
#include "common/TestData.h"
#include "models/Cache.h"
#include "models/Outbox.h"
#include "models/SubmissionStore.h"
#include "models/QueueModel.h"
#include "ui/MainWindow.h"
#include "ui/queue/QueuePage.h"
#include "ui/queue/SavedViewList.h"
#include "models/EvidenceFindings.h"
#include "models/EvidenceStates.h"
#include "models/SecretsFinder.h"
#include "ui/evidence/FindingsPanel.h"
#include "ui/evidence/EvidenceViewer.h"
#include "ui/review/EvidencePane.h"
#include "ui/review/QuestionNavigator.h"
#include "ui/review/ReviewView.h"

#include <QCryptographicHash>
#include <QHeaderView>
#include <QScopeGuard>
#include <QSettings>
#include <QSplitter>
#include <QDir>
#include <QFile>
#include <QListWidget>
#include <QPushButton>
#include <QToolButton>
#include <QSignalSpy>

#include <QAccessible>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace assay;
using namespace Qt::StringLiterals;
using test::ok;

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The windows keep their layout in settings of this run's own,
        // removed with the temporary folder.
        QCoreApplication::setOrganizationName(QStringLiteral("Assay"));
        QCoreApplication::setApplicationName(QStringLiteral("assay"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
    }

    void init()
    {
        QSettings().clear();
    }

    void emptyProfileSaysHowToFillIt()
    {
        const Profile profile(m_dir.filePath(QStringLiteral("empty")));
        QCOMPARE(profile.ensureExists().errorString(), QString());
        Cache cache;
        QVERIFY(ok(cache.open(profile.cachePath())));
        MainWindow w(&cache, profile);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(!w.queuePage()->isShowingRows());
        QLabel *label = w.queuePage()->emptyState();
        QVERIFY(label->isVisible());
        QVERIFY(label->text().contains(QStringLiteral("assay sync")));
        QVERIFY(label->text().contains(profile.dir()));
        QVERIFY(w.statusBar()->currentMessage().contains(profile.dir()));
    }

    void queueShowsAndSearches()
    {
        const Profile profile(m_dir.filePath(QStringLiteral("full")));
        QCOMPARE(profile.ensureExists().errorString(), QString());
        Cache cache;
        QVERIFY(ok(cache.open(profile.cachePath())));
        for (int i = 0; i < 8; ++i)
            QVERIFY(ok(cache.submissions().store(test::submission(i))));
        QVERIFY(ok(cache.outbox().enqueue(OutboxEntry::Kind::Comment, QStringLiteral("s_00001"),
                                          QJsonObject{{QStringLiteral("body"), QStringLiteral("?")},
                                                      {QStringLiteral("visibility"), QStringLiteral("internal")}})) > 0);
        MainWindow w(&cache, profile);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.queueView()->model()->rowCount(), 8);
        QCOMPARE(w.queueView()->model(), w.queueModel());
        QVERIFY(w.queuePage()->isShowingRows());
        const auto labels = w.statusBar()->findChildren<QLabel *>();
        QStringList texts; // the counts and the sync's part of the status bar
        for (QLabel *l : labels)
            texts.append(l->text());
        QVERIFY2(texts.contains(QStringLiteral("8 submissions cached")) && texts.contains(QStringLiteral("1 change waiting")),
                 qPrintable(texts.join(QStringLiteral(" | "))));

        // Search as you type, after a pause in the typing.
        QTest::keyClicks(w.searchField(), QStringLiteral("helpd"));
        QTRY_COMPARE(w.queueView()->model()->rowCount(), 1); // s_00003
        QCOMPARE(w.queueView()->model()->index(0, 0).data(QueueModel::IdRole).toString(), QStringLiteral("s_00003"));
        QTest::keyClicks(w.searchField(), QStringLiteral("zzz"));
        QTRY_VERIFY(!w.queuePage()->isShowingRows());
        QVERIFY(w.queuePage()->emptyState()->text().contains(QStringLiteral("helpdzzz")));
        w.searchField()->clear();
        QTRY_COMPARE(w.queueView()->model()->rowCount(), 8);
        QVERIFY(w.queuePage()->isShowingRows());

        // Keyboard users reach the search with the standard Find shortcut.
        w.queueView()->setFocus();
        QTest::keySequence(&w, QKeySequence::Find);
        QTRY_VERIFY(w.searchField()->hasFocus());
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w.queueView());
        QCOMPARE(iface->text(QAccessible::Name), QStringLiteral("Review queue"));
    }

    // The counts are numbers in the user's locale (%Ln), not digits as the
    // C locale writes them: Egyptian Arabic writes 8 as U+0668.
    void countsFollowTheLocale()
    {
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::Arabic, QLocale::Egypt));
        const auto restore = qScopeGuard([before] { QLocale::setDefault(before); });
        const Profile profile(m_dir.filePath(QStringLiteral("arabic")));
        QCOMPARE(profile.ensureExists().errorString(), QString());
        Cache cache;
        QVERIFY(ok(cache.open(profile.cachePath())));
        for (int i = 0; i < 8; ++i)
            QVERIFY(ok(cache.submissions().store(test::submission(i))));
        MainWindow w(&cache, profile);
        w.show();
        QStringList texts;
        for (QLabel *l : w.statusBar()->findChildren<QLabel *>())
            texts.append(l->text());
        QVERIFY2(texts.contains(u"\u0668 submissions cached"_s), qPrintable(texts.join(QStringLiteral(" | "))));
    }

    // --show evidence:ID: the submission that holds the item, the question
    // that links it, and the item in the viewer from the profile's store.
    void openEvidenceShowsTheVerifiedCopy()
    {
        const Profile profile(m_dir.filePath(QStringLiteral("evidence")));
        QCOMPARE(profile.ensureExists().errorString(), QString());
        Cache cache;
        QVERIFY(ok(cache.open(profile.cachePath())));
        const QByteArray bytes = "from django.middleware.csrf import CsrfViewMiddleware\n";
        Submission s = test::submission(5);
        s.evidence[0].sha256 = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        s.evidence[0].size = bytes.size();
        QVERIFY(ok(cache.submissions().store(s)));
        QVERIFY(ok(cache.evidence().set(QStringLiteral("e_5_1"), EvidenceItem::LocalState::Present)));
        QVERIFY(QDir().mkpath(profile.evidenceDir()));
        QFile stored(profile.evidenceDir() + u'/' + s.evidence[0].sha256);
        QVERIFY(stored.open(QIODevice::WriteOnly) && stored.write(bytes) == bytes.size());
        stored.close();
        // What the sync's scan found in it (positions only).
        SecretFinding key;
        key.kind = SecretFinding::Kind::CloudAccessKey;
        key.rule = QStringLiteral("aws-access-key-id");
        key.line = 1;
        key.column = 5;
        key.length = 20;
        QVERIFY(ok(cache.findings().store(s.evidence[0].sha256, SecretsFinder::Version, SecretsFinder::FileScan{{key}, false})));

        MainWindow w(&cache, profile);
        w.resize(1440, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        EvidenceViewer *viewer = w.reviewView()->evidence()->viewer();
        QSignalSpy checked(viewer, &EvidenceViewer::checksumChecked);
        QVERIFY(w.openEvidence(QStringLiteral("e_5_1")));
        QVERIFY(w.isReviewing());
        QCOMPARE(w.reviewView()->submissionId(), QStringLiteral("s_00005"));
        QCOMPARE(w.reviewView()->navigator()->currentQuestionKey(), QStringLiteral("csrf.1"));
        QCOMPARE(w.reviewView()->evidence()->item()->id, QStringLiteral("e_5_1"));
        QTRY_VERIFY(viewer->isShown());
        QVERIFY2(viewer->message().isEmpty(), qPrintable(viewer->message()));
        QCOMPARE(viewer->fileNameText(), QStringLiteral("csrf-middleware.py"));
        QTRY_COMPARE(checked.size(), 1);
        QCOMPARE(checked.at(0).at(0).toBool(), true);
        // The stored findings are listed; "Add to rejection note" leaves the pane as a reference.
        FindingsPanel *panel = viewer->findingsPanel();
        QCOMPARE(panel->list()->count(), 1);
        QSignalSpy reference(w.reviewView()->evidence(), &EvidencePane::referenceRequested);
        QTest::mouseClick(panel->addToNoteButton(), Qt::LeftButton);
        QCOMPARE(reference.size(), 1);
        QVERIFY2(reference.at(0).at(0).toString().startsWith(QStringLiteral("line 1, ")), qPrintable(reference.at(0).at(0).toString()));

        // The same item in a window of its own, as large as the reviewer likes.
        auto *openWindow = w.reviewView()->evidence()->findChild<QToolButton *>(QStringLiteral("evidenceOpenWindow"));
        QVERIFY(openWindow && openWindow->isEnabled());
        QTest::mouseClick(openWindow, Qt::LeftButton);
        EvidenceViewer *big = w.reviewView()->evidence()->windowViewer();
        QVERIFY(big);
        QVERIFY(big->window()->isVisible());
        QVERIFY(big->window() != &w);
        QTRY_VERIFY(big->isShown());
        QCOMPARE(big->fileNameText(), QStringLiteral("csrf-middleware.py"));
        QCOMPARE(big->findingsPanel()->list()->count(), 1);
        big->window()->close();
        QTRY_VERIFY(!w.reviewView()->evidence()->windowViewer());

        // Not downloaded: said so, nothing opened.
        QVERIFY(w.openEvidence(QStringLiteral("e_5_2")));
        QCOMPARE(w.reviewView()->navigator()->currentQuestionKey(), QStringLiteral("xss.1"));
        QVERIFY2(viewer->message().startsWith(QStringLiteral("Not downloaded yet")), qPrintable(viewer->message()));
        QVERIFY(!w.openEvidence(QStringLiteral("e_nope")));
        QVERIFY(w.statusBar()->currentMessage().contains(QStringLiteral("e_nope")));
    }

    // Sort, columns, the saved view, the splitters and the window itself
    // come back when the window is made again on the same settings.
    void restartingRestoresTheLayout()
    {
        const Profile profile(m_dir.filePath(QStringLiteral("layout")));
        QCOMPARE(profile.ensureExists().errorString(), QString());
        Cache cache;
        QVERIFY(ok(cache.open(profile.cachePath())));
        for (int i = 0; i < 8; ++i)
            QVERIFY(ok(cache.submissions().store(test::submission(i))));

        QList<int> queueSizes, reviewSizes;
        int partnerWidth = 0;
        QSize windowSize;
        {
            MainWindow w(&cache, profile);
            // Within the offscreen screen (800 × 800): restoreGeometry() keeps a window on its screen.
            w.resize(760, 540);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            QHeaderView *header = w.queueView()->horizontalHeader();
            QCOMPARE(w.queueModel()->sortColumn(), int(QueueModel::SubmittedColumn));
            // A click on the App header sorts by app, A to Z.
            const QPoint appHeader(header->sectionViewportPosition(QueueModel::AppColumn) + 10, header->height() / 2);
            QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, appHeader);
            QTRY_COMPARE(w.queueModel()->sortColumn(), int(QueueModel::AppColumn));
            QCOMPARE(w.queueModel()->sortOrder(), Qt::AscendingOrder);
            header->resizeSection(QueueModel::PartnerColumn, 333);
            partnerWidth = header->sectionSize(QueueModel::PartnerColumn);
            header->moveSection(header->visualIndex(QueueModel::StatusColumn), 0);
            QVERIFY(w.queuePage()->selectView(SavedView::Unassigned));
            QTRY_COMPARE(w.queueModel()->rowCount(), 3); // s_00000, s_00003, s_00006
            w.queuePage()->splitter()->setSizes({140, 600});
            queueSizes = w.queuePage()->splitter()->sizes();
            // The review screen's splitter, laid out by opening a review.
            QVERIFY(w.openReview(QStringLiteral("s_00003")));
            auto *reviewSplitter = w.reviewView()->findChild<QSplitter *>(QStringLiteral("ReviewSplitter"));
            QVERIFY(reviewSplitter);
            reviewSplitter->setSizes({250, 600, 350});
            reviewSizes = reviewSplitter->sizes();
            w.showQueue();
            windowSize = w.size(); // at least the window's minimum size
            QVERIFY(w.close());
        }
        // The saved sizes are the ones set, not the defaults.
        QVERIFY(queueSizes.first() < 200);
        QCOMPARE(windowSize.width(), 760);
        QCOMPARE(partnerWidth, 333);

        MainWindow w(&cache, profile);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.size(), windowSize);
        QHeaderView *header = w.queueView()->horizontalHeader();
        QCOMPARE(w.queueModel()->sortColumn(), int(QueueModel::AppColumn));
        QCOMPARE(w.queueModel()->sortOrder(), Qt::AscendingOrder);
        QCOMPARE(header->sortIndicatorSection(), int(QueueModel::AppColumn));
        QCOMPARE(header->sectionSize(QueueModel::PartnerColumn), 333);
        QCOMPARE(header->visualIndex(QueueModel::StatusColumn), 0);
        QCOMPARE(w.queuePage()->currentView(), SavedView::Unassigned);
        QCOMPARE(w.queueModel()->rowCount(), 3);
        // The restored view's rows in the restored order: by app name.
        QCOMPARE(w.queueModel()->index(0, QueueModel::AppColumn).data().toString(), QStringLiteral("Helpdesk Bridge 3"));
        QCOMPARE(w.queuePage()->splitter()->sizes(), queueSizes);
        auto *reviewSplitter = w.reviewView()->findChild<QSplitter *>(QStringLiteral("ReviewSplitter"));
        QVERIFY(w.openReview(QStringLiteral("s_00003")));
        QTRY_COMPARE(reviewSplitter->sizes(), reviewSizes);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
