#include "common/ResultCheck.h"
#include "common/TestData.h"
#include "domain/Migrations.h"
#include "models/Cache.h"
#include "models/EvidenceFindings.h"
#include "models/EvidenceStates.h"
#include "models/CacheConnection.h"
#include "models/Outbox.h"
#include "models/ReviewDraft.h"
#include "models/ReviewWork.h"
#include "models/Profile.h"
#include "models/SearchIndex.h"
#include "models/SqliteStatement.h"
#include "models/SubmissionStore.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace assay;
using test::ok;

// The front and its connection: opening, pragmas, the schema and its
// migrations, checkpointing, the statements compiled on the connection.
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
            QSqlQuery q(db);
            // An invalid QVariant (no answer) is what the caller's comparison then shows.
            if (db.open() && q.exec(QStringLiteral("PRAGMA ") + name) && q.next())
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

    void createsSchemaWithWal()
    {
        const QString path = freshPath();
        Cache cache;
        QVERIFY(ok(cache.open(path)));
        QVERIFY(cache.isOpen());
        QCOMPARE(cache.path(), path);
        QCOMPARE(ok(cache.connection().schemaVersion()), 8);
        QCOMPARE(Migrations::latestVersion(), 8);
        QCOMPARE(pragma(path, QStringLiteral("journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(ok(cache.connection().integrityCheck()), QStringLiteral("ok"));
    }

    // Foreign keys are enforced on the cache's own connection: an answer for
    // a submission that does not exist is refused, and nothing is stored.
    void foreignKeysRefuseAnOrphan()
    {
        Cache cache;
        QVERIFY(ok(cache.open(freshPath())));
        QSqlQuery q(cache.connection().database());
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO answers (submission_id, position, question_key, text) "
                                       "VALUES ('s_nobody', 0, 'q.1', 'orphan')")));
        QVERIFY2(q.lastError().text().contains(QStringLiteral("FOREIGN KEY")), qPrintable(q.lastError().text()));
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM answers")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
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
            if (!ok(cache.open(path)) || !ok(cache.connection().setCheckpointing(checkpointing)))
                return -1;
            const QString text(32 * 1024, QLatin1Char('x'));
            for (int batch = 0; batch < 22; ++batch) {
                QList<Submission> subs;
                for (int i = 0; i < 100; ++i) {
                    Submission s = test::submission(batch * 100 + i + 1);
                    s.answers = {{QStringLiteral("seg.1"), text, {}}};
                    subs.append(s);
                }
                if (!ok(cache.submissions().store(subs)))
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
            QVERIFY(ok(cache.open(path)));
            QVERIFY(ok(cache.submissions().applyFeedPage({test::summary(1)}, QStringLiteral("c1"))));
        }
        Cache again;
        QVERIFY(ok(again.open(path)));
        QCOMPARE(ok(again.submissions().count()), 1);
        QCOMPARE(ok(again.submissions().feedCursor()), QStringLiteral("c1"));
    }

    void refusesANewerSchema()
    {
        const QString path = freshPath();
        {
            Cache cache;
            QVERIFY(ok(cache.open(path)));
            QVERIFY(ok(cache.submissions().applyFeedPage({test::summary(1)}, QStringLiteral("c1"))));
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
        const Result<> opened = cache.open(path);
        QVERIFY(!opened);
        QVERIFY2(opened.error().message.contains(QStringLiteral("newer Assay")), qPrintable(opened.error().message));
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
        const Result<> opened = cache.open(path);
        QVERIFY(!opened);
        QVERIFY2(opened.error().message.contains(path), qPrintable(opened.error().message));
        QVERIFY(!cache.isOpen());
    }

    // A closed cache answers every piece's call with an error, not a crash
    // and not an empty success.
    void aClosedCacheSaysSo()
    {
        Cache cache;
        QVERIFY(!cache.submissions().count());
        QVERIFY(!cache.submissions().applyFeedPage({test::summary(1)}, QStringLiteral("c")));
        QVERIFY(!cache.search().find(QStringLiteral("anything")));
        QVERIFY(!cache.connection().integrityCheck());
        QVERIFY(!cache.connection().statement("SELECT 1"));
    }

    // A statement is compiled once per connection and finalized when it
    // closes (else the connection would not close).
    void statementsLiveWithTheConnection()
    {
        const QString path = freshPath();
        Cache cache;
        QVERIFY(ok(cache.open(path)));
        static const char *const sql = "SELECT count(*) FROM submissions";
        SqliteStatement *first = ok(cache.connection().statement(sql));
        QVERIFY(first);
        QCOMPARE(ok(cache.connection().statement(sql)), first);
        QVERIFY(ok(first->step()));
        QCOMPARE(first->columnInt64(0), 0);
        first->reset();
        const Result<SqliteStatement *> bad = cache.connection().statement("SELECT x FROM nowhere");
        QVERIFY(!bad);
        QVERIFY2(bad.error().message.contains(QStringLiteral("nowhere")), qPrintable(bad.error().message));
        cache.close();
        QVERIFY(!cache.isOpen());
        QVERIFY(ok(cache.open(path)));
        SqliteStatement *again = ok(cache.connection().statement(sql));
        QVERIFY(ok(again->step()));
        QCOMPARE(again->columnInt64(0), 0);
        again->reset();
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
            QVERIFY(ok(Migrations::migrate(db, schemaOne.path())));
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
            // Schema 4 makes the evidence table anew: its rows and states come along.
            QVERIFY(q.exec(QStringLiteral("INSERT INTO evidence (id, submission_id, position, filename, media_type, size, "
                                          "sha256, local_state) VALUES ('e_1', 's_1', 0, 'scan.html', 'text/html', 12, "
                                          "'%1', 'mismatch')")
                               .arg(QString(64, QLatin1Char('a')))));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v1"));
        Cache cache;
        QVERIFY(ok(cache.open(path)));
        QCOMPARE(ok(cache.connection().schemaVersion()), Migrations::latestVersion());
        QCOMPARE(ok(cache.search().find(QStringLiteral("hourly"))), QStringList{QStringLiteral("s_1")});
        QCOMPARE(ok(cache.search().find(QStringLiteral("isolat"))), QStringList{QStringLiteral("s_1")});
        QCOMPARE(ok(cache.search().find(QStringLiteral("acme"))), QStringList{QStringLiteral("s_1")});
        QCOMPARE(ok(cache.search().find(QStringLiteral("kubernetes"))), QStringList());
        const QList<EvidenceItem> kept = ok(cache.evidence().inState(EvidenceItem::LocalState::Mismatch));
        QCOMPARE(kept.size(), 1);
        QCOMPARE(kept.first().id, QStringLiteral("e_1"));
        QCOMPARE(kept.first().filename, QStringLiteral("scan.html"));
        // and the new state is allowed
        QVERIFY(ok(cache.evidence().set(QStringLiteral("e_1"), EvidenceItem::LocalState::Refused)));
        QCOMPARE(ok(cache.evidence().count(EvidenceItem::LocalState::Refused)), 1);
        QCOMPARE(ok(cache.connection().integrityCheck()), QStringLiteral("ok"));
    }

    // A cache of schema 4 with rows of every kind comes through schema 5
    // whole: kinds guessed from what it holds, details due again, the
    // reviewer's work and the outbox kept (ids and counter too), and the new
    // values ('return', 'superseded', a partner's comment) accepted.
    void migratesSchemaFourKeepingRows()
    {
        QTemporaryDir schemaFour;
        for (const char *name : {"001_initial.sql", "002_contentless_search.sql", "003_sync_indexes.sql",
                                 "004_evidence_refused.sql"}) {
            const QString file = QString::fromLatin1(name);
            QVERIFY(QFile::copy(QStringLiteral(":/assay/sql/") + file, schemaFour.filePath(file)));
        }
        const QString path = freshPath();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v4"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QVERIFY(ok(Migrations::migrate(db, schemaFour.path())));
            QCOMPARE(ok(Migrations::currentVersion(db)), 4);
            QSqlQuery q(db);
            const QString row = QStringLiteral(
                "INSERT INTO submissions (num, id, version, app_id, app_name, partner_id, partner_name, "
                "questionnaire_version, status, stage, submitted_at, updated_at, previous_submission_id, "
                "details_updated_at) VALUES (%1, '%2', 1, 'a_1', 'Ledgerly', 'p_1', 'Acme Books', '2026.1', '%3', "
                "'%4', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', %5, '2026-11-01T00:00:00Z')");
            QVERIFY(q.exec(row.arg(1).arg(QStringLiteral("s_1"), QStringLiteral("approved"), QStringLiteral("done"),
                                          QStringLiteral("NULL"))));
            QVERIFY(q.exec(row.arg(2).arg(QStringLiteral("s_2"), QStringLiteral("rejected"), QStringLiteral("done"),
                                          QStringLiteral("NULL"))));
            QVERIFY(q.exec(row.arg(3).arg(QStringLiteral("s_3"), QStringLiteral("submitted"), QStringLiteral("review"),
                                          QStringLiteral("'s_1'"))));
            QVERIFY(q.exec(row.arg(4).arg(QStringLiteral("s_4"), QStringLiteral("in_review"), QStringLiteral("review"),
                                          QStringLiteral("'s_2'"))));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO comments (id, submission_id, author, visibility, body, created_at) "
                                          "VALUES ('c_1', 's_3', 'u_bob', 'partner', 'please explain', '2026-11-02T00:00:00Z')")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO checklist_ticks VALUES ('s_3', 'csrf.c1', 1, '2026-11-03T00:00:00Z')")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO notes VALUES ('s_3', 'csrf.c1', 'checked the middleware', "
                                          "'2026-11-03T00:00:00Z')")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO drafts VALUES ('s_4', 'reject', 'not yet', "
                                          "'[{\"category\":\"csrf_protection\",\"code\":\"csrf.no_token\",\"note\":\"\"}]', "
                                          "'2026-11-03T00:00:00Z')")));
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO outbox (id, kind, submission_id, payload, idempotency_key, state, attempts, server_state, "
                "created_at, updated_at) VALUES (3, 'verdict', 's_4', '{\"decision\":\"reject\"}', 'key-3', "
                "'conflict', 2, '{\"version\":2}', '2026-11-03T00:00:00Z', '2026-11-03T00:00:00Z'), "
                "(5, 'comment', 's_3', '{\"body\":\"hi\"}', 'key-5', 'pending', 0, NULL, '2026-11-03T00:00:00Z', "
                "'2026-11-03T00:00:00Z')")));
            // An entry 9 was there once and is gone: its id is never used again.
            QVERIFY(q.exec(QStringLiteral("UPDATE sqlite_sequence SET seq = 9 WHERE name = 'outbox'")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v4"));

        Cache cache;
        QVERIFY(ok(cache.open(path)));
        QCOMPARE(ok(cache.connection().schemaVersion()), Migrations::latestVersion());
        QCOMPARE(ok(cache.connection().integrityCheck()), QStringLiteral("ok"));
        using Kind = SubmissionSummary::Kind;
        QCOMPARE(ok(cache.submissions().summary(QStringLiteral("s_1")))->kind, Kind::Initial);
        QCOMPARE(ok(cache.submissions().summary(QStringLiteral("s_3")))->kind, Kind::Revalidation);
        QCOMPARE(ok(cache.submissions().summary(QStringLiteral("s_4")))->kind, Kind::Resubmission);
        // Stored details lack verdicts and comments' sides: fetched again.
        QCOMPARE(ok(cache.submissions().needingDetails()).size(), 4);
        const std::optional<Submission> s3 = ok(cache.submissions().submission(QStringLiteral("s_3")));
        QVERIFY(s3);
        QCOMPARE(s3->comments.size(), 1);
        QCOMPARE(s3->comments.first().from, Comment::From::Marketplace);
        QCOMPARE(s3->comments.first().body, QStringLiteral("please explain"));

        const QHash<QString, ReviewWork::Tick> ticks = ok(cache.work().checklistTicks(QStringLiteral("s_3")));
        QCOMPARE(ticks.size(), 1);
        QVERIFY(ticks.value(QStringLiteral("csrf.c1")).checked);
        // Made before stamps existed: not known on which version.
        QCOMPARE(ticks.value(QStringLiteral("csrf.c1")).madeOnVersion, 0);
        const QHash<QString, ReviewWork::Note> notes = ok(cache.work().notes(QStringLiteral("s_3")));
        QCOMPARE(notes.value(QStringLiteral("csrf.c1")).body, QStringLiteral("checked the middleware"));

        const std::optional<ReviewDraft> draft = ok(cache.work().draft(QStringLiteral("s_4")));
        QVERIFY(draft);
        QCOMPARE(draft->decision, std::optional(Verdict::Decision::Reject));
        QCOMPARE(draft->reasons.size(), 1);
        QCOMPARE(draft->reasons.first().code, QStringLiteral("csrf.no_token"));
        QVERIFY(draft->notes.isEmpty());
        ReviewDraft returned = *draft;
        returned.decision = Verdict::Decision::Return;
        QVERIFY(ok(cache.work().saveDraft(returned)));
        QCOMPARE(ok(cache.work().draft(QStringLiteral("s_4")))->decision, std::optional(Verdict::Decision::Return));

        const QList<OutboxEntry> entries = ok(cache.outbox().entries());
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0).id, 3);
        QCOMPARE(entries.at(0).state, OutboxEntry::State::Conflict);
        QCOMPARE(entries.at(0).attempts, 2);
        QCOMPARE(entries.at(0).idempotencyKey, QStringLiteral("key-3"));
        QCOMPARE(entries.at(0).serverState.value(QStringLiteral("version")).toInt(), 2);
        QCOMPARE(entries.at(1).id, 5);
        QCOMPARE(entries.at(1).state, OutboxEntry::State::Pending);
        const qint64 next = ok(cache.outbox().recordComment(QStringLiteral("s_3"), QStringLiteral("again"), false));
        QCOMPARE(next, 10);
        QVERIFY(ok(cache.outbox().discard(3)));
        QCOMPARE(ok(cache.outbox().entry(3))->state, OutboxEntry::State::Superseded);
        QCOMPARE(ok(cache.connection().integrityCheck()), QStringLiteral("ok"));
    }

    // A cache of schema 5 with present evidence comes through schema 6 with
    // its rows: nothing is scanned yet, so every present file is due for the
    // finder, and its items report no findings (not "none found").
    void migratesSchemaFiveToFindings()
    {
        QTemporaryDir schemaFive;
        for (const char *name : {"001_initial.sql", "002_contentless_search.sql", "003_sync_indexes.sql",
                                 "004_evidence_refused.sql", "005_review.sql"}) {
            const QString file = QString::fromLatin1(name);
            QVERIFY(QFile::copy(QStringLiteral(":/assay/sql/") + file, schemaFive.filePath(file)));
        }
        const QString path = freshPath();
        const QString present = QString(64, QLatin1Char('b'));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v5"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QVERIFY(ok(Migrations::migrate(db, schemaFive.path())));
            QCOMPARE(ok(Migrations::currentVersion(db)), 5);
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO submissions (num, id, version, app_id, app_name, partner_id, partner_name, "
                "questionnaire_version, status, stage, submitted_at, updated_at) VALUES (1, 's_1', 1, 'a_1', "
                "'Ledgerly', 'p_1', 'Acme Books', '2026.1', 'submitted', 'review', '2026-11-01T00:00:00Z', "
                "'2026-11-01T00:00:00Z')")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO evidence (id, submission_id, position, filename, media_type, size, "
                                          "sha256, local_state) VALUES ('e_1', 's_1', 0, 'app.log', 'text/plain', 12, "
                                          "'%1', 'present'), ('e_2', 's_1', 1, 'shot.png', 'image/png', 30, '%2', "
                                          "'absent')")
                               .arg(present, QString(64, QLatin1Char('c')))));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO checklist_ticks (submission_id, item_key, checked, updated_at) "
                                          "VALUES ('s_1', 'csrf.c1', 1, '2026-11-03T00:00:00Z')")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v5"));

        Cache cache;
        QVERIFY(ok(cache.open(path)));
        QCOMPARE(ok(cache.connection().schemaVersion()), Migrations::latestVersion());
        QCOMPARE(ok(cache.evidence().count(EvidenceItem::LocalState::Present)), 1);
        QCOMPARE(ok(cache.work().checklistTicks(QStringLiteral("s_1"))).size(), 1);
        const QList<EvidenceFindings::Unscanned> due = ok(cache.findings().unscanned(1));
        QCOMPARE(due.size(), 1);
        QCOMPARE(due.first().sha256, present);
        QCOMPARE(due.first().mediaType, QStringLiteral("text/plain"));
        QVERIFY(ok(cache.findings().countsForSubmission(QStringLiteral("s_1"))).isEmpty());
        QVERIFY(!ok(cache.findings().forSha256(present)));
        QCOMPARE(ok(cache.connection().integrityCheck()), QStringLiteral("ok"));
    }

    void profileLayout()
    {
        const Profile p(m_dir.filePath(QStringLiteral("profile-a")));
        QCOMPARE(p.ensureExists().errorString(), QString());
        QVERIFY(QFileInfo(p.evidenceDir()).isDir());
        QVERIFY(QFileInfo(p.quarantineDir()).isDir());
        QCOMPARE(QFileInfo(p.dir()).permissions() & (QFile::ReadOther | QFile::ReadGroup), QFileDevice::Permissions());
        QCOMPARE(p.cachePath(), m_dir.filePath(QStringLiteral("profile-a/cache.sqlite")));
        // With no folder given, the profile is the platform's app-data
        // folder, which in test mode is under ~/.qttest: a test never
        // touches a real profile.
        const QString fallback = Profile().dir();
        QVERIFY2(fallback.contains(QStringLiteral("/.qttest/")), qPrintable(fallback));
        QVERIFY2(fallback.endsWith(QStringLiteral("/tst_cache")), qPrintable(fallback));
    }

    // A transaction that reads before it writes must not meet a commit of
    // another connection in between: a deferred BEGIN then fails at its
    // first write with "database is locked", at once. The cache's write
    // transactions take the write lock when they begin.
    void aWriteTransactionHoldsTheLockFromItsStart()
    {
        const QString path = freshPath();
        Cache cache;
        QVERIFY(ok(cache.open(path)));
        QVERIFY(ok(cache.submissions().applyFeedPage({test::summary(0)}, QStringLiteral("c1"))));
        const QString other = QStringLiteral("other-writer");
        bool otherWrote = true;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), other);
            db.setDatabaseName(path);
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=0")); // refused at once, not after 10 s
            QVERIFY(db.open());
            const Result<> done = cache.connection().inTransaction(QStringLiteral("read, then write"), [&]() -> Result<> {
                QSqlQuery read(cache.connection().database());
                if (!read.exec(QStringLiteral("SELECT count(*) FROM submissions")) || !read.next())
                    return Error{read.lastError().text()};
                QSqlQuery write(db);
                otherWrote = write.exec(QStringLiteral("INSERT INTO sync_state (key, value) VALUES ('x', 'y')"));
                return cache.submissions().setSyncValue(QStringLiteral("mine"), QStringLiteral("kept"));
            });
            QVERIFY2(done, qPrintable(done.errorString()));
            db.close();
        }
        QSqlDatabase::removeDatabase(other);
        QVERIFY(!otherWrote);
        QCOMPARE(ok(cache.submissions().syncValue(QStringLiteral("mine"))), QStringLiteral("kept"));
    }
};

QTEST_GUILESS_MAIN(TestCache)
#include "tst_cache.moc"
