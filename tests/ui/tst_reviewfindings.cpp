#include "ReviewWindowFixture.h"
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


// The review screen's side of the secrets finder (issue 11): the counts the
// sync stored, what opening an item marks seen, and "Add to rejection note".
class TestReviewFindings : public QObject, private test::ReviewWindowFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { open(); }
    void cleanup() { close(); }

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
