#include "common/ResultCheck.h"
#include "common/TestData.h"
#include "models/Cache.h"
#include "models/EvidenceFindings.h"
#include "models/QueueModel.h"
#include "models/ReviewWork.h"
#include "models/SubmissionStore.h"
#include "ui/MainWindow.h"
#include "ui/review/AnswerPane.h"
#include "ui/review/ChecklistPane.h"
#include "ui/review/EvidencePane.h"
#include "ui/review/QuestionNavigator.h"
#include "ui/review/ReviewHeader.h"
#include "ui/review/ReviewView.h"

#include <QApplication>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSplitter>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace assay;
using test::ok;

namespace {
QModelIndex rowOf(QAbstractItemModel *model, const QString &id)
{
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, 0).data(QueueModel::IdRole).toString() == id)
            return model->index(r, 0);
    return {};
}
} // namespace

// The review screen's side of the secrets finder (issue 11): the counts the
// sync stored, what opening an item marks seen, and "Add to rejection note".
class TestReviewFindings : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Profile> m_profile;
    std::unique_ptr<Cache> m_cache;
    std::unique_ptr<MainWindow> m_window;
    int m_run = 0;

    ReviewView *review() { return m_window->reviewView(); }

    void clickRow(const QString &id)
    {
        QTableView *view = m_window->queueView();
        const QModelIndex row = rowOf(view->model(), id);
        QVERIFY2(row.isValid(), qPrintable(id));
        view->scrollTo(row);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(row).center());
        QTRY_VERIFY(m_window->isReviewing());
        QCOMPARE(review()->submissionId(), id);
    }

    void key(int k, Qt::KeyboardModifiers mods = {})
    {
        QWidget *focus = QApplication::focusWidget();
        QVERIFY(focus);
        QTest::keyClick(focus, Qt::Key(k), mods);
    }

private Q_SLOTS:
    void init()
    {
        m_profile = std::make_unique<Profile>(m_dir.filePath(QStringLiteral("p%1").arg(++m_run)));
        QCOMPARE(m_profile->ensureExists().errorString(), QString());
        m_cache = std::make_unique<Cache>();
        QVERIFY(ok(m_cache->open(m_profile->cachePath())));
        for (int i = 0; i < 6; ++i)
            QVERIFY(ok(m_cache->submissions().store(test::submission(i))));
        const std::optional<Questionnaire> questionnaire = Questionnaire::builtin(QStringLiteral("2026.1"));
        QVERIFY(questionnaire);
        QVERIFY(ok(m_cache->submissions().storeQuestionnaire(*questionnaire)));
        m_window = std::make_unique<MainWindow>(m_cache.get(), *m_profile);
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_cache.reset();
    }

    // The secrets finder's counts are on the evidence list and in the
    // header before anything is opened; opening an item counts as seeing
    // its findings (what the verdict dialog warns of is what is left); a
    // finding's reference goes into the category's note, never the secret.
    void findingsAreCountedAndOpeningMarksThemSeen()
    {
        const Submission s = test::submission(2);
        SecretFinding aws;
        aws.kind = SecretFinding::Kind::CloudAccessKey;
        aws.rule = QStringLiteral("aws-access-key-id");
        aws.line = 2;
        aws.column = 25;
        aws.length = 20;
        SecretFinding again = aws;
        again.line = 7;
        SecretFinding mail = aws;
        mail.kind = SecretFinding::Kind::Email;
        mail.rule = QStringLiteral("email");
        mail.line = 9;
        QVERIFY(ok(m_cache->findings().store(s.evidence.at(0).sha256, SecretsFinder::Version, {{aws, again, mail}, false})));
        QVERIFY(ok(m_cache->findings().storeNotText(s.evidence.at(1).sha256, SecretsFinder::Version)));

        clickRow(QStringLiteral("s_00002"));
        QCOMPARE(review()->header()->findingsText(),
                 QStringLiteral("3 secrets findings in evidence · 1 item with findings not opened yet · 1 item not scanned"));
        QCOMPARE(review()->context().unseenFindings, (QHash<QString, int>{{QStringLiteral("e_2_1"), 3}}));
        QVERIFY(review()->navigator()->selectQuestion(QStringLiteral("csrf.1")));
        QTreeWidget *evidence = review()->answers()->evidenceList();
        QCOMPARE(evidence->headerItem()->text(5), QStringLiteral("Findings"));
        QCOMPARE(evidence->topLevelItemCount(), 1);
        QCOMPARE(evidence->topLevelItem(0)->text(5), QStringLiteral("3"));

        // Before an item is opened the viewer has the small share of the
        // column; opening one gives it most.
        auto *column = review()->findChild<QSplitter *>(QStringLiteral("AnswerEvidenceSplitter"));
        QVERIFY(column);
        QVERIFY2(column->sizes().value(1) < column->sizes().value(0), "the answer has the larger share at first");
        evidence->setFocus();
        evidence->setCurrentItem(evidence->topLevelItem(0));
        QTest::keyClick(evidence, Qt::Key_Return);
        QCOMPARE(review()->evidence()->item()->id, QStringLiteral("e_2_1"));
        QVERIFY2(column->sizes().value(1) > column->sizes().value(0), "an opened item gets the larger share");
        QVERIFY(ok(m_cache->findings().unseenWithFindings(QStringLiteral("s_00002"))).isEmpty());
        QVERIFY(review()->context().unseenFindings.isEmpty());
        QCOMPARE(review()->header()->findingsText(), QStringLiteral("3 secrets findings in evidence · 1 item not scanned"));

        // An image or binary is "not scanned", not clean.
        QVERIFY(review()->navigator()->selectQuestion(QStringLiteral("xss.1")));
        QCOMPARE(evidence->topLevelItem(0)->text(5), QStringLiteral("not scanned"));
        QVERIFY(evidence->topLevelItem(0)->toolTip(5).contains(QStringLiteral("image or binary")));

        // "Add to rejection note": onto the current category's note, each
        // reference on its own line, saved at once, and the status line says so.
        QVERIFY(review()->navigator()->selectQuestion(QStringLiteral("csrf.1")));
        const QString category = review()->navigator()->currentCategoryKey();
        QSignalSpy status(review(), &ReviewView::statusMessage);
        QVERIFY(ok(review()->addToRejectionNote(QStringLiteral("line 2, AWS access key"))));
        QVERIFY(ok(review()->addToRejectionNote(QStringLiteral("line 7, AWS access key"))));
        const QString expected =
            QStringLiteral("csrf-middleware.py: line 2, AWS access key\ncsrf-middleware.py: line 7, AWS access key");
        QCOMPARE(ok(m_cache->work().notes(QStringLiteral("s_00002"))).value(category).body, expected);
        QCOMPARE(review()->checklist()->categoryNote()->toPlainText(), expected);
        QCOMPARE(status.count(), 2);
        QVERIFY(status.last().first().toString().contains(QStringLiteral("line 7, AWS access key")));
        // The evidence viewer's button comes through the evidence pane.
        Q_EMIT review()->evidence()->referenceRequested(QStringLiteral("line 9, e-mail address"));
        QCOMPARE(ok(m_cache->work().notes(QStringLiteral("s_00002"))).value(category).body,
                 expected + QStringLiteral("\ncsrf-middleware.py: line 9, e-mail address"));
        QCOMPARE(status.count(), 3);

        // A submission whose files were not scanned (one never, one an
        // image: its file is the html item's above) says so.
        key(Qt::Key_Escape);
        QTRY_VERIFY(!m_window->isReviewing());
        clickRow(QStringLiteral("s_00004"));
        QCOMPARE(review()->header()->findingsText(),
                 QStringLiteral("No secrets findings in the evidence scanned · 2 items not scanned"));

        // Shown another way (assay --show evidence:ID), an item is seen too.
        const Submission four = test::submission(4);
        QVERIFY(ok(m_cache->findings().store(four.evidence.at(0).sha256, SecretsFinder::Version, {{mail}, false})));
        QVERIFY(ok(review()->reload()));
        QCOMPARE(review()->header()->findingsText(),
                 QStringLiteral("1 secrets finding in evidence · 1 item with findings not opened yet · 1 item not scanned"));
        review()->showEvidence(four.evidence.at(0));
        QCOMPARE(review()->evidence()->item()->id, QStringLiteral("e_4_1"));
        QVERIFY(ok(m_cache->findings().unseenWithFindings(QStringLiteral("s_00004"))).isEmpty());
        QCOMPARE(review()->header()->findingsText(), QStringLiteral("1 secrets finding in evidence · 1 item not scanned"));
    }

};

QTEST_MAIN(TestReviewFindings)
#include "tst_reviewfindings.moc"
