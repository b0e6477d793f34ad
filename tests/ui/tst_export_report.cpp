#include "common/LoopbackMarketplace.h"
#include "common/ResultCheck.h"
#include "common/TestData.h"
#include "models/Cache.h"
#include "models/Profile.h"
#include "models/SubmissionStore.h"
#include "models/UserDirectory.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPdfDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <tuple>

using namespace assay;
using namespace Qt::StringLiterals;

// assay export --report, the real program on a profile written by the real
// cache: HTML and PDF, and a clear refusal for what it cannot report.
class TestExportReport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_profile;

    static QString bin(const QString &name) { return qEnvironmentVariable("ASSAY_BIN_DIR") + u'/' + name; }

    struct Run
    {
        int exit = -1;
        QString out, err;
    };
    static Run assay(const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
    {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(bin(u"assay"_s), args);
        if (!p.waitForFinished(120000)) {
            p.kill(); // shows as exit -1 below
            std::ignore = p.waitForFinished();
        }
        return Run{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
                   QString::fromUtf8(p.readAllStandardError())};
    }
    // For a test serving the marketplace in its own process: waits with the
    // event loop running.
    static Run assayServed(const QStringList &args, const QProcessEnvironment &env)
    {
        QProcess p;
        p.setProcessEnvironment(env);
        QSignalSpy finished(&p, &QProcess::finished);
        p.start(bin(u"assay"_s), args);
        if (!finished.wait(120000)) {
            p.kill(); // shows as exit -1 below
            std::ignore = p.waitForFinished();
        }
        return Run{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
                   QString::fromUtf8(p.readAllStandardError())};
    }
    Run report(const QString &id, const QString &out, const QStringList &more = {})
    {
        return assay(QStringList{u"export"_s, u"--report"_s, id, u"--out"_s, out, u"--profile"_s, m_profile} + more);
    }

    static QString fileText(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

    // Rejected at the security stage after the review stage's approve, with
    // a hostile evidence filename.
    static Submission decided()
    {
        const QDateTime t(QDate(2026, 11, 5), QTime(14, 0), QTimeZone::UTC);
        Submission s = test::submission(7, 3);
        s.summary.status = SubmissionSummary::Status::Rejected;
        s.summary.stage = SubmissionSummary::Stage::Done;
        s.summary.resubmissionAllowedAt = t.addMonths(3);
        s.evidence[0].filename = u"\"><img src=x onerror=alert(1)><script>x</script>.py"_s;
        RecordedVerdict review;
        review.by = u"u_bob"_s;
        review.at = t.addDays(-2);
        review.version = 3;
        review.verdict.baseVersion = 3;
        review.verdict.summary = u"Fine at review."_s;
        review.verdict.checklist = {{u"csrf.c1"_s, true}, {u"csrf.c2"_s, true}};
        RecordedVerdict security = review;
        security.stage = RecordedVerdict::Stage::Security;
        security.by = u"u_sam"_s;
        security.at = t;
        security.verdict.decision = Verdict::Decision::Reject;
        security.verdict.summary = u"Tokens are missing on the settings form."_s;
        security.verdict.checklist.insert(u"csrf.c1"_s, false);
        security.verdict.reasons = {{u"csrf_protection"_s, u"csrf.no_token"_s, u"POST /settings has no token."_s}};
        security.verdict.notes = {{u"csrf.c1"_s, u"Seen in the HAR file."_s}};
        s.verdicts = {review, security};
        return s;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_profile = m_dir.filePath(u"profile"_s);
        const Profile profile(m_profile);
        QVERIFY(test::ok(profile.ensureExists()));
        Cache cache;
        QVERIFY(test::ok(cache.open(profile.cachePath())));
        // A resubmission of s_00007's app, decided at the review stage.
        Submission again = decided();
        again.summary.id = u"s_00009"_s;
        again.summary.kind = SubmissionSummary::Kind::Resubmission;
        again.summary.previousSubmissionId = u"s_00007"_s;
        again.verdicts.removeLast();
        // Evidence ids are the marketplace's, one submission's each.
        again.evidence.clear();
        for (Answer &a : again.answers)
            a.evidenceIds.clear();
        // Its previous submission is not cached.
        Submission orphan = again;
        orphan.summary.id = u"s_00010"_s;
        orphan.summary.previousSubmissionId = u"s_00099"_s;
        QVERIFY(test::ok(cache.submissions().store(QList<Submission>{decided(), test::submission(8), again, orphan})));
        // Bob is known to the cache; Sam is not (an id stands in).
        QVERIFY(test::ok(cache.users().storeUsers({{u"u_bob"_s, u"Bob Reviewer"_s, {u"reviewer"_s}}})));
        // The report reads what the cache keeps: the verdicts must come back.
        const std::optional<Submission> stored = test::ok(cache.submissions().submission(u"s_00007"_s));
        QVERIFY(stored);
        QCOMPARE(stored->verdicts.size(), 2);
    }

    void html()
    {
        const QString out = m_dir.filePath(u"r.html"_s);
        const Run r = report(u"s_00007"_s, out, {u"--format"_s, u"html"_s});
        QVERIFY2(r.exit == 0, qPrintable(r.err));
        QVERIFY(r.out.startsWith(u"wrote the review report of s_00007 (html) to "_s));
        const QString html = fileText(out);
        QVERIFY(html.contains(u"<h2><a name=\"v2\"></a>Verdict 2: Security stage — Rejected</h2>"_s));
        QVERIFY(html.contains(u"csrf.no_token"_s));
        QVERIFY(html.contains(u"POST /settings has no token."_s));
        QVERIFY(html.contains(u"<th class=\"key\" width=\"28%\">Signed by</th><td>Bob Reviewer <span class=\"muted\">(u_bob)</span></td>"_s));
        QVERIFY(html.contains(u"<th class=\"key\" width=\"28%\">Signed by</th><td>u_sam</td>"_s));
        QVERIFY(html.contains(u"Seen in the HAR file."_s));
        QVERIFY(html.contains(u"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;x&lt;/script&gt;.py"_s));
        QVERIFY(!html.contains(u"<img"_s));
        QVERIFY(!html.contains(u"<script"_s));
    }

    // No display and a platform that would need one: the command makes its
    // own offscreen application.
    void pdfWithoutADisplay()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"xcb"_s);
        env.remove(u"DISPLAY"_s);
        env.remove(u"WAYLAND_DISPLAY"_s);
        const QString out = m_dir.filePath(u"r.pdf"_s);
        // The format from the file's suffix.
        const Run r = assay({u"export"_s, u"--profile"_s, m_profile, u"--report"_s, u"s_00007"_s, u"--out"_s, out}, env);
        QVERIFY2(r.exit == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(u"(pdf)"_s));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.read(5), QByteArray("%PDF-"));
        f.close();
        QPdfDocument pdf;
        QCOMPARE(pdf.load(out), QPdfDocument::Error::None);
        QVERIFY2(pdf.pageCount() >= 3 && pdf.pageCount() <= 40, qPrintable(QString::number(pdf.pageCount())));
        QString text;
        for (int p = 0; p < pdf.pageCount(); ++p)
            text += pdf.getAllText(p).text();
        text.remove(QRegularExpression(u"\\s+"_s));
        QVERIFY(text.contains(u"Verdict2:Securitystage—Rejected"_s));
        QVERIFY(text.contains(u"csrf.no_token"_s));
        QVERIFY(text.contains(u"u_sam"_s));
    }

    void previousDecision()
    {
        const QString out = m_dir.filePath(u"again.html"_s);
        const Run r = report(u"s_00009"_s, out);
        QVERIFY2(r.exit == 0, qPrintable(r.err));
        const QString html = fileText(out);
        const QString previous = html.mid(html.indexOf(u"The previous submission's decision</h2>"_s));
        QVERIFY(previous.startsWith(u"The previous submission's decision</h2>\n<p>Submission s_00007 (version 3): "
                                    "<span class=\"decision\">Rejected</span>"_s));
        QVERIFY(previous.contains(u"POST /settings has no token."_s));

        const Run orphan = report(u"s_00010"_s, out);
        QVERIFY2(orphan.exit == 0, qPrintable(orphan.err));
        QVERIFY(fileText(out).contains(u"The previous submission s_00099 is not in the cache."_s));
    }

    // The whole way: a reviewer's reject recorded with assay decide is not
    // the record until the marketplace accepted it; after a sync the report
    // shows what the marketplace recorded, its signer named.
    void fromTheMarketplacesRecord()
    {
        test::LoopbackMarketplace market(12);
        QVERIFY2(market.ok(), qPrintable(market.error()));
        const QString profile = m_dir.filePath(u"synced"_s);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"ASSAY_TOKEN"_s, test::LoopbackMarketplace::token(u"u_alice"_s));
        env.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
        const QStringList sync = {u"sync"_s, u"--server"_s, market.url().toString(), u"--profile"_s, profile, u"--no-evidence"_s};
        Run r = assayServed(sync, env);
        QVERIFY2(r.exit == 0, qPrintable(r.err));

        QString id;
        {
            Cache cache;
            QVERIFY(test::ok(cache.open(Profile(profile).cachePath())));
            for (const SubmissionSummary &s : test::ok(cache.submissions().summaries())) {
                if (s.stage == SubmissionSummary::Stage::Review && s.assignee == u"u_alice"_s)
                    id = s.id;
            }
        }
        QVERIFY2(!id.isEmpty(), "no submission assigned to u_alice at the review stage");
        r = assayServed({u"decide"_s, id, u"reject"_s, u"--reason"_s, u"csrf_protection:csrf.no_token:The settings form posts without a token."_s,
                         u"--summary"_s, u"One problem to fix."_s, u"--profile"_s, profile},
                        env);
        QVERIFY2(r.exit == 0, qPrintable(r.err));
        const QString out = m_dir.filePath(u"synced.html"_s);
        const QStringList exportReport = {u"export"_s, u"--report"_s, id, u"--out"_s, out, u"--profile"_s, profile};
        r = assayServed(exportReport, env);
        QCOMPARE(r.exit, 1);
        QVERIFY2(r.err.contains(u"has no recorded verdict yet"_s), qPrintable(r.err));

        r = assayServed(sync, env);
        QVERIFY2(r.exit == 0, qPrintable(r.err));
        r = assayServed(exportReport, env);
        QVERIFY2(r.exit == 0, qPrintable(r.err));
        const QString html = fileText(out);
        QVERIFY(html.contains(u"<h2><a name=\"v1\"></a>Verdict 1: Review stage — Rejected</h2>"_s));
        QVERIFY(html.contains(u"Signed by</th><td>Alice Reviewer <span class=\"muted\">(u_alice)</span></td>"_s));
        QVERIFY(html.contains(u"<td class=\"mono\">csrf.no_token</td>"_s));
        QVERIFY(html.contains(u"The settings form posts without a token."_s));
        QVERIFY(html.contains(u"One problem to fix."_s));
        QVERIFY(html.contains(u"<span class=\"decision missing\">Rejected</span>"_s));
        QVERIFY(html.contains(u"Resubmission allowed from"_s));
    }

    void unknownSubmission()
    {
        const QString out = m_dir.filePath(u"unknown.html"_s);
        const Run r = report(u"s_09999"_s, out);
        QCOMPARE(r.exit, 1);
        QVERIFY2(r.err.contains(u"no submission s_09999 in this profile's cache"_s), qPrintable(r.err));
        QVERIFY(!QFile::exists(out));
    }

    void noVerdictLeavesTheOldFile()
    {
        const QString out = m_dir.filePath(u"kept.pdf"_s);
        {
            QFile f(out);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QCOMPARE(f.write("old report"), qint64(10));
        }
        const Run r = report(u"s_00008"_s, out);
        QCOMPARE(r.exit, 1);
        QVERIFY2(r.err.contains(u"submission s_00008 has no recorded verdict yet"_s), qPrintable(r.err));
        QCOMPARE(fileText(out), u"old report"_s);
    }

    void unwritableOut()
    {
        const QString out = m_dir.filePath(u"no/such/folder/r.pdf"_s);
        for (const QString &format : {u"pdf"_s, u"html"_s}) {
            const Run r = report(u"s_00007"_s, out, {u"--format"_s, format});
            QCOMPARE(r.exit, 1);
            QVERIFY2(r.err.contains(u"cannot write "_s + out), qPrintable(r.err));
        }
        QVERIFY(!QFile::exists(out));
    }

    void usage()
    {
        QCOMPARE(report(u"s_00007"_s, m_dir.filePath(u"r.doc"_s)).exit, 2); // no format, and the suffix says none
        QCOMPARE(report(u"s_00007"_s, m_dir.filePath(u"r.html"_s), {u"--format"_s, u"docx"_s}).exit, 2);
        const Run noOut = assay({u"export"_s, u"--report"_s, u"s_00007"_s, u"--profile"_s, m_profile});
        QCOMPARE(noOut.exit, 2);
        QVERIFY(noOut.err.contains(u"usage: assay export --report SUBMISSION"_s));
    }

    // Without --report, export is still the cache as JSON.
    void exportJsonUnchanged()
    {
        const Run r = assay({u"export"_s, u"--profile"_s, m_profile});
        QVERIFY2(r.exit == 0, qPrintable(r.err));
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(doc.object().contains(u"submissions"_s));
    }
};

QTEST_MAIN(TestExportReport)
#include "tst_export_report.moc"
