#include "common/ResultCheck.h"
#include "common/TestData.h"
#include "models/Cache.h"
#include "models/Outbox.h"
#include "models/QueueModel.h"
#include "models/SubmissionStore.h"
#include "models/UserDirectory.h"
#include "ui/queue/QueueFilterBar.h"
#include "ui/queue/QueuePage.h"
#include "ui/queue/SavedViewList.h"
#include "ui/queue/SnippetDelegate.h"

#include <QAccessible>
#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace assay;
using test::ok;

namespace {

// The fixture's "now": the ages, the SLA and the re-validation window are
// counted from it.
const QDateTime Now(QDate(2026, 11, 1), QTime(12, 0), QTimeZone::UTC);

QString id(int n)
{
    return QStringLiteral("s_%1").arg(n, 5, 10, QLatin1Char('0'));
}

QSet<QString> ids(std::initializer_list<int> ns)
{
    QSet<QString> out;
    for (int n : ns)
        out.insert(id(n));
    return out;
}

// Every row the model has for its filter, read page by page.
QSet<QString> rowsOf(QueueModel *model)
{
    while (model->canFetchMore({}))
        model->fetchMore({});
    QSet<QString> out;
    for (int r = 0; r < model->rowCount(); ++r)
        out.insert(model->index(r, 0).data(QueueModel::IdRole).toString());
    return out;
}

} // namespace

class TestQueuePage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Cache m_cache;
    std::unique_ptr<QueuePage> m_page;

    // Ten submissions whose place in every view is known (Alice is the
    // reviewer looking):
    //   1, 2, 9   assigned to Alice at stage review      (My queue)
    //   3         unassigned at stage review             (Unassigned)
    //   4         Bob's at review, 100 days old
    //   5         at stage security
    //   6         approved, badge expires in 20 days     (Due for re-validation)
    //   7         approved, badge expires in 200 days
    //   8         rejected, resubmission in 30 days      (Locked)
    //   9         a comment waiting in the outbox        (Pending upload)
    //   10        Bob's, a comment in conflict           (Conflicts and failures)
    static Submission make(int n)
    {
        Submission s = test::submission(n);
        SubmissionSummary &m = s.summary;
        m.previousSubmissionId.reset();
        m.status = SubmissionSummary::Status::InReview;
        m.stage = SubmissionSummary::Stage::Review;
        m.assignee = QStringLiteral("u_alice");
        switch (n) {
        case 3:
            m.status = SubmissionSummary::Status::Submitted;
            m.assignee.reset();
            break;
        case 4:
            m.assignee = QStringLiteral("u_bob");
            m.submittedAt = Now.addDays(-100);
            break;
        case 5:
            m.stage = SubmissionSummary::Stage::Security;
            m.assignee = QStringLiteral("u_sam");
            break;
        case 6:
        case 7:
            m.stage = SubmissionSummary::Stage::Done;
            m.status = SubmissionSummary::Status::Approved;
            m.badgeExpiresAt = Now.addDays(n == 6 ? 20 : 200);
            break;
        case 8:
            m.stage = SubmissionSummary::Stage::Done;
            m.status = SubmissionSummary::Status::Rejected;
            m.resubmissionAllowedAt = Now.addDays(30);
            break;
        case 10:
            m.assignee = QStringLiteral("u_bob");
            break;
        default:
            break;
        }
        m.updatedAt = std::max(m.submittedAt, m.updatedAt);
        if (n == 2)
            s.answers.append({QStringLiteral("patch.1"),
                              QStringLiteral("An external firm runs a quarterly penetration test of the whole platform."), {}});
        return s;
    }

    QueueContext alice() const
    {
        QueueContext c;
        c.me = QStringLiteral("u_alice");
        c.roles = {QStringLiteral("reviewer")};
        c.now = Now;
        return c;
    }

    QueuePage *page() { return m_page.get(); }
    QueueModel *model() { return m_page->model(); }

    QTreeWidgetItem *itemOf(SavedView v)
    {
        SavedViewList *list = page()->viewList();
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            if (list->topLevelItem(i)->text(0) == savedViewName(v))
                return list->topLevelItem(i);
        return nullptr;
    }

    void choose(QComboBox *box, const QVariant &value)
    {
        const int at = box->findData(value);
        QVERIFY2(at > 0, qPrintable(value.toString()));
        box->setCurrentIndex(at);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(ok(m_cache.open(m_dir.filePath(QStringLiteral("cache.sqlite")))));
        QVERIFY(ok(m_cache.users().storeUsers({{QStringLiteral("u_alice"), QStringLiteral("Alice Reviewer"), {QStringLiteral("reviewer")}},
                                               {QStringLiteral("u_bob"), QStringLiteral("Bob Builder"), {QStringLiteral("reviewer")}},
                                               {QStringLiteral("u_sam"), QStringLiteral("Sam Security"), {QStringLiteral("security")}}})));
        QVERIFY(ok(m_cache.users().storeMe({QStringLiteral("u_alice"), QStringLiteral("Alice Reviewer"), {QStringLiteral("reviewer")}})));
        for (int n = 1; n <= 10; ++n)
            QVERIFY(ok(m_cache.submissions().store(make(n))));
        QVERIFY(ok(m_cache.outbox().recordComment(id(9), QStringLiteral("Please attach the policy."), false)) > 0);
        const qint64 held = ok(m_cache.outbox().recordComment(id(10), QStringLiteral("Which firm?"), false));
        QVERIFY(held > 0);
        QVERIFY(ok(m_cache.outbox().settle(held, OutboxEntry::State::Conflict, QStringLiteral("the submission changed"))));
    }

    void init()
    {
        m_page = std::make_unique<QueuePage>(&m_cache);
        m_page->setContext(alice());
        m_page->resize(1400, 800);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    }

    void cleanup() { m_page.reset(); }

    void contextComesFromTheCacheAndSettings()
    {
        QSettings settings(m_dir.filePath(QStringLiteral("context.ini")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("queue/revalidationWindowDays"), 10);
        settings.setValue(QStringLiteral("queue/securityTargetDays"), 2);
        const QueueContext c = ok(QueuePage::contextFrom(m_cache, settings));
        QCOMPARE(c.me, QStringLiteral("u_alice"));
        QCOMPARE(c.roles, QStringList{QStringLiteral("reviewer")});
        QCOMPARE(c.revalidationWindowDays, 10);
        QCOMPARE(c.sla.securityTargetDays, 2);
        QCOMPARE(c.sla.reviewTargetDays, 5); // not set: the default
    }

    // The user's own queue first; only the views for their roles.
    // A page set up from its saved layout (a sort and a view) and then its
    // user reads the queue once, already in that sort and view.
    void settingUpReadsTheQueueOnce()
    {
        QSettings settings(m_dir.filePath(QStringLiteral("layout.ini")), QSettings::IniFormat);
        QVERIFY(page()->selectView(SavedView::All));
        model()->sort(QueueModel::AppColumn, Qt::AscendingOrder);
        page()->saveState(settings);

        m_page = std::make_unique<QueuePage>(&m_cache);
        QSignalSpy reset(model(), &QAbstractItemModel::modelReset);
        page()->restoreState(settings);
        page()->setContext(alice());
        QCOMPARE(reset.count(), 1);
        QCOMPARE(page()->currentView(), SavedView::All);
        QCOMPARE(model()->filter().view, SavedView::All);
        QCOMPARE(model()->sortColumn(), int(QueueModel::AppColumn));
        QCOMPARE(model()->sortOrder(), Qt::AscendingOrder);
        QStringList apps;
        for (int r = 0; r < model()->rowCount(); ++r)
            apps.append(model()->index(r, QueueModel::AppColumn).data().toString());
        QVERIFY(apps.size() > 1);
        QStringList sorted = apps;
        std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
        QCOMPARE(apps, sorted);
    }

    // A first start knows its user only after the first sync: All until
    // then, the user's own queue when they are known; a view the reviewer
    // picked meanwhile stays.
    void theUsersQueueOnceTheUserIsKnown()
    {
        m_page = std::make_unique<QueuePage>(&m_cache);
        page()->setContext(QueueContext{});
        QCOMPARE(page()->currentView(), SavedView::All);
        page()->setContext(alice());
        QCOMPARE(page()->currentView(), SavedView::MyQueue);
        QCOMPARE(model()->filter().view, SavedView::MyQueue);

        m_page = std::make_unique<QueuePage>(&m_cache);
        page()->setContext(QueueContext{});
        QVERIFY(page()->selectView(SavedView::Decided));
        page()->setContext(alice());
        QCOMPARE(page()->currentView(), SavedView::Decided);
    }

    void aReviewerSeesTheirViews()
    {
        QCOMPARE(page()->currentView(), SavedView::MyQueue);
        QVERIFY(!page()->viewList()->views().contains(SavedView::SecurityStage));
        QVERIFY(!itemOf(SavedView::SecurityStage));
        QueueContext sam = alice();
        sam.me = QStringLiteral("u_sam");
        sam.roles = {QStringLiteral("security")};
        page()->setContext(sam);
        QVERIFY(itemOf(SavedView::SecurityStage));
        QVERIFY(page()->selectView(SavedView::SecurityStage));
        QCOMPARE(rowsOf(model()), ids({5}));
    }

    void eachViewShowsExactlyItsRowsAndCount_data()
    {
        QTest::addColumn<SavedView>("view");
        QTest::addColumn<QSet<QString>>("expected");
        QTest::newRow("my queue") << SavedView::MyQueue << ids({1, 2, 9});
        QTest::newRow("unassigned") << SavedView::Unassigned << ids({3});
        QTest::newRow("review stage") << SavedView::ReviewStage << ids({1, 2, 3, 4, 9, 10});
        QTest::newRow("pending upload") << SavedView::PendingUpload << ids({9});
        QTest::newRow("conflicts") << SavedView::ConflictsAndFailures << ids({10});
        QTest::newRow("due") << SavedView::DueForRevalidation << ids({6});
        QTest::newRow("locked") << SavedView::Locked << ids({8});
        QTest::newRow("decided") << SavedView::Decided << ids({6, 7, 8});
        QTest::newRow("all") << SavedView::All << ids({1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
    }

    void eachViewShowsExactlyItsRowsAndCount()
    {
        QFETCH(SavedView, view);
        QFETCH(QSet<QString>, expected);
        QTreeWidgetItem *item = itemOf(view);
        QVERIFY(item);
        SavedViewList *list = page()->viewList();
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(item).center());
        QCOMPARE(page()->currentView(), view);
        QCOMPARE(model()->filter().view, view);
        QCOMPARE(rowsOf(model()), expected);
        QCOMPARE(model()->totalCount(), int(expected.size()));
        QCOMPARE(list->countOf(view), int(expected.size()));
        QCOMPARE(item->text(1), QLocale().toString(int(expected.size())));
        QVERIFY(page()->isShowingRows());
    }

    void emptyViewsSayWhy()
    {
        QueueContext c = alice();
        c.revalidationWindowDays = 10; // submission 6 expires in 20 days
        page()->setContext(c);
        QVERIFY(page()->selectView(SavedView::DueForRevalidation));
        QCOMPARE(model()->rowCount(), 0);
        QVERIFY(!page()->isShowingRows());
        QVERIFY2(page()->emptyState()->text().startsWith(QStringLiteral("Nothing due for re-validation in the next 10 ")),
                 qPrintable(page()->emptyState()->text()));
        QCOMPARE(page()->viewList()->countOf(SavedView::DueForRevalidation), 0);
    }

    void searchNarrowsAsYouTypeWithSnippets()
    {
        QVERIFY(page()->selectView(SavedView::All));
        QVERIFY(page()->view()->isColumnHidden(QueueModel::MatchColumn));
        QTest::keyClicks(page()->searchField(), QStringLiteral("penetration"));
        // Not at every keystroke: after the pause.
        QCOMPARE(model()->filter().search, QString());
        QTRY_COMPARE(rowsOf(model()), ids({2}));
        QVERIFY(!page()->view()->isColumnHidden(QueueModel::MatchColumn));
        // Beside the app's name, and in view without scrolling.
        QHeaderView *header = page()->view()->horizontalHeader();
        QCOMPARE(header->visualIndex(QueueModel::MatchColumn), header->visualIndex(QueueModel::AppColumn) + 1);
        QCOMPARE(page()->view()->horizontalScrollBar()->value(), 0);
        QVERIFY(header->sectionViewportPosition(QueueModel::MatchColumn) + header->sectionSize(QueueModel::MatchColumn)
                <= page()->view()->viewport()->width());
        const QModelIndex snippet = model()->index(0, QueueModel::MatchColumn);
        const QString text = snippet.data().toString();
        const auto ranges = snippet.data(QueueModel::MatchRangesRole).value<QList<QPoint>>();
        QVERIFY2(!ranges.isEmpty(), qPrintable(text));
        QCOMPARE(text.mid(ranges.first().x(), ranges.first().y()).toLower(), QStringLiteral("penetration"));
        // Drawn marked: the palette's highlight behind the word.
        QTableView *view = page()->view();
        view->scrollTo(snippet);
        const QImage shot = view->viewport()->grab().toImage();
        const QRect cell = view->visualRect(snippet);
        const QColor mark = view->palette().color(QPalette::Active, QPalette::Highlight);
        int marked = 0;
        for (int y = cell.top(); y <= cell.bottom(); ++y)
            for (int x = cell.left(); x <= cell.right() && x < shot.width(); ++x)
                marked += shot.pixelColor((QPointF(x, y) * shot.devicePixelRatio()).toPoint()) == mark;
        QVERIFY2(marked > 20, qPrintable(QStringLiteral("%1 marked in %2x%3+%4+%5, %6 at %7 in: %8").arg(marked).arg(cell.width()).arg(cell.height()).arg(cell.x()).arg(cell.y()).arg(ranges.first().y()).arg(ranges.first().x()).arg(text)));
    }

    void hostileQueriesAreNeverAnError()
    {
        QVERIFY(page()->selectView(SavedView::All));
        QSignalSpy failed(page(), &QueuePage::readFailed);
        for (const QString &query : {QStringLiteral("\"unbalanced AND ("), QStringLiteral("NEAR(a b) OR *"),
                                     QStringLiteral("col:value -x ^y"), QStringLiteral("\"\"\"")}) {
            page()->searchField()->clear();
            QTest::keyClicks(page()->searchField(), query);
            QTRY_COMPARE(model()->filter().search, query);
            QCOMPARE(failed.count(), 0);
            for (QWidget *w : QApplication::topLevelWidgets())
                QVERIFY2(!(qobject_cast<QMessageBox *>(w) && w->isVisible()), qPrintable(query));
            // Rows, or a message that says nothing matched.
            QVERIFY(page()->isShowingRows() || page()->emptyState()->text().startsWith(QStringLiteral("Nothing in")));
        }
    }

    void filtersCombineAndClear()
    {
        QVERIFY(page()->selectView(SavedView::All));
        QueueFilterBar *bar = page()->filterBar();
        QVERIFY(!bar->clearButton()->isEnabled());
        choose(bar->stageBox(), QStringLiteral("review"));
        QCOMPARE(rowsOf(model()), ids({1, 2, 3, 4, 9, 10}));
        // Assignees by name, never by id.
        const int bob = bar->assigneeBox()->findText(QStringLiteral("Bob Builder"));
        QVERIFY(bob > 0);
        QCOMPARE(bar->assigneeBox()->findText(QStringLiteral("u_bob")), -1);
        bar->assigneeBox()->setCurrentIndex(bob);
        QCOMPARE(rowsOf(model()), ids({4, 10}));
        choose(bar->ageBox(), QStringLiteral("Three months old or more"));
        QCOMPARE(rowsOf(model()), ids({4}));
        bar->ageBox()->setCurrentIndex(0);
        // Partners are read when their list opens.
        bar->loadChoices();
        choose(bar->partnerBox(), make(10).summary.partnerId);
        QCOMPARE(rowsOf(model()), ids({10}));
        choose(bar->statusBox(), QStringLiteral("submitted"));
        QCOMPARE(model()->rowCount(), 0);
        QCOMPARE(page()->emptyState()->text(), QStringLiteral("Nothing in “All” matches these filters."));
        QVERIFY(bar->clearButton()->isEnabled());
        QTest::mouseClick(bar->clearButton(), Qt::LeftButton);
        QCOMPARE(rowsOf(model()), ids({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
        QCOMPARE(bar->stageBox()->currentIndex(), 0);
        QVERIFY(!bar->clearButton()->isEnabled());
        // "Unassigned" is a choice of its own.
        choose(bar->assigneeBox(), QString());
        QCOMPARE(rowsOf(model()), ids({3}));
    }

    void clickingAHeaderSortsInSql()
    {
        QVERIFY(page()->selectView(SavedView::All));
        QSignalSpy reset(model(), &QAbstractItemModel::modelReset);
        QHeaderView *header = page()->view()->horizontalHeader();
        const QPoint app(header->sectionViewportPosition(QueueModel::AppColumn) + 10, header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, app);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model()->sortColumn(), int(QueueModel::AppColumn));
        QCOMPARE(model()->sortOrder(), Qt::AscendingOrder);
        QCOMPARE(model()->index(0, QueueModel::AppColumn).data().toString(), QStringLiteral("Helpdesk Bridge 3"));
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, app);
        QCOMPARE(reset.count(), 2);
        QCOMPARE(model()->sortOrder(), Qt::DescendingOrder);
        QVERIFY(model()->index(0, QueueModel::AppColumn).data().toString().startsWith(QStringLiteral("Timesheets Pro")));
        QCOMPARE(header->sortIndicatorSection(), int(QueueModel::AppColumn));

        // A search ranks by relevance, and the arrow says so; a click on a
        // column sorts by it; the search's end keeps that column.
        QTest::keyClicks(page()->searchField(), QStringLiteral("penetration"));
        QTRY_VERIFY(model()->ranksByRelevance());
        QCOMPARE(header->sortIndicatorSection(), int(QueueModel::MatchColumn));
        const QPoint submitted(header->sectionViewportPosition(QueueModel::SubmittedColumn) + 10, header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, submitted);
        QVERIFY(!model()->ranksByRelevance());
        QCOMPARE(header->sortIndicatorSection(), int(QueueModel::SubmittedColumn));
        page()->searchField()->clear();
        QTRY_COMPARE(model()->filter().search, QString());
        QCOMPARE(header->sortIndicatorSection(), int(QueueModel::SubmittedColumn));
    }

    void keyboard()
    {
        // Ctrl+1 … Ctrl+9 choose the views in the list's order.
        const QList<SavedView> views = page()->viewList()->views();
        QTest::keyClick(page(), Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(page()->currentView(), views.at(1));
        QCOMPARE(rowsOf(model()), ids({3}));
        QTest::keyClick(page(), Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(page()->currentView(), SavedView::MyQueue);
        for (QAction *a : page()->viewActions()) {
            const auto v = SavedView(a->data().toInt());
            QCOMPARE(a->isVisible(), views.contains(v));
            if (a->isVisible() && views.indexOf(v) < 9)
                QCOMPARE(a->shortcut(), QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + views.indexOf(v))));
        }
        // Enter opens the current row.
        QSignalSpy open(page(), &QueuePage::openRequested);
        QTableView *view = page()->view();
        view->setFocus();
        view->setCurrentIndex(model()->index(1, 0));
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(open.count(), 1);
        QCOMPARE(open.first().first().toString(), model()->index(1, 0).data(QueueModel::IdRole).toString());
        // Enter in the search goes to the results.
        page()->searchField()->setFocus();
        QTest::keyClicks(page()->searchField(), QStringLiteral("penetration"));
        QTest::keyClick(page()->searchField(), Qt::Key_Return);
        QCOMPARE(rowsOf(model()), ids({2}));
        QTRY_VERIFY(view->hasFocus());
    }

    void everyControlHasAnAccessibleName()
    {
        QList<QWidget *> controls;
        for (auto *w : page()->findChildren<QComboBox *>())
            controls.append(w);
        for (auto *w : page()->findChildren<QLineEdit *>())
            if (!qobject_cast<QComboBox *>(w->parentWidget()))
                controls.append(w);
        for (auto *w : page()->findChildren<QPushButton *>())
            controls.append(w);
        controls << page()->view() << page()->viewList();
        QVERIFY(controls.size() >= 10);
        for (QWidget *w : controls) {
            QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
            QVERIFY(iface);
            QVERIFY2(!iface->text(QAccessible::Name).isEmpty(), w->metaObject()->className());
        }
        // A view's item says its name and count.
        QVERIFY(itemOf(SavedView::MyQueue)->data(0, Qt::AccessibleTextRole).toString().startsWith(QStringLiteral("My queue, 3 ")));
    }

    // The delegate alone, in a dark palette: the match gets the palette's
    // highlight, the rest stays on the base colour.
    void snippetHighlightFollowsThePalette()
    {
        QStandardItemModel model(1, 1);
        const QString text = QStringLiteral("we rotate tokens at login");
        model.setData(model.index(0, 0), text);
        model.setData(model.index(0, 0), QVariant::fromValue(QList<QPoint>{{3, 6}}), QueueModel::MatchRangesRole);
        QPalette dark;
        dark.setColor(QPalette::Base, QColor(0x20, 0x20, 0x24));
        dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
        dark.setColor(QPalette::Highlight, QColor(0x3d, 0x6e, 0xb4));
        dark.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
        QTableView view;
        view.setPalette(dark);
        view.setModel(&model);
        view.setItemDelegate(new SnippetDelegate(&view));
        view.resize(500, 100);
        view.setColumnWidth(0, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QImage shot = view.viewport()->grab().toImage();
        const QRect cell = view.visualRect(model.index(0, 0));
        const int split = cell.left() + view.fontMetrics().horizontalAdvance(text.left(9)) + 6;
        int markedInside = 0, markedOutside = 0;
        for (int y = cell.top(); y <= cell.bottom(); ++y) {
            for (int x = cell.left(); x <= cell.right(); ++x) {
                const bool mark = shot.pixelColor((QPointF(x, y) * shot.devicePixelRatio()).toPoint()) == dark.color(QPalette::Highlight);
                (x < split ? markedInside : markedOutside) += mark;
            }
        }
        QVERIFY2(markedInside > 20, qPrintable(QString::number(markedInside)));
        QCOMPARE(markedOutside, 0);
    }
};

QTEST_MAIN(TestQueuePage)
#include "tst_queuepage.moc"
