#include "domain/Questionnaire.h"
#include "server/Seeder.h"
#include "server/ServerStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace assay;
using namespace assay::server;
using namespace Qt::StringLiterals;

class TestSeeder : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;

    std::unique_ptr<ServerStore> seeded(int count, quint32 seed)
    {
        auto store = std::make_unique<ServerStore>();
        if (!store->open(m_dir.filePath(u"s%1.sqlite"_s.arg(++m_n))))
            qFatal("%s", qPrintable(store->errorString()));
        for (const User &u : Seeder::demoUsers())
            store->addUser(u);
        const QString error = Seeder::seed(*store, count, seed);
        if (!error.isEmpty())
            qFatal("%s", qPrintable(error));
        return store;
    }

    static QByteArray dump(ServerStore &store)
    {
        QJsonArray all;
        const auto page = store.feed(0, 1000000);
        for (const SubmissionSummary &s : page->items) {
            const auto full = store.submission(s.id);
            all.append(full->toJson());
        }
        return QJsonDocument(all).toJson(QJsonDocument::Compact);
    }

private Q_SLOTS:
    void deterministicForASeed()
    {
        auto a = seeded(25, 11);
        auto b = seeded(25, 11);
        auto c = seeded(25, 12);
        QCOMPARE(dump(*a), dump(*b));
        QVERIFY(dump(*a) != dump(*c));
        // The evidence bytes too.
        const auto ea = a->evidence(u"e_1"_s);
        const auto eb = b->evidence(u"e_1"_s);
        QVERIFY(ea && eb);
        QCOMPARE(ea->content, eb->content);
        // Tokens are not part of it: fresh ones each time.
        QVERIFY(a->user(u"u_alice"_s)->token != b->user(u"u_alice"_s)->token);
    }

    void seedingAgainAddsNothing()
    {
        auto store = seeded(15, 3);
        QCOMPARE(store->submissionCount(), 15);
        QCOMPARE(Seeder::seed(*store, 15, 3), QString());
        QCOMPARE(store->submissionCount(), 15);
    }

    void aBelievableSpread()
    {
        auto store = seeded(60, 5);
        const auto items = store->feed(0, 1000)->items;
        QCOMPARE(items.size(), 60);
        QSet<SubmissionSummary::Status> statuses;
        int openAtReview = 0, atSecurity = 0, withPrevious = 0, unassigned = 0;
        QSet<QString> assignees, mediaTypes;
        QDateTime oldest = items.first().submittedAt, newest = oldest;
        for (const SubmissionSummary &s : items) {
            statuses.insert(s.status);
            openAtReview += s.stage == SubmissionSummary::Stage::Review ? 1 : 0;
            atSecurity += s.stage == SubmissionSummary::Stage::Security ? 1 : 0;
            unassigned += !s.assignee ? 1 : 0;
            if (s.assignee)
                assignees.insert(*s.assignee);
            oldest = std::min(oldest, s.submittedAt);
            newest = std::max(newest, s.submittedAt);
            QVERIFY(s.updatedAt >= s.submittedAt);
            if (s.status == SubmissionSummary::Status::Approved)
                QVERIFY(s.badgeExpiresAt && !s.resubmissionAllowedAt);
            if (s.status == SubmissionSummary::Status::Rejected)
                QVERIFY(s.resubmissionAllowedAt && !s.badgeExpiresAt);
            const auto full = store->submission(s.id);
            for (const EvidenceItem &e : full->evidence)
                mediaTypes.insert(e.mediaType);
            if (s.previousSubmissionId) {
                ++withPrevious;
                const auto previous = store->submission(*s.previousSubmissionId);
                QVERIFY(previous);
                QCOMPARE(previous->summary.appId, s.appId);
                QVERIFY(previous->summary.submittedAt < s.submittedAt);
                int changed = 0;
                for (int i = 0; i < full->answers.size(); ++i)
                    changed += full->answers.at(i).text != previous->answers.at(i).text ? 1 : 0;
                QVERIFY2(changed >= 1 && changed <= 6, qPrintable(QString::number(changed)));
            }
        }
        QVERIFY(statuses.size() >= 4);
        QVERIFY(openAtReview >= 2);
        QVERIFY(atSecurity >= 1);
        QVERIFY(withPrevious >= 3);
        QVERIFY(unassigned >= 2);
        QVERIFY(assignees.size() >= 3);
        QVERIFY(oldest.daysTo(newest) > 90);
        for (const char *type : {"text/html", "application/pdf", "image/png", "text/plain"})
            QVERIFY2(mediaTypes.contains(QString::fromLatin1(type)), type);
        QVERIFY(mediaTypes.size() >= 6);
    }

    void answersReadLikeAnswers()
    {
        auto store = seeded(10, 8);
        const auto s = store->submission(u"s_00001"_s);
        QCOMPARE(s->answers.size(), Questionnaire::builtin(u"2026.1"_s)->questionKeys().size());
        for (const Answer &a : s->answers) {
            QVERIFY(a.text.size() > 40);
            QVERIFY(!a.text.contains(u"{app}"_s) && !a.text.contains(u"{partner}"_s));
            for (const QString &e : a.evidenceIds)
                QVERIFY(std::any_of(s->evidence.cbegin(), s->evidence.cend(), [&e](const EvidenceItem &x) { return x.id == e; }));
        }
    }
};

QTEST_MAIN(TestSeeder)
#include "tst_seeder.moc"
