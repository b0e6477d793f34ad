// The review screen driven as a reviewer drives it: clicks and keys on a
// MainWindow over a real cache.

#include "ReviewWindowFixture.h"
#include "common/ResultCheck.h"
#include "common/TestData.h"
#include "models/Cache.h"
#include "models/EvidenceFindings.h"
#include "models/Outbox.h"
#include "models/ChecklistModel.h"
#include "models/CommentsModel.h"
#include "models/HistoryModel.h"
#include "models/QueueModel.h"
#include "models/ReviewTreeModel.h"
#include "models/ReviewWork.h"
#include "models/SubmissionStore.h"
#include "models/UserDirectory.h"
#include "ui/MainWindow.h"
#include "ui/review/AnswerPane.h"
#include "ui/review/ChecklistPane.h"
#include "ui/review/ConflictView.h"
#include "ui/review/CommentsPane.h"
#include "ui/review/DebouncedWriter.h"
#include "ui/review/EvidencePane.h"
#include "ui/review/HistoryPane.h"
#include "ui/review/PreviousReasons.h"
#include "ui/review/QuestionNavigator.h"
#include "ui/review/ReviewHeader.h"
#include "ui/review/ReviewContext.h"
#include "ui/review/ReviewView.h"
#include "ui/review/SaveIndicator.h"
#include "ui/review/VerdictDialog.h"

#include <QAccessible>
#include <QAction>
#include <QCheckBox>
#include <QInputDialog>
#include <QTimer>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTreeView>
#include <QTreeWidget>

using namespace assay;
using test::ok;
using test::rowOf;

namespace {
const QString Resubmitted = QStringLiteral("s_00001");
const QString Previous = QStringLiteral("s_100001");
const QString PreviousCsrf = QStringLiteral("Django's CsrfViewMiddleware is enabled for most views; tokens never rotate.");

// s_00001's previous submission: the same answers but csrf.1, the same
// evidence content under other ids.
Submission previousOfFirst()
{
    Submission p = test::submission(1);
    p.summary.id = Previous;
    p.summary.previousSubmissionId.reset();
    p.summary.status = SubmissionSummary::Status::Rejected;
    p.summary.stage = SubmissionSummary::Stage::Done;
    for (EvidenceItem &e : p.evidence)
        e.id = QStringLiteral("old_") + e.id;
    for (Answer &a : p.answers) {
        for (QString &id : a.evidenceIds)
            id = QStringLiteral("old_") + id;
        if (a.questionKey == QLatin1String("csrf.1"))
            a.text = PreviousCsrf;
    }
    // It was rejected over its CSRF protection.
    RecordedVerdict rejected;
    rejected.by = QStringLiteral("u_bob");
    rejected.at = p.summary.updatedAt;
    rejected.version = p.summary.version;
    rejected.verdict.decision = Verdict::Decision::Reject;
    rejected.verdict.baseVersion = p.summary.version;
    rejected.verdict.reasons = {{QStringLiteral("csrf_protection"), QStringLiteral("csrf.no_token"), QStringLiteral("No token on the export endpoint.")}};
    p.verdicts = {rejected};
    return p;
}

bool hasFormat(const QTextDocument *doc, bool (QTextCharFormat::*test)() const, const QString &fragmentText)
{
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            if ((f.charFormat().*test)() && f.text().contains(fragmentText))
                return true;
        }
    }
    return false;
}
} // namespace

class TestReviewView : public QObject, private test::ReviewWindowFixture
{
    Q_OBJECT

private Q_SLOTS:
    // s_00001's previous submission is stored too, as a sync stores it.
    void init() { open({previousOfFirst()}); }
    void cleanup() { close(); }

    void openingShowsTheAnswers()
    {
        // Enter on a queue row opens it as a click does.
        QSignalSpy opened(m_window.get(), &MainWindow::reviewOpened);
        QTableView *view = m_window->queueView();
        view->setFocus();
        view->setCurrentIndex(rowOf(view->model(), QStringLiteral("s_00002")));
        QTest::keyClick(view, Qt::Key_Return);
        QTRY_VERIFY(m_window->isReviewing());
        QCOMPARE(review()->submissionId(), QStringLiteral("s_00002"));
        // The sync is told, to fetch it first; the screen does not wait for it.
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.first().first().toString(), QStringLiteral("s_00002"));
        // The first question of the first category is in view with its answer.
        QCOMPARE(review()->navigator()->currentQuestionKey(), QStringLiteral("seg.1"));
        QVERIFY(review()->answers()->answerView()->toPlainText().contains(QStringLiteral("PostgreSQL row-level security")));
        QVERIFY(review()->header()->outboxText().contains(QStringLiteral("nothing waiting")));

        // n / p move through the questions; Escape goes back to the queue.
        key(Qt::Key_N);
        QCOMPARE(review()->navigator()->currentQuestionKey(), QStringLiteral("seg.2"));
        QCOMPARE(review()->answers()->answerView()->toPlainText(), QStringLiteral("No answer."));
        key(Qt::Key_P);
        QCOMPARE(review()->navigator()->currentQuestionKey(), QStringLiteral("seg.1"));
        key(Qt::Key_Escape);
        QTRY_VERIFY(!m_window->isReviewing());
        QVERIFY(view->hasFocus());
    }

    void jAndKMoveThroughTheQueue()
    {
        clickRow(QStringLiteral("s_00003"));
        QAbstractItemModel *queue = m_window->queueView()->model();
        const int at = rowOf(queue, QStringLiteral("s_00003")).row();
        key(Qt::Key_J);
        QCOMPARE(review()->submissionId(), queue->index(at + 1, 0).data(QueueModel::IdRole).toString());
        key(Qt::Key_K);
        key(Qt::Key_K);
        QCOMPARE(review()->submissionId(), queue->index(at - 1, 0).data(QueueModel::IdRole).toString());
    }

    void resubmissionShowsThePreviousAnswerAndItsWordDiff()
    {
        clickRow(Resubmitted);
        QVERIFY(review()->navigator()->selectQuestion(QStringLiteral("csrf.1")));
        AnswerPane *answers = review()->answers();
        QCOMPARE(answers->questionKey(), QStringLiteral("csrf.1"));
        QVERIFY(answers->answerView()->toPlainText().contains(QStringLiteral("tokens rotate at login")));
        const QString before = answers->previousView()->toPlainText();
        // Both texts' words are there: the removed struck through, the added underlined.
        QVERIFY2(before.contains(QStringLiteral("most")), qPrintable(before));
        QVERIFY2(before.contains(QStringLiteral("every")), qPrintable(before));
        QVERIFY(hasFormat(answers->previousView()->document(), &QTextCharFormat::fontStrikeOut, QStringLiteral("most")));
        QVERIFY(hasFormat(answers->previousView()->document(), &QTextCharFormat::fontUnderline, QStringLiteral("every")));
        QVERIFY(!hasFormat(answers->previousView()->document(), &QTextCharFormat::fontStrikeOut, QStringLiteral("Django")));

        // Opened at its first changed answer: only that one counts as read.
        QCOMPARE(ok(m_cache->work().readQuestions(Resubmitted)).keys(), QList<QString>{QStringLiteral("csrf.1")});
        // Its evidence has the same content as before, under new ids.
        QTreeWidget *evidence = answers->evidenceList();
        QCOMPARE(evidence->topLevelItemCount(), 1);
        QCOMPARE(evidence->topLevelItem(0)->text(0), QStringLiteral("csrf-middleware.py"));
        QCOMPARE(evidence->topLevelItem(0)->text(4), QStringLiteral("unchanged"));
        // Opening it shows its facts in the evidence pane.
        evidence->setFocus();
        evidence->setCurrentItem(evidence->topLevelItem(0));
        QTest::keyClick(evidence, Qt::Key_Return);
        QVERIFY(review()->evidence()->item());
        QCOMPARE(review()->evidence()->item()->id, QStringLiteral("e_1_1"));

        // The previous rejection's reason sits beside the answers of its
        // category; "addressed?" is kept in the cache.
        PreviousReasons *reasons = review()->previousReasons();
        QVERIFY(reasons->isVisibleTo(review()));
        QCOMPARE(reasons->reasonCount(), 1);
        auto *addressed = reasons->findChild<QCheckBox *>();
        QVERIFY(addressed);
        QTest::mouseClick(addressed, Qt::LeftButton, {}, QPoint(8, addressed->height() / 2));
        QVERIFY(addressed->isChecked());
        QCOMPARE(ok(m_cache->work().reasonMarks(Resubmitted)).value(QStringLiteral("csrf_protection:csrf.no_token")), true);

        // An unchanged answer says so; another category has no reasons.
        QVERIFY(review()->navigator()->selectQuestion(QStringLiteral("seg.1")));
        QCOMPARE(answers->previousView()->toPlainText(), answers->answerView()->toPlainText());
        QVERIFY(!reasons->isVisibleTo(review()));
        // What was looked at is read, in the cache too.
        const auto read = ok(m_cache->work().readQuestions(Resubmitted));
        QVERIFY(read.contains(QStringLiteral("csrf.1")));
        QVERIFY(read.contains(QStringLiteral("seg.1")));
        QVERIFY(!read.contains(QStringLiteral("seg.2")));
    }

    void workOnOlderAnswersIsFlaggedForRecheck()
    {
        const QString id = QStringLiteral("s_00002");
        clickRow(id);
        review()->navigator()->tree()->setFocus();
        key(Qt::Key_Space); // seg.c1, on version 1
        QCOMPARE(review()->checklist()->model()->index(0).data(ChecklistModel::RecheckRole).toBool(), false);

        // Version 2 changes a data-segregation answer; the sync says so.
        Submission v2 = test::submission(2, 2);
        v2.answers[1].text = QStringLiteral("Each tenant has its own schema.");
        QVERIFY(ok(m_cache->submissions().store(v2)));
        m_window->submissionsChanged({id});
        QCOMPARE(review()->context().submission.summary.version, 2);
        const QModelIndex first = review()->checklist()->model()->index(0);
        QCOMPARE(first.data(ChecklistModel::RecheckRole).toBool(), true);
        QCOMPARE(first.data(ChecklistModel::RecheckTextRole).toString(), QStringLiteral("made on version 1 — recheck"));
        QCOMPARE(first.data(ChecklistModel::CheckedRole).toBool(), true);
        // Looked at again: the flag goes, in the cache too.
        review()->checklist()->items()->setCurrentIndex(first);
        QPushButton *again = review()->checklist()->recheckButton();
        QVERIFY(again->isEnabled());
        QTest::mouseClick(again, Qt::LeftButton);
        QCOMPARE(first.data(ChecklistModel::RecheckRole).toBool(), false);
        QCOMPARE(ok(m_cache->work().checklistTicks(id)).value(QStringLiteral("seg.c1")).madeOnVersion, 2);
    }

    void changedOnlyHidesTheRest()
    {
        clickRow(Resubmitted);
        QuestionNavigator *nav = review()->navigator();
        QVERIFY(nav->visibleQuestionKeys().size() > 40);
        QCheckBox *changedOnly = nav->changedOnlySwitch();
        QTest::mouseClick(changedOnly, Qt::LeftButton, {}, QPoint(8, changedOnly->height() / 2));
        QVERIFY(changedOnly->isChecked());
        QCOMPARE(nav->visibleQuestionKeys(), QStringList{QStringLiteral("csrf.1")});
        QCOMPARE(nav->currentQuestionKey(), QStringLiteral("csrf.1"));
        // The key (d) switches it back.
        nav->tree()->setFocus();
        key(Qt::Key_D);
        QVERIFY(!changedOnly->isChecked());
        QVERIFY(nav->visibleQuestionKeys().size() > 40);

        // Ctrl+F finds in the questions and the answers.
        QTest::keySequence(m_window.get(), QKeySequence::Find);
        QTRY_VERIFY(nav->findField()->hasFocus());
        QTest::keyClicks(nav->findField(), QStringLiteral("tenant_id row-level"));
        QCOMPARE(nav->visibleQuestionKeys(), QStringList{QStringLiteral("seg.1")});
        QCOMPARE(nav->currentQuestionKey(), QStringLiteral("seg.1"));
        nav->findField()->clear();
        QVERIFY(nav->visibleQuestionKeys().size() > 40);
    }

    void spaceTicksTheCurrentItemButNotWhileTyping()
    {
        clickRow(QStringLiteral("s_00002"));
        review()->navigator()->tree()->setFocus();
        key(Qt::Key_Space);
        auto ticks = ok(m_cache->work().checklistTicks(QStringLiteral("s_00002")));
        QCOMPARE(ticks.value(QStringLiteral("seg.c1")).checked, true);
        QCOMPARE(review()->checklist()->model()->index(0).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        // Ticking moves on to the next item.
        QCOMPARE(review()->checklist()->currentItemKey(), QStringLiteral("seg.c2"));
        // The category's progress counts it.
        QCOMPARE(review()->navigator()->model()->index(0, 0).data(ReviewTreeModel::TickedCountRole).toInt(), 1);

        // In a text field the same keys are text.
        QPlainTextEdit *note = review()->checklist()->categoryNote();
        QTest::mouseClick(note->viewport(), Qt::LeftButton);
        QTRY_VERIFY(note->hasFocus());
        QTest::keyClicks(note, QStringLiteral("j k n p"));
        QCOMPARE(note->toPlainText(), QStringLiteral("j k n p"));
        QCOMPARE(review()->submissionId(), QStringLiteral("s_00002"));
        ticks = ok(m_cache->work().checklistTicks(QStringLiteral("s_00002")));
        QCOMPARE(ticks.value(QStringLiteral("seg.c2")).checked, false);

        // A click on the box unticks the first again.
        QListView *items = review()->checklist()->items();
        const QModelIndex first = items->model()->index(0, 0);
        QStyleOptionViewItem option;
        option.initFrom(items);
        option.rect = items->visualRect(first);
        option.features = QStyleOptionViewItem::HasCheckIndicator;
        const QRect box = items->style()->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &option, items);
        QTest::mouseClick(items->viewport(), Qt::LeftButton, {}, box.center());
        QTRY_COMPARE(first.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
        ticks = ok(m_cache->work().checklistTicks(QStringLiteral("s_00002")));
        QCOMPARE(ticks.value(QStringLiteral("seg.c1")).checked, false);
    }

    void typedNotesAreInTheCacheAfterTheDebounce()
    {
        clickRow(QStringLiteral("s_00002"));
        DebouncedWriter *writer = review()->writer();
        QSignalSpy saved(writer, &DebouncedWriter::saved);
        QPlainTextEdit *note = review()->checklist()->itemNote();
        QTest::mouseClick(note->viewport(), Qt::LeftButton);
        QTRY_VERIFY(note->hasFocus());
        QTest::keyClicks(note, QStringLiteral("Ask for the RLS policy"));
        QCOMPARE(review()->saveIndicator()->text(), QStringLiteral("Saving…"));
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 300 + 200);
        QCOMPARE(review()->saveIndicator()->text(), QStringLiteral("Saved"));
        auto notes = ok(m_cache->work().notes(QStringLiteral("s_00002")));
        QCOMPARE(notes.value(QStringLiteral("seg.c1")).body, QStringLiteral("Ask for the RLS policy"));

        // Typed and left at once (j leaves the submission): nothing is lost.
        QTest::keyClicks(note, QStringLiteral(" file"));
        m_window->action(QStringLiteral("nextSubmission"))->trigger();
        notes = ok(m_cache->work().notes(QStringLiteral("s_00002")));
        QCOMPARE(notes.value(QStringLiteral("seg.c1")).body, QStringLiteral("Ask for the RLS policy file"));
    }

    void aCommentGoesThroughTheOutbox()
    {
        clickRow(QStringLiteral("s_00002"));
        review()->navigator()->tree()->setFocus();
        key(Qt::Key_C);
        CommentsPane *comments = review()->comments();
        QTRY_VERIFY(comments->composer()->hasFocus());
        QTest::keyClicks(comments->composer(), QStringLiteral("Which RLS policy covers reports?"));
        QTest::mouseClick(comments->askButton(), Qt::LeftButton);
        const auto entries = ok(m_cache->outbox().inState(OutboxEntry::State::Pending));
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().kind, OutboxEntry::Kind::Comment);
        QCOMPARE(entries.first().payload.value(QStringLiteral("visibility")).toString(), QStringLiteral("partner"));
        QCOMPARE(entries.first().payload.value(QStringLiteral("body")).toString(), QStringLiteral("Which RLS policy covers reports?"));
        QVERIFY(comments->composer()->toPlainText().isEmpty());
        // Shown as ours and unsent, awaiting the partner; the header and the history say so too.
        QAbstractItemModel *list = comments->list()->model();
        const QModelIndex last = list->index(list->rowCount() - 1, 0);
        QVERIFY(last.data(CommentsModel::IdRole).toString().startsWith(QStringLiteral("outbox:")));
        QCOMPARE(last.data(CommentsModel::KindRole).toInt(), int(CommentsModel::Kind::ClarificationRequest));
        QVERIFY(comments->awaitingLabel()->isVisibleTo(comments));
        QVERIFY(review()->header()->outboxText().contains(QStringLiteral("1 change pending upload")));
        const QModelIndex newest = review()->history()->list()->model()->index(0, 0);
        QVERIFY(newest.data(HistoryModel::LocalRole).toBool());
        QVERIFY(newest.data().toString().contains(QStringLiteral("pending upload")));
    }

    void approveWaitsForTheLastRequiredItem()
    {
        QVERIFY(ok(m_cache->users().storeMe({QStringLiteral("u_alice"), QStringLiteral("Alice Reviewer"), {QStringLiteral("reviewer")}})));
        const QString id = QStringLiteral("s_00002"); // assigned to Alice, at the review stage
        clickRow(id);
        QAction *approve = m_window->action(QStringLiteral("approve"));
        QAction *reject = m_window->action(QStringLiteral("reject"));
        QVERIFY(!approve->isEnabled());
        QVERIFY2(!approve->toolTip().isEmpty() && approve->toolTip() != QStringLiteral("Approve…"), qPrintable(approve->toolTip()));
        QVERIFY(reject->isEnabled());
        // A reviewer cannot return; that is the security stage's.
        QVERIFY(!m_window->action(QStringLiteral("return"))->isEnabled());

        // Every required item of every category, ticked with Space.
        const Questionnaire &q = review()->context().questionnaire;
        int ticked = 0;
        for (const Questionnaire::Category &category : q.categories) {
            QVERIFY(review()->navigator()->selectQuestion(category.questions.first().key));
            ChecklistModel *items = review()->checklist()->model();
            QCOMPARE(items->categoryKey(), category.key);
            for (int row = 0; row < items->rowCount(); ++row) {
                if (!items->index(row).data(ChecklistModel::RequiredRole).toBool())
                    continue;
                QVERIFY(!approve->isEnabled());
                review()->checklist()->items()->setCurrentIndex(items->index(row));
                review()->navigator()->tree()->setFocus();
                key(Qt::Key_Space);
                ++ticked;
            }
        }
        QCOMPARE(ticked, q.requiredChecklistKeys().size());
        QVERIFY2(approve->isEnabled(), qPrintable(approve->toolTip()));

        // Evidence with secrets findings nobody has opened (found after the
        // screen was opened: a reload reads them).
        const Submission s = test::submission(2);
        SecretFinding aws;
        aws.kind = SecretFinding::Kind::CloudAccessKey;
        aws.rule = QStringLiteral("aws-access-key-id");
        aws.line = 2;
        aws.length = 20;
        QVERIFY(ok(m_cache->findings().store(s.evidence.at(0).sha256, SecretsFinder::Version, {{aws, aws}, false})));
        QVERIFY(ok(review()->reload()));

        // A opens the verdict dialog on an approve, which warns of them.
        bool opened = false;
        QStringList warnings;
        QTimer::singleShot(0, this, [&opened, &warnings] {
            auto *dialog = qobject_cast<VerdictDialog *>(QApplication::activeModalWidget());
            opened = dialog && dialog->decision() == Verdict::Decision::Approve;
            if (!dialog)
                return;
            if (auto *list = dialog->findChild<QListWidget *>(QStringLiteral("approveWarnings")))
                for (int i = 0; i < list->count(); ++i)
                    warnings.append(list->item(i)->text());
            dialog->reject();
        });
        key(Qt::Key_A);
        QVERIFY(opened);
        QVERIFY2(warnings.filter(QStringLiteral("csrf-middleware.py")).filter(QStringLiteral("secrets finding")).size() == 1,
                 qPrintable(warnings.join(u'|')));
    }

    void aConflictShowsBothSidesAndDiscarding()
    {
        const QString id = QStringLiteral("s_00002");
        const qint64 entry = ok(m_cache->outbox().recordVerdict(
            id, Verdict::Decision::Reject, {},
            {{QStringLiteral("csrf_protection"), QStringLiteral("csrf.no_token"), QStringLiteral("settings form")}},
            QStringLiteral("No CSRF token on the settings form")));
        SubmissionSummary server = test::summary(2, 2);
        server.assignee = QStringLiteral("u_bob");
        QVERIFY(ok(m_cache->outbox().settle(entry, OutboxEntry::State::Conflict,
                                            QStringLiteral("409 version_conflict: the submission changed since version 1"),
                                            server.toJson())));
        clickRow(id);
        QVERIFY(review()->header()->outboxText().contains(QStringLiteral("conflict")));
        QVERIFY(review()->conflictView());
        QVERIFY(review()->conflictView()->isVisibleTo(review()));
        // Discarded from the screen: nothing waits any more, the panel goes.
        QPushButton *discard = nullptr;
        for (QPushButton *b : review()->conflictView()->findChildren<QPushButton *>())
            if (b->text().contains(QStringLiteral("Discard")))
                discard = b;
        QVERIFY(discard);
        QTest::mouseClick(discard, Qt::LeftButton);
        QTRY_VERIFY(!review()->conflictView());
        const std::optional<OutboxEntry> settled = ok(m_cache->outbox().entry(entry));
        QVERIFY(settled);
        QCOMPARE(settled->state, OutboxEntry::State::Superseded);
        QVERIFY(review()->header()->outboxText().contains(QStringLiteral("nothing waiting")));
    }

    void commentsSinceTheLastOpeningAreNew()
    {
        const QString id = QStringLiteral("s_00002");
        clickRow(id);
        QAbstractItemModel *comments = review()->comments()->list()->model();
        QCOMPARE(comments->rowCount(), 1);
        QCOMPARE(comments->index(0, 0).data(CommentsModel::NewRole).toBool(), false);
        key(Qt::Key_Escape);

        // The partner replies after that opening; the sync stores it.
        Submission withReply = test::submission(2, 2);
        Comment reply;
        reply.id = QStringLiteral("c_reply");
        reply.author = QStringLiteral("p_2");
        reply.visibility = Comment::Visibility::Partner;
        reply.from = Comment::From::Partner;
        reply.body = QStringLiteral("The RLS policy file is attached.");
        reply.createdAt = QDateTime::currentDateTimeUtc().addSecs(60);
        withReply.comments.append(reply);
        QVERIFY(ok(m_cache->submissions().store(withReply)));
        m_window->submissionsChanged({id});

        clickRow(id);
        QCOMPARE(comments->rowCount(), 2);
        QCOMPARE(comments->index(0, 0).data(CommentsModel::NewRole).toBool(), false);
        QCOMPARE(comments->index(1, 0).data(CommentsModel::NewRole).toBool(), true);
        QCOMPARE(comments->index(1, 0).data(CommentsModel::KindRole).toInt(), int(CommentsModel::Kind::PartnerReply));
        QVERIFY(!review()->comments()->awaitingLabel()->isVisibleTo(review()->comments()));
    }

    void aLeadAssignsAReviewerNobodyElseCan()
    {
        QVERIFY(ok(m_cache->users().storeUsers({{QStringLiteral("u_bob"), QStringLiteral("Bob Reviewer"), {QStringLiteral("reviewer")}},
                                                {QStringLiteral("u_carol"), QStringLiteral("Carol Lead"), {QStringLiteral("lead")}}})));
        QVERIFY(ok(m_cache->users().storeMe({QStringLiteral("u_bob"), QStringLiteral("Bob Reviewer"), {QStringLiteral("reviewer")}})));
        clickRow(QStringLiteral("s_00003"));
        QAction *assign = m_window->action(QStringLiteral("assign"));
        QVERIFY(!assign->isEnabled());
        QVERIFY(assign->toolTip().contains(QStringLiteral("lead")));

        QVERIFY(ok(m_cache->users().storeMe({QStringLiteral("u_carol"), QStringLiteral("Carol Lead"), {QStringLiteral("lead")}})));
        m_window->showQueue();
        clickRow(QStringLiteral("s_00003"));
        QVERIFY(assign->isEnabled());
        // The picker offers the reviewers; Bob is chosen.
        QTimer::singleShot(0, this, [] {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QVERIFY(dialog->comboBoxItems().contains(QStringLiteral("Bob Reviewer")));
            QVERIFY(!dialog->comboBoxItems().contains(QStringLiteral("Carol Lead")));
            dialog->setTextValue(QStringLiteral("Bob Reviewer"));
            dialog->accept();
        });
        QTest::keyClick(review()->navigator()->tree(), Qt::Key_A, Qt::ShiftModifier);
        const auto entries = ok(m_cache->outbox().inState(OutboxEntry::State::Pending));
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().kind, OutboxEntry::Kind::Assignment);
        QCOMPARE(entries.first().payload.value(QStringLiteral("assignee")).toString(), QStringLiteral("u_bob"));
        QVERIFY(review()->header()->outboxText().contains(QStringLiteral("pending upload")));
    }

    void everyControlHasAName()
    {
        clickRow(Resubmitted);
        const auto widgets = review()->findChildren<QWidget *>();
        int checked = 0;
        for (QWidget *w : widgets) {
            if (w->focusPolicy() == Qt::NoFocus || !w->isVisibleTo(review()) || qobject_cast<QTabBar *>(w))
                continue;
            QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
            QVERIFY(iface);
            QVERIFY2(!iface->text(QAccessible::Name).isEmpty(), w->metaObject()->className());
            ++checked;
        }
        QVERIFY(checked >= 8);
        // Every review action is in a menu with its shortcut.
        for (const QString &name : {QStringLiteral("nextSubmission"), QStringLiteral("previousQuestion"),
                                    QStringLiteral("tickItem"), QStringLiteral("comment"), QStringLiteral("approve")}) {
            QAction *a = m_window->action(name);
            QVERIFY2(a, qPrintable(name));
            QVERIFY(!a->shortcut().isEmpty());
            QVERIFY(!a->associatedObjects().isEmpty());
        }
    }

    // A re-validation's diff is against the approved submission it
    // re-checks (its previous_submission_id), not against the app's latest
    // other submission: here a withdrawn one, cached, submitted after the
    // approval with other answers.
    void aRevalidationComparesWithTheApprovedSubmission()
    {
        Submission approved = test::submission(20);
        approved.summary.status = SubmissionSummary::Status::Approved;
        approved.summary.stage = SubmissionSummary::Stage::Done;
        approved.summary.badgeExpiresAt = approved.summary.updatedAt.addYears(1);
        approved.summary.previousSubmissionId.reset();
        Submission withdrawn = test::submission(21);
        withdrawn.summary.appId = approved.summary.appId;
        withdrawn.summary.status = SubmissionSummary::Status::Withdrawn;
        withdrawn.summary.stage = SubmissionSummary::Stage::Done;
        withdrawn.summary.submittedAt = approved.summary.submittedAt.addDays(30);
        withdrawn.summary.previousSubmissionId.reset();
        for (Answer &a : withdrawn.answers)
            a.text = QStringLiteral("Withdrawn: ") + a.text;
        // Pre-filled from the approved one (its files under new ids), then
        // the partner updated seg.1.
        Submission reval = test::submission(22);
        reval.summary.appId = approved.summary.appId;
        reval.summary.kind = SubmissionSummary::Kind::Revalidation;
        reval.summary.previousSubmissionId = approved.summary.id;
        reval.summary.submittedAt = withdrawn.summary.submittedAt.addDays(300);
        reval.answers = approved.answers;
        reval.evidence = approved.evidence;
        for (EvidenceItem &e : reval.evidence)
            e.id = QStringLiteral("r_") + e.id;
        for (Answer &a : reval.answers) {
            for (QString &id : a.evidenceIds)
                id = QStringLiteral("r_") + id;
            if (a.questionKey == QLatin1String("seg.1"))
                a.text += QStringLiteral(" The reporting replica too.");
        }
        for (const Submission &s : {approved, withdrawn, reval})
            QVERIFY(ok(m_cache->submissions().store(s)));

        QCOMPARE(review()->open(reval.summary.id).errorString(), QString());
        const ReviewContext &c = review()->context();
        QVERIFY(c.previous);
        QCOMPARE(c.previous->summary.id, approved.summary.id);
        QVERIFY(c.comparison.hasPrevious());
        QCOMPARE(c.comparison.change(QStringLiteral("csrf.1")), AnswerComparison::Change::Unchanged);
        QCOMPARE(c.comparison.change(QStringLiteral("xss.1")), AnswerComparison::Change::Unchanged);
        QCOMPARE(c.comparison.change(QStringLiteral("seg.1")), AnswerComparison::Change::Changed);
        QCOMPARE(c.comparison.question(QStringLiteral("csrf.1"))->previousText, approved.answers.first().text);
        for (const AnswerComparison::EvidenceDelta &d : c.comparison.evidence())
            QCOMPARE(d.change, AnswerComparison::EvidenceChange::Unchanged);
    }
};

QTEST_MAIN(TestReviewView)
#include "tst_reviewview.moc"
