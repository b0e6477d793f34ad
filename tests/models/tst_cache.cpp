#include "common/TestData.h"
#include "models/Cache.h"
#include "domain/Migrations.h"
#include "models/Profile.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUuid>

using namespace assay;

class TestCache : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;

    QString freshPath() { return m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(++m_n)); }

    // Reads a pragma through a separate, plain connection, as an outside
    // tool would see the file.
    static QVariant pragma(const QString &path, const QString &name)
    {
        QVariant v;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("probe"));
            db.setDatabaseName(path);
            db.open();
            QSqlQuery q(db);
            q.exec(QStringLiteral("PRAGMA ") + name);
            if (q.next())
                v = q.value(0);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("probe"));
        return v;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void createsSchemaWithWalAndForeignKeys()
    {
        const QString path = freshPath();
        Cache cache;
        QVERIFY2(cache.open(path), qPrintable(cache.errorString()));
        QCOMPARE(cache.schemaVersion(), Migrations::latestVersion());
        QVERIFY(Migrations::latestVersion() >= 1);
        QCOMPARE(pragma(path, QStringLiteral("journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(cache.integrityCheck(), QStringLiteral("ok"));
        // Foreign keys are enforced on the cache's own connection: an answer
        // for a submission that does not exist is refused.
        Submission orphan = test::submission(1);
        QVERIFY(cache.storeSubmission(orphan));
        QCOMPARE(cache.submission(orphan.summary.id)->answers.size(), 3);
    }

    void theWindowsConnectionLeavesCheckpointsToTheSync()
    {
        // ~70 MB of commits, twice the 32 MB at which a commit copies the
        // WAL back into the database: on the window's connection none does,
        // so the WAL holds them all; on the sync's (the control) the WAL is
        // reused after each checkpoint.
        auto walAfterBulkWrites = [this](bool checkpointing) -> qint64 {
            const QString path = freshPath();
            Cache cache;
            if (!cache.open(path) || !cache.setCheckpointing(checkpointing))
                return -1;
            const QString text(32 * 1024, QLatin1Char('x'));
            for (int batch = 0; batch < 22; ++batch) {
                QList<Submission> subs;
                for (int i = 0; i < 100; ++i) {
                    Submission s = test::submission(batch * 100 + i + 1);
                    s.answers = {{QStringLiteral("seg.1"), text, {}}};
                    subs.append(s);
                }
                if (!cache.storeSubmissions(subs))
                    return -1;
            }
            return QFileInfo(path + QStringLiteral("-wal")).size();
        };
        const qint64 threshold = 8192 * 4096;
        const qint64 without = walAfterBulkWrites(false);
        QVERIFY2(without > 2 * threshold, qPrintable(QString::number(without)));
        const qint64 with = walAfterBulkWrites(true);
        QVERIFY2(with >= 0 && with < threshold * 3 / 2, qPrintable(QString::number(with)));
    }

    void reopeningDoesNotMigrateAgain()
    {
        const QString path = freshPath();
        {
            Cache cache;
            QVERIFY(cache.open(path));
            QVERIFY(cache.applyFeedPage({test::summary(1)}, QStringLiteral("c1")));
        }
        Cache again;
        QVERIFY2(again.open(path), qPrintable(again.errorString()));
        QCOMPARE(again.submissionCount(), 1);
        QCOMPARE(again.feedCursor(), QStringLiteral("c1"));
    }

    void refusesANewerSchema()
    {
        const QString path = freshPath();
        {
            Cache cache;
            QVERIFY(cache.open(path));
            QVERIFY(cache.applyFeedPage({test::summary(1)}, QStringLiteral("c1")));
        }
        const int newer = Migrations::latestVersion() + 1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bump"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = %1").arg(newer)));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("bump"));
        Cache cache;
        QVERIFY(!cache.open(path));
        QVERIFY2(cache.errorString().contains(QStringLiteral("newer Assay")), qPrintable(cache.errorString()));
        QVERIFY(!cache.isOpen());
        // Refused means untouched: the version stays, the data stays.
        QCOMPARE(pragma(path, QStringLiteral("user_version")).toInt(), newer);
    }

    void refusesAFileThatIsNotADatabase()
    {
        const QString path = freshPath();
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        Cache cache;
        QVERIFY(!cache.open(path));
        QVERIFY(!cache.errorString().isEmpty());
    }

    void splitsMigrationStatements()
    {
        const QStringList s = Migrations::statements(QStringLiteral(
            "-- comment; not a statement\nCREATE TABLE a (x TEXT CHECK (x IN ('a;b')));\n\nCREATE TABLE b (\n  y INT\n);\n"));
        QCOMPARE(s.size(), 2);
        QVERIFY(s.at(0).contains(QStringLiteral("'a;b'")));
        QVERIFY(s.at(1).startsWith(QStringLiteral("CREATE TABLE b")));
    }

    void feedPageStoresItemsWithCursor()
    {
        Cache cache;
        QVERIFY(cache.open(freshPath()));
        QCOMPARE(cache.feedCursor(), QString());
        QList<SubmissionSummary> page;
        for (int i = 0; i < 50; ++i)
            page.append(test::summary(i));
        QVERIFY(cache.applyFeedPage(page, QStringLiteral("cursor-1")));
        QCOMPARE(cache.submissionCount(), 50);
        QCOMPARE(cache.feedCursor(), QStringLiteral("cursor-1"));
        QCOMPARE(*cache.summary(page.at(7).id), page.at(7));
        // The same submission changed: updated in place, not duplicated.
        SubmissionSummary changed = test::summary(7, 2);
        changed.assignee = std::nullopt;
        changed.status = SubmissionSummary::Status::Rejected;
        changed.stage = SubmissionSummary::Stage::Done;
        changed.resubmissionAllowedAt = QDateTime(QDate(2027, 2, 28), QTime(0, 0), QTimeZone::UTC);
        QVERIFY(cache.applyFeedPage({changed}, QStringLiteral("cursor-2")));
        QCOMPARE(cache.submissionCount(), 50);
        QCOMPARE(*cache.summary(changed.id), changed);
        QCOMPARE(cache.submissionsNeedingDetails().size(), 50);
    }

    void aFailedPageWritesNothing()
    {
        const QString path = freshPath();
        Cache cache;
        QVERIFY(cache.open(path));
        QVERIFY(cache.applyFeedPage({test::summary(1)}, QStringLiteral("c1")));
        // Make the page's second row fail inside SQLite, as a full disk or a
        // constraint would, after the first row was already written.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("saboteur"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER boom BEFORE INSERT ON submissions WHEN NEW.id = 's_00003' "
                                          "BEGIN SELECT RAISE(ABORT, 'injected failure'); END")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("saboteur"));
        QVERIFY(!cache.applyFeedPage({test::summary(2), test::summary(3)}, QStringLiteral("c2")));
        QVERIFY2(cache.errorString().contains(QStringLiteral("injected failure")), qPrintable(cache.errorString()));
        // All or nothing: the good item of the page and the cursor are not there.
        QCOMPARE(cache.submissionCount(), 1);
        QVERIFY(!cache.summary(QStringLiteral("s_00002")));
        QCOMPARE(cache.feedCursor(), QStringLiteral("c1"));
        QVERIFY(cache.search(QStringLiteral("Röntgen")).isEmpty());
    }

    void detailsRoundTrip()
    {
        Cache cache;
        QVERIFY(cache.open(freshPath()));
        const Submission s = test::submission(42, 3);
        QVERIFY2(cache.storeSubmission(s), qPrintable(cache.errorString()));
        const auto back = cache.submission(s.summary.id);
        QVERIFY(back);
        QCOMPARE(*back, s);
        QVERIFY(cache.submissionsNeedingDetails().isEmpty());
        // A newer summary from the feed makes the details stale again.
        QVERIFY(cache.applyFeedPage({test::summary(42, 4)}, QStringLiteral("c")));
        QCOMPARE(cache.submissionsNeedingDetails(), QStringList{s.summary.id});
    }

    // Answers are written several rows per statement: a count that is not a
    // multiple of the chunk comes back whole and in order.
    void manyAnswersRoundTrip()
    {
        Cache cache;
        QVERIFY(cache.open(freshPath()));
        Submission s = test::submission(43);
        s.answers.clear();
        for (int i = 0; i < 41; ++i) {
            s.answers.append({QStringLiteral("q.%1").arg(i), QStringLiteral("answer %1 ✓").arg(i),
                              i % 5 == 0 ? QStringList{s.evidence.first().id} : QStringList{}});
        }
        QVERIFY2(cache.storeSubmission(s), qPrintable(cache.errorString()));
        QCOMPARE(*cache.submission(s.summary.id), s);
        s.summary.version = 2;
        s.answers.resize(17);
        QVERIFY2(cache.storeSubmission(s), qPrintable(cache.errorString()));
        QCOMPARE(*cache.submission(s.summary.id), s);
    }

    void detailsWithABadRowWriteNothing()
    {
        Cache cache;
        QVERIFY(cache.open(freshPath()));
        const Submission good = test::submission(5, 1);
        QVERIFY(cache.storeSubmission(good));
        Submission bad = test::submission(5, 2);
        bad.answers.append({QStringLiteral("mfa.1"), QStringLiteral("new answer"), {}});
        bad.evidence[1].sha256 = QStringLiteral("short"); // violates CHECK (length 64)
        QVERIFY(!cache.storeSubmission(bad));
        QVERIFY(cache.errorString().contains(QStringLiteral("evidence")));
        QCOMPARE(*cache.submission(good.summary.id), good);
    }

    void evidenceStateSurvivesUnchangedContentOnly()
    {
        Cache cache;
        QVERIFY(cache.open(freshPath()));
        Submission s = test::submission(9);
        QVERIFY(cache.storeSubmission(s));
        QVERIFY(cache.setEvidenceState(s.evidence[0].id, EvidenceItem::LocalState::Present));
        QVERIFY(cache.setEvidenceState(s.evidence[1].id, EvidenceItem::LocalState::Present));
        QVERIFY(!cache.setEvidenceState(QStringLiteral("e_nope"), EvidenceItem::LocalState::Present));
        s.summary.version = 2;
        s.evidence[1].sha256 = QString(64, QLatin1Char('a')); // replaced file
        QVERIFY(cache.storeSubmission(s));
        const auto back = cache.submission(s.summary.id);
        QCOMPARE(back->evidence[0].localState, EvidenceItem::LocalState::Present);
        QCOMPARE(back->evidence[1].localState, EvidenceItem::LocalState::Absent);
        QCOMPARE(cache.evidenceInState(EvidenceItem::LocalState::Absent).size(), 1);
        // Evidence the submission no longer lists is gone.
        s.evidence.removeFirst();
        QVERIFY(cache.storeSubmission(s));
        QCOMPARE(cache.submission(s.summary.id)->evidence.size(), 1);
    }

    void itemsOfVerifiedContentAreStoredPresent()
    {
        Cache cache;
        QVERIFY(cache.open(freshPath()));
        Submission s = test::submission(13);
        const QString known = s.evidence[0].sha256;
        QStringList asked;
        cache.setVerifiedContent([&](const QString &sha256) {
            asked.append(sha256);
            return sha256 == known;
        });
        QVERIFY(cache.storeSubmission(s));
        QVERIFY(asked.contains(known));
        auto back = cache.submission(s.summary.id);
        QCOMPARE(back->evidence[0].localState, EvidenceItem::LocalState::Present);
        QCOMPARE(back->evidence[1].localState, EvidenceItem::LocalState::Absent);
        // The second file arrives verified: the next store of the same
        // details marks its item present; a quarantined one stays so.
        QVERIFY(cache.setEvidenceState(s.evidence[0].id, EvidenceItem::LocalState::Mismatch));
        cache.setVerifiedContent([&](const QString &) { return true; });
        s.summary.version = 2;
        QVERIFY(cache.storeSubmission(s));
        back = cache.submission(s.summary.id);
        QCOMPARE(back->evidence[0].localState, EvidenceItem::LocalState::Mismatch);
        QCOMPARE(back->evidence[1].localState, EvidenceItem::LocalState::Present);
    }

    void evidenceStatesAreSetTogetherOrNotAtAll()
    {
        Cache cache;
        QVERIFY(cache.open(freshPath()));
        const Submission a = test::submission(11), b = test::submission(12);
        QVERIFY(cache.storeSubmissions({a, b}));
        const QStringList all = {a.evidence[0].id, a.evidence[1].id, b.evidence[0].id, b.evidence[1].id};
        // One unknown item: nothing changes, and the error says so.
        QVERIFY(!cache.setEvidenceState(all + QStringList{QStringLiteral("e_nope")}, EvidenceItem::LocalState::Present));
        QVERIFY2(cache.errorString().contains(QStringLiteral("1 of 5")), qPrintable(cache.errorString()));
        QCOMPARE(cache.evidenceCount(EvidenceItem::LocalState::Present), 0);
        QVERIFY(cache.setEvidenceState(all, EvidenceItem::LocalState::Present));
        QCOMPARE(cache.evidenceCount(EvidenceItem::LocalState::Present), 4);
        QCOMPARE(cache.evidenceCount(EvidenceItem::LocalState::Absent), 0);
        QCOMPARE(cache.submission(b.summary.id)->evidence[1].localState, EvidenceItem::LocalState::Present);
    }

    void searchFindsPrefixesAcrossFields()
    {
        Cache cache;
        QVERIFY(cache.open(freshPath()));
        for (int i = 0; i < 20; ++i)
            QVERIFY(cache.storeSubmission(test::submission(i)));
        QCOMPARE(cache.search(QStringLiteral("timesh pro")).size(), 4); // apps 0,5,10,15
        QVERIFY(cache.search(QStringLiteral("roentgen")).isEmpty());
        QCOMPARE(cache.search(QStringLiteral("rontgen")).size(), 4); // diacritics folded
        QCOMPARE(cache.search(QStringLiteral("Röntg")).size(), 4); // a word with them stays one word
        QCOMPARE(cache.search(QStringLiteral("CsrfViewMiddleware")).size(), 20);
        QCOMPARE(cache.search(QStringLiteral("row-level")).size(), 20);
        QVERIFY(cache.search(QStringLiteral("kubernetes")).isEmpty());
        // FTS syntax typed by a user is text, never an error.
        for (const QString &odd : {QStringLiteral("\"unbalanced"), QStringLiteral("NOT AND OR"), QStringLiteral("body:x*"),
                                   QStringLiteral("(("), QStringLiteral("-"), QString()}) {
            cache.search(odd);
            QVERIFY2(cache.errorString().isEmpty() || !cache.errorString().contains(QStringLiteral("search")),
                     qPrintable(odd));
        }
    }

    void searchFollowsReplacedAnswers()
    {
        Cache cache;
        QVERIFY(cache.open(freshPath()));
        Submission s = test::submission(7);
        s.answers[0].text = QStringLiteral("quokka-specific wording");
        QVERIFY(cache.storeSubmission(s));
        QCOMPARE(cache.search(QStringLiteral("quokka")), QStringList{s.summary.id});
        s.summary.version = 2;
        s.answers[0].text = QStringLiteral("wombat wording now");
        s.summary.appName = QStringLiteral("Zebracorn Ledger");
        QVERIFY(cache.storeSubmission(s));
        QVERIFY(cache.search(QStringLiteral("quokka")).isEmpty());
        QCOMPARE(cache.search(QStringLiteral("wombat")), QStringList{s.summary.id});
        // The names are indexed anew when the details bring new ones.
        QCOMPARE(cache.search(QStringLiteral("zebracorn")), QStringList{s.summary.id});
        QVERIFY(cache.search(test::summary(7).appName).isEmpty());
        // No answers left: no answer entry left (the names still match).
        s.summary.version = 3;
        s.answers.clear();
        QVERIFY(cache.storeSubmission(s));
        QVERIFY(cache.search(QStringLiteral("wombat")).isEmpty());
        QCOMPARE(cache.search(s.summary.appName), QStringList{s.summary.id});
        QCOMPARE(cache.integrityCheck(), QStringLiteral("ok"));
    }

    // Details arrive in any order; the index is written sorted by row id
    // (FTS5 wants ascending ids within a transaction), and every one is
    // found afterwards.
    void searchIndexesABatchInAnyOrder()
    {
        Cache cache;
        QVERIFY(cache.open(freshPath()));
        QList<SubmissionSummary> summaries;
        for (int i = 0; i < 30; ++i)
            summaries.append(test::summary(i));
        QVERIFY(cache.applyFeedPage(summaries, QStringLiteral("c")));
        QList<Submission> batch;
        for (int i : {17, 3, 29, 0, 11, 28, 5, 22, 1, 14})
            batch.append(test::submission(i));
        for (Submission &s : batch)
            s.answers[0].text = QStringLiteral("marker%1x text").arg(s.summary.id.mid(2).toInt());
        QVERIFY2(cache.storeSubmissions(batch), qPrintable(cache.errorString()));
        for (const Submission &s : std::as_const(batch)) {
            const QString word = QStringLiteral("marker%1x").arg(s.summary.id.mid(2).toInt());
            QCOMPARE(cache.search(word), QStringList{s.summary.id});
        }
        QCOMPARE(cache.search(QStringLiteral("marker")).size(), batch.size());
        QCOMPARE(cache.integrityCheck(), QStringLiteral("ok"));
    }

    // A cache written by schema 1 (search index with its own copy of the
    // text) keeps finding the same things after the move to schema 2.
    void migratesSchemaOneKeepingSearch()
    {
        QTemporaryDir schemaOne;
        QVERIFY(QFile::copy(QStringLiteral(":/assay/sql/001_initial.sql"), schemaOne.filePath(QStringLiteral("001_initial.sql"))));
        const QString path = freshPath();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QCOMPARE(Migrations::migrate(db, schemaOne.path()), QString());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO submissions (num, id, version, app_id, app_name, partner_id, partner_name, "
                "questionnaire_version, status, stage, submitted_at, updated_at) VALUES (5, 's_1', 1, 'a_1', "
                "'Ledgerly', 'p_1', 'Acme Books', '2026.1', 'submitted', 'review', '2026-11-01T00:00:00Z', "
                "'2026-11-01T00:00:00Z')")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO answers (submission_id, position, question_key, text) VALUES "
                                          "('s_1', 1, 'q2', 'tenants isolated by schema'), "
                                          "('s_1', 0, 'q1', 'we rotate keys hourly')")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO search (rowid, body) VALUES (10, 'Ledgerly Acme Books'), "
                                          "(11, 'we rotate keys hourly tenants isolated by schema')")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v1"));
        Cache cache;
        QVERIFY2(cache.open(path), qPrintable(cache.errorString()));
        QCOMPARE(cache.schemaVersion(), Migrations::latestVersion());
        QCOMPARE(cache.search(QStringLiteral("hourly")), QStringList{QStringLiteral("s_1")});
        QCOMPARE(cache.search(QStringLiteral("isolat")), QStringList{QStringLiteral("s_1")});
        QCOMPARE(cache.search(QStringLiteral("acme")), QStringList{QStringLiteral("s_1")});
        QVERIFY(cache.search(QStringLiteral("kubernetes")).isEmpty());
        QCOMPARE(cache.integrityCheck(), QStringLiteral("ok"));
    }

    void questionnairesAreStored()
    {
        Cache cache;
        QVERIFY(cache.open(freshPath()));
        const auto q = Questionnaire::builtin(QStringLiteral("2026.1"));
        QVERIFY(q);
        QVERIFY(!cache.questionnaire(QStringLiteral("2026.1")));
        QVERIFY(cache.missingQuestionnaires().isEmpty()); // no submissions, none needed
        SubmissionSummary older = test::summary(1);
        older.questionnaireVersion = QStringLiteral("2025.2");
        QVERIFY(cache.applyFeedPage({test::summary(0), older, test::summary(2)}, QStringLiteral("c")));
        QStringList missing = cache.missingQuestionnaires();
        missing.sort();
        QCOMPARE(missing, (QStringList{QStringLiteral("2025.2"), QStringLiteral("2026.1")}));
        QVERIFY(cache.storeQuestionnaire(*q));
        QCOMPARE(*cache.questionnaire(QStringLiteral("2026.1")), *q);
        QCOMPARE(cache.missingQuestionnaires(), QStringList{QStringLiteral("2025.2")});
    }

    void reviewerWorkIsKeptAsTyped()
    {
        const QString path = freshPath();
        {
            Cache cache;
            QVERIFY(cache.open(path));
            QVERIFY(cache.setChecklistTick(QStringLiteral("s_1"), QStringLiteral("csrf.c1"), true));
            QVERIFY(cache.setChecklistTick(QStringLiteral("s_1"), QStringLiteral("csrf.c2"), true));
            QVERIFY(cache.setChecklistTick(QStringLiteral("s_1"), QStringLiteral("csrf.c2"), false));
            QVERIFY(cache.setNote(QStringLiteral("s_1"), QStringLiteral("csrf.1"), QStringLiteral("token not rotated?")));
            QVERIFY(cache.setNote(QStringLiteral("s_1"), QString(), QStringLiteral("overall: weak")));
            ReviewDraft d;
            d.submissionId = QStringLiteral("s_1");
            d.decision = Verdict::Decision::Reject;
            d.summary = QStringLiteral("Half-written");
            d.reasons = {{QStringLiteral("csrf_protection"), QStringLiteral("csrf.no_token"), QString()}};
            QVERIFY(cache.saveDraft(d));
        }
        Cache cache;
        QVERIFY(cache.open(path));
        const auto ticks = cache.checklistTicks(QStringLiteral("s_1"));
        QCOMPARE(ticks.size(), 2);
        QCOMPARE(ticks.value(QStringLiteral("csrf.c1")), true);
        QCOMPARE(ticks.value(QStringLiteral("csrf.c2")), false);
        QCOMPARE(cache.notes(QStringLiteral("s_1")).value(QStringLiteral("csrf.1")), QStringLiteral("token not rotated?"));
        QCOMPARE(cache.notes(QStringLiteral("s_1")).value(QString()), QStringLiteral("overall: weak"));
        QVERIFY(cache.setNote(QStringLiteral("s_1"), QString(), QString()));
        QCOMPARE(cache.notes(QStringLiteral("s_1")).size(), 1);
        const auto d = cache.draft(QStringLiteral("s_1"));
        QVERIFY(d);
        QCOMPARE(d->decision, Verdict::Decision::Reject);
        QCOMPARE(d->reasons.size(), 1);
        QCOMPARE(cache.drafts().size(), 1);
        // Sync replacing the cached submission leaves the work alone.
        QVERIFY(cache.storeSubmission(test::submission(1)));
        QCOMPARE(cache.checklistTicks(QStringLiteral("s_1")).size(), 2);
    }

    void outboxLifecycle()
    {
        const QString path = freshPath();
        qint64 id = 0;
        QString key;
        {
            Cache cache;
            QVERIFY(cache.open(path));
            Verdict v;
            v.decision = Verdict::Decision::Approve;
            v.baseVersion = 3;
            v.summary = QStringLiteral("All good");
            const auto made = cache.enqueue(OutboxEntry::Kind::Verdict, QStringLiteral("s_00001"), v.toJson());
            QVERIFY(made);
            id = *made;
            const auto e = cache.outboxEntry(id);
            QCOMPARE(e->state, OutboxEntry::State::Pending);
            QCOMPARE(e->attempts, 0);
            QVERIFY(!QUuid::fromString(e->idempotencyKey).isNull());
            key = e->idempotencyKey;
            QCOMPARE(cache.draft(QStringLiteral("s_00001"))->summary, QStringLiteral("All good"));
            QVERIFY(cache.noteOutboxAttempt(id));
        }
        // Rows survive a restart with the same key.
        Cache cache;
        QVERIFY(cache.open(path));
        QCOMPARE(cache.outboxCount(OutboxEntry::State::Pending), 1);
        auto e = cache.outboxEntry(id);
        QCOMPARE(e->idempotencyKey, key);
        QCOMPARE(e->attempts, 1);
        const QJsonObject current{{QStringLiteral("id"), QStringLiteral("s_00001")}, {QStringLiteral("version"), 5}};
        QVERIFY(cache.settleOutbox(id, OutboxEntry::State::Conflict, QStringLiteral("version_conflict"), current));
        e = cache.outboxEntry(id);
        QCOMPARE(e->state, OutboxEntry::State::Conflict);
        QCOMPARE(e->serverState, current);
        QCOMPARE(cache.outboxInState(OutboxEntry::State::Conflict).size(), 1);
        QCOMPARE(cache.outboxCount(OutboxEntry::State::Pending), 0);
        QVERIFY(cache.retryOutbox(id));
        QCOMPARE(cache.outboxEntry(id)->state, OutboxEntry::State::Pending);
        QVERIFY(cache.settleOutbox(id, OutboxEntry::State::Sent));
        QCOMPARE(cache.outbox().size(), 1);
        QVERIFY(!cache.settleOutbox(999, OutboxEntry::State::Sent));
        // Every entry gets its own key.
        const auto second = cache.enqueue(OutboxEntry::Kind::Assignment, QStringLiteral("s_00002"),
                                          QJsonObject{{QStringLiteral("assignee"), QJsonValue::Null}, {QStringLiteral("base_version"), 1}});
        QVERIFY(second);
        QVERIFY(cache.outboxEntry(*second)->idempotencyKey != key);
    }

    void profileLayout()
    {
        const Profile p(m_dir.filePath(QStringLiteral("profile-a")));
        QCOMPARE(p.ensureExists().errorString(), QString());
        QVERIFY(QFileInfo(p.evidenceDir()).isDir());
        QCOMPARE(QFileInfo(p.dir()).permissions() & (QFile::ReadOther | QFile::ReadGroup), QFileDevice::Permissions());
        QVERIFY(p.cachePath().startsWith(p.dir()));
        QVERIFY(Profile().dir().contains(QStringLiteral("qttest")) || !Profile().dir().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCache)
#include "tst_cache.moc"
