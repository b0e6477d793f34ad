// The review screen over a cache filled by a real sync from the reference
// marketplace (in-process, real HTTP on loopback), refreshed when the sync
// says a submission changed.

#include "common/HttpClient.h"
#include "common/LoopbackMarketplace.h"
#include "common/ResultCheck.h"
#include "models/Cache.h"
#include "models/CommentsModel.h"
#include "models/SubmissionStore.h"
#include "sync/SyncEngine.h"
#include "ui/MainWindow.h"
#include "ui/review/AnswerPane.h"
#include "ui/review/CommentsPane.h"
#include "ui/review/QuestionNavigator.h"
#include "ui/review/ReviewView.h"

#include <QListView>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>

using namespace assay;
using namespace Qt::StringLiterals;

class TestReviewSync : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static void sync(const QUrl &server, const QString &profileDir, MainWindow *window = nullptr)
    {
        SyncEngine::Options o;
        o.server = server;
        o.token = test::LoopbackMarketplace::token(u"u_alice"_s);
        o.profileDir = profileDir;
        o.evidence = false;
        o.maxBackoffMs = 300;
        SyncEngine engine(o);
        if (window)
            connect(&engine, &SyncEngine::submissionsChanged, window, &MainWindow::submissionsChanged);
        QSignalSpy done(&engine, &SyncEngine::finished);
        engine.start();
        QVERIFY(done.wait(120000));
        QVERIFY(done.first().at(0).value<SyncEngine::Report>().inStep);
    }

    static bool hasMarkedWords(const QTextDocument *doc)
    {
        for (QTextBlock b = doc->begin(); b.isValid(); b = b.next())
            for (auto it = b.begin(); !it.atEnd(); ++it)
                if (it.fragment().charFormat().fontUnderline() || it.fragment().charFormat().fontStrikeOut())
                    return true;
        return false;
    }

private Q_SLOTS:
    void aSyncedResubmissionShowsItsDiffAndRefreshes()
    {
        test::LoopbackMarketplace market(30);
        QVERIFY2(market.ok(), qPrintable(market.error()));
        const Profile profile(m_dir.filePath(u"p"_s));
        QCOMPARE(profile.ensureExists().errorString(), QString());
        sync(market.url(), profile.dir());
        if (QTest::currentTestFailed())
            return;

        Cache cache;
        QVERIFY(test::ok(cache.open(profile.cachePath())));
        // A resubmission whose previous submission the sync brought too (not
        // a re-validation: the seeded open ones are still the approved
        // answers, with no changed answer to open at).
        QString id;
        for (const SubmissionSummary &s : test::ok(cache.submissions().summaries())) {
            if (s.kind == SubmissionSummary::Kind::Resubmission && s.previousSubmissionId
                && test::ok(cache.submissions().summary(*s.previousSubmissionId)) && s.isOpen())
                id = s.id;
        }
        QVERIFY2(!id.isEmpty(), "the seeded marketplace has a resubmission");

        MainWindow window(&cache, profile);
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openReview(id));
        ReviewView *review = window.reviewView();
        // It opens at the first changed answer, with the previous one's words marked.
        const QString first = review->navigator()->currentQuestionKey();
        QVERIFY(!first.isEmpty());
        QCOMPARE(review->context().comparison.isChanged(first), true);
        const QTextBrowser *previous = review->answers()->previousView();
        if (review->context().comparison.question(first)->textChanged)
            QVERIFY2(hasMarkedWords(previous->document()), qPrintable(previous->toPlainText()));
        QVERIFY(!previous->toPlainText().contains(u"not in the cache"_s));

        // Someone asks the partner on the server; the next sync announces the
        // change and the open screen shows the comment without being reopened.
        const int before = review->comments()->list()->model()->rowCount();
        test::HttpClient http(market.url());
        QCOMPARE(http.write("POST", u"/api/v1/submissions/%1/comments"_s.arg(id), test::LoopbackMarketplace::token(u"u_bob"_s),
                            {{u"body"_s, u"Please send the RLS policies."_s}, {u"visibility"_s, u"partner"_s}})
                     .status,
                 201);
        sync(market.url(), profile.dir(), &window);
        QTRY_COMPARE(review->comments()->list()->model()->rowCount(), before + 1);
        QCOMPARE(review->submissionId(), id);
        QCOMPARE(review->navigator()->currentQuestionKey(), first);
    }
};

QTEST_MAIN(TestReviewSync)
#include "tst_review_sync.moc"
