#include "common/ResultCheck.h"
#include "common/TestData.h"
#include "models/Cache.h"
#include "models/Outbox.h"
#include "models/SubmissionStore.h"
#include "models/QueueModel.h"
#include "ui/MainWindow.h"

#include <QAccessible>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace assay;
using test::ok;

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void emptyProfileSaysHowToFillIt()
    {
        const Profile profile(m_dir.filePath(QStringLiteral("empty")));
        QCOMPARE(profile.ensureExists().errorString(), QString());
        Cache cache;
        QVERIFY(ok(cache.open(profile.cachePath())));
        MainWindow w(&cache, profile);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *stack = w.findChild<QStackedWidget *>();
        auto *label = qobject_cast<QLabel *>(stack->currentWidget());
        QVERIFY(label);
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
        auto *stack = w.findChild<QStackedWidget *>();
        QCOMPARE(stack->currentWidget(), w.queueView());
        const auto labels = w.statusBar()->findChildren<QLabel *>();
        bool sawCounts = false;
        for (QLabel *l : labels)
            sawCounts = sawCounts || (l->text().contains(QStringLiteral("8 submissions cached")) && l->text().contains(QStringLiteral("1 change waiting")));
        QVERIFY(sawCounts);

        QTest::keyClicks(w.searchField(), QStringLiteral("helpd"));
        QCOMPARE(w.queueView()->model()->rowCount(), 1); // s_00003
        QTest::keyClicks(w.searchField(), QStringLiteral("zzz"));
        QVERIFY(qobject_cast<QLabel *>(stack->currentWidget()));
        w.searchField()->clear();
        QCOMPARE(w.queueView()->model()->rowCount(), 8);

        // Keyboard users reach the search with the standard Find shortcut.
        w.queueView()->setFocus();
        QTest::keySequence(&w, QKeySequence::Find);
        QTRY_VERIFY(w.searchField()->hasFocus());
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w.queueView());
        QCOMPARE(iface->text(QAccessible::Name), QStringLiteral("Review queue"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
