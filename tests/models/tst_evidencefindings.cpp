#include "common/ResultCheck.h"
#include "common/TestData.h"
#include "models/Cache.h"
#include "models/CacheConnection.h"
#include "models/EvidenceFindings.h"
#include "models/EvidenceStates.h"
#include "models/SubmissionStore.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace assay;
using test::ok;
using Outcome = EvidenceFindings::Scan::Outcome;

namespace {

SecretFinding finding(SecretFinding::Kind kind, const char *rule, int line, int column, int length, int page = 0,
                      int lineCount = 1)
{
    SecretFinding f;
    f.kind = kind;
    f.rule = QString::fromLatin1(rule);
    f.page = page;
    f.line = line;
    f.column = column;
    f.length = length;
    f.lineCount = lineCount;
    return f;
}

SecretsFinder::FileScan scanOf(QList<SecretFinding> findings, bool truncated = false)
{
    return SecretsFinder::FileScan{std::move(findings), truncated};
}

const QList<SecretFinding> &threeFindings()
{
    static const QList<SecretFinding> f{
        finding(SecretFinding::Kind::CloudAccessKey, "aws-access-key-id", 212, 14, 20),
        finding(SecretFinding::Kind::PrivateKey, "pem-private-key", 3, 0, 31, 0, 27),
        finding(SecretFinding::Kind::Email, "email", 7, 2, 17, 4),
    };
    return f;
}

} // namespace

// The cache's record of what the secrets finder saw in each evidence file,
// and of the items the reviewer opened: on real SQLite files.
class TestEvidenceFindings : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;

    QString freshPath() { return m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(++m_n)); }

    // A cache holding test::submission(n) (items e_n_1 and e_n_2, two files).
    static Submission stored(Cache &cache, int n)
    {
        const Submission s = test::submission(n);
        if (!cache.submissions().store(s))
            return {};
        return s;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    // Findings come back as stored, in order, after the file is closed and
    // opened again; the counts are per item, and only for scanned files.
    void storesFindingsAndCountsThem()
    {
        const QString path = freshPath();
        QString sha1;
        {
            Cache cache;
            QVERIFY(ok(cache.open(path)));
            const Submission s = stored(cache, 9);
            QCOMPARE(s.evidence.size(), 2);
            sha1 = s.evidence.at(0).sha256;
            QVERIFY(ok(cache.findings().store(sha1, 1, scanOf(threeFindings()))));
        }
        Cache cache;
        QVERIFY(ok(cache.open(path)));
        const std::optional<QList<SecretFinding>> back = ok(cache.findings().forSha256(sha1));
        QVERIFY(back);
        QCOMPARE(*back, threeFindings());
        const QHash<QString, int> counts = ok(cache.findings().countsForSubmission(QStringLiteral("s_00009")));
        QCOMPARE(counts, (QHash<QString, int>{{QStringLiteral("e_9_1"), 3}}));
        const std::optional<EvidenceFindings::Scan> scan = ok(cache.findings().scanOf(sha1));
        QVERIFY(scan);
        QCOMPARE(scan->outcome, Outcome::Scanned);
        QCOMPARE(scan->scannerVersion, 1);
        QCOMPARE(scan->count, 3);
        QVERIFY(!scan->truncated);
        // The other file was never scanned: unknown, not clean.
        QVERIFY(!ok(cache.findings().forSha256(s_otherSha())));
        QVERIFY(!ok(cache.findings().scanOf(s_otherSha())));
    }

    // Nothing of a finding but its place and kind is in the cache: the
    // table's columns are exactly those.
    void storesPositionsOnly()
    {
        const QString path = freshPath();
        {
            Cache cache;
            QVERIFY(ok(cache.open(path)));
        }
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("columns"));
        {
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT name FROM pragma_table_info('evidence_findings') ORDER BY cid")));
            QStringList names;
            while (q.next())
                names.append(q.value(0).toString());
            QCOMPARE(names, (QStringList{QStringLiteral("sha256"), QStringLiteral("seq"), QStringLiteral("kind"),
                                         QStringLiteral("rule"), QStringLiteral("page"), QStringLiteral("line"),
                                         QStringLiteral("col"), QStringLiteral("length"), QStringLiteral("line_count")}));
            db.close();
        }
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("columns"));
    }

    // A rescan replaces the file's findings and version; a clean file
    // counts 0; a truncated scan says so.
    void rescanReplaces()
    {
        Cache cache;
        QVERIFY(ok(cache.open(freshPath())));
        const Submission s = stored(cache, 10);
        const QString sha = s.evidence.at(0).sha256;
        QVERIFY(ok(cache.findings().store(sha, 1, scanOf(threeFindings()))));
        QVERIFY(ok(cache.findings().store(sha, 2, scanOf({threeFindings().at(1)}, true))));
        QCOMPARE(*ok(cache.findings().forSha256(sha)), QList<SecretFinding>{threeFindings().at(1)});
        const EvidenceFindings::Scan scan = *ok(cache.findings().scanOf(sha));
        QCOMPARE(scan.scannerVersion, 2);
        QCOMPARE(scan.count, 1);
        QVERIFY(scan.truncated);
        QVERIFY(ok(cache.findings().store(sha, 2, scanOf({}))));
        QCOMPARE(*ok(cache.findings().forSha256(sha)), QList<SecretFinding>());
        QCOMPARE(ok(cache.findings().countsForSubmission(s.summary.id)).value(QStringLiteral("e_10_1"), -1), 0);
    }

    // A file that could not be scanned, or has no text, is not clean: it has
    // no findings list and no count, and its scan says why.
    void failuresAndImagesAreNotClean()
    {
        Cache cache;
        QVERIFY(ok(cache.open(freshPath())));
        const Submission s = stored(cache, 11);
        const QString text = s.evidence.at(0).sha256;
        const QString image = s.evidence.at(1).sha256;
        QVERIFY(ok(cache.findings().store(text, 1, scanOf(threeFindings()))));
        QVERIFY(ok(cache.findings().storeFailure(text, 1, QStringLiteral("cannot open the file: Permission denied"))));
        QVERIFY(ok(cache.findings().storeNotText(image, 1)));
        QVERIFY(!ok(cache.findings().forSha256(text)));
        QVERIFY(!ok(cache.findings().forSha256(image)));
        QVERIFY(ok(cache.findings().countsForSubmission(s.summary.id)).isEmpty());
        const QHash<QString, EvidenceFindings::Scan> scans = ok(cache.findings().scansForSubmission(s.summary.id));
        QCOMPARE(scans.size(), 2);
        QCOMPARE(scans.value(QStringLiteral("e_11_1")).outcome, Outcome::Failed);
        QCOMPARE(scans.value(QStringLiteral("e_11_1")).error, QStringLiteral("cannot open the file: Permission denied"));
        QCOMPARE(scans.value(QStringLiteral("e_11_1")).count, 0);
        QCOMPARE(scans.value(QStringLiteral("e_11_2")).outcome, Outcome::NotText);
        // The failed file's old findings are gone with the rescan that failed.
        QSqlQuery q(cache.connection().database());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM evidence_findings")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    // A batch is all or none: a bad record keeps the good ones out too.
    void batchIsAllOrNone()
    {
        Cache cache;
        QVERIFY(ok(cache.open(freshPath())));
        const Submission s = stored(cache, 12);
        const QString sha = s.evidence.at(0).sha256;
        const QList<EvidenceFindings::Record> batch{
            {sha, 1, Outcome::Scanned, scanOf(threeFindings()), {}},
            {QStringLiteral("not-a-sha"), 1, Outcome::NotText, {}, {}},
        };
        const Result<> refused = cache.findings().storeAll(batch);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QStringLiteral("not a sha256")), qPrintable(refused.error().message));
        QVERIFY(!ok(cache.findings().scanOf(sha)));
        QVERIFY(ok(cache.findings().storeAll(batch.first(1))));
        QCOMPARE(ok(cache.findings().scanOf(sha))->count, 3);
    }

    // Items that share a file share its scan, in every submission.
    void sharedFilesShareTheScan()
    {
        Cache cache;
        QVERIFY(ok(cache.open(freshPath())));
        Submission a = test::submission(13);
        Submission b = test::submission(14);
        b.evidence[0].sha256 = a.evidence.at(0).sha256;
        QVERIFY(ok(cache.submissions().store(a)));
        QVERIFY(ok(cache.submissions().store(b)));
        QVERIFY(ok(cache.findings().store(a.evidence.at(0).sha256, 1, scanOf(threeFindings()))));
        QCOMPARE(ok(cache.findings().countsForSubmission(a.summary.id)).value(QStringLiteral("e_13_1")), 3);
        QCOMPARE(ok(cache.findings().countsForSubmission(b.summary.id)).value(QStringLiteral("e_14_1")), 3);
    }

    // Opening an item counts as seeing its findings, for that content: a
    // replaced file is unseen again. Items without findings never count.
    void seenUntilTheContentChanges()
    {
        Cache cache;
        QVERIFY(ok(cache.open(freshPath())));
        // (Not 15: its two files are one, the test data's sha256 ends in f.)
        Submission s = stored(cache, 18);
        const QString id = s.summary.id;
        QVERIFY(ok(cache.findings().store(s.evidence.at(0).sha256, 1, scanOf(threeFindings()))));
        QVERIFY(ok(cache.findings().store(s.evidence.at(1).sha256, 1, scanOf({}))));
        QCOMPARE(ok(cache.findings().unseenWithFindings(id)), (QHash<QString, int>{{QStringLiteral("e_18_1"), 3}}));
        QVERIFY(ok(cache.findings().markSeen(id, QStringLiteral("e_18_2"))));
        QCOMPARE(ok(cache.findings().unseenWithFindings(id)).size(), 1);
        QVERIFY(ok(cache.findings().markSeen(id, QStringLiteral("e_18_1"))));
        QVERIFY(ok(cache.findings().unseenWithFindings(id)).isEmpty());
        // Marking again is harmless.
        QVERIFY(ok(cache.findings().markSeen(id, QStringLiteral("e_18_1"))));

        s.summary.version = 2;
        s.evidence[0].sha256 = QString(64, QLatin1Char('d'));
        QVERIFY(ok(cache.submissions().store(s)));
        QVERIFY(ok(cache.findings().store(s.evidence.at(0).sha256, 1, scanOf(threeFindings().first(1)))));
        QCOMPARE(ok(cache.findings().unseenWithFindings(id)), (QHash<QString, int>{{QStringLiteral("e_18_1"), 1}}));

        const Result<> unknown = cache.findings().markSeen(id, QStringLiteral("e_nope"));
        QVERIFY(!unknown);
        QVERIFY2(unknown.error().message.contains(QStringLiteral("e_nope")), qPrintable(unknown.error().message));
        // Another submission's item is not this one's.
        QVERIFY(!cache.findings().markSeen(QStringLiteral("s_99999"), QStringLiteral("e_18_1")));
    }

    // The sync's list: present files without a scan at this version, each
    // once; absent files wait for their download.
    void unscannedListsPresentFilesAtThisVersion()
    {
        Cache cache;
        QVERIFY(ok(cache.open(freshPath())));
        Submission a = test::submission(16);
        Submission b = test::submission(17);
        b.evidence[0].sha256 = a.evidence.at(0).sha256; // shared with a
        QVERIFY(ok(cache.submissions().store(a)));
        QVERIFY(ok(cache.submissions().store(b)));
        QVERIFY(ok(cache.findings().unscanned(1)).isEmpty());
        QVERIFY(ok(cache.evidence().markFilesVerified({a.evidence.at(0).sha256, a.evidence.at(1).sha256})));
        const QList<EvidenceFindings::Unscanned> due = ok(cache.findings().unscanned(1));
        // Smallest first: the 99-byte HTML file, then the 2 KiB one (once).
        QCOMPARE(due, (QList<EvidenceFindings::Unscanned>{{a.evidence.at(1).sha256, QStringLiteral("text/html"), 99},
                                                           {a.evidence.at(0).sha256, QStringLiteral("text/x-python"), 2048}}));
        QVERIFY(ok(cache.findings().store(a.evidence.at(0).sha256, 1, scanOf({}))));
        QVERIFY(ok(cache.findings().storeFailure(a.evidence.at(1).sha256, 1, QStringLiteral("unreadable"))));
        // A failure at this version is not retried in a loop; a new finder
        // version scans everything again.
        QVERIFY(ok(cache.findings().unscanned(1)).isEmpty());
        QCOMPARE(ok(cache.findings().unscanned(2)).size(), 2);
    }

private:
    static QString s_otherSha() { return test::submission(9).evidence.at(1).sha256; }
};

QTEST_GUILESS_MAIN(TestEvidenceFindings)
#include "tst_evidencefindings.moc"
