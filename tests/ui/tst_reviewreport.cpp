#include "common/ResultCheck.h"
#include "common/TestData.h"
#include "models/ReviewReport.h"
#include "ui/review/ReviewReportPdf.h"

#include <QFile>
#include <QPdfDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTimeZone>

#include <algorithm>

using namespace assay;
using namespace Qt::StringLiterals;

namespace {

QDateTime at(int day, int hour)
{
    return QDateTime(QDate(2026, 11, day), QTime(hour, 0), QTimeZone::UTC);
}

Questionnaire questionnaire()
{
    QString why;
    const std::optional<Questionnaire> q = Questionnaire::builtin(u"2026.1"_s, &why);
    if (!q)
        qFatal("no built-in questionnaire 2026.1: %s", qPrintable(why));
    return *q;
}

QString userName(const QString &id)
{
    if (id == u"u_bob"_s)
        return u"Bob Reviewer"_s;
    if (id == u"u_sam"_s)
        return u"Sam Security"_s;
    return id;
}

// Every required item ticked, as an approve needs.
QMap<QString, bool> allRequiredTicked(const Questionnaire &q)
{
    QMap<QString, bool> checklist;
    for (const QString &key : q.requiredChecklistKeys())
        checklist.insert(key, true);
    return checklist;
}

// A submission approved at the review stage by Bob and rejected at the
// security stage by Sam, with two reasons, on version 2.
Submission decided(const Questionnaire &q)
{
    Submission s = test::submission(3, 2);
    s.summary.status = SubmissionSummary::Status::Rejected;
    s.summary.stage = SubmissionSummary::Stage::Done;
    s.summary.resubmissionAllowedAt = at(5, 14).addMonths(3);

    RecordedVerdict review;
    review.stage = RecordedVerdict::Stage::Review;
    review.by = u"u_bob"_s;
    review.at = at(2, 10);
    review.version = 2;
    review.verdict.decision = Verdict::Decision::Approve;
    review.verdict.baseVersion = 2;
    review.verdict.summary = u"Solid answers; the RLS policy file was provided."_s;
    review.verdict.checklist = allRequiredTicked(q);
    review.verdict.notes = {{u"csrf.c1"_s, u"Checked the middleware settings."_s},
                            {u"csrf_protection"_s, u"Exemptions are webhooks only."_s}};

    RecordedVerdict security;
    security.stage = RecordedVerdict::Stage::Security;
    security.by = u"u_sam"_s;
    security.at = at(5, 14);
    security.version = 2;
    security.verdict.decision = Verdict::Decision::Reject;
    security.verdict.baseVersion = 2;
    security.verdict.summary = u"Two problems must be fixed before a badge."_s;
    security.verdict.checklist = allRequiredTicked(q);
    security.verdict.checklist.insert(u"csrf.c1"_s, false);
    security.verdict.reasons = {{u"csrf_protection"_s, u"csrf.no_token"_s, u"The settings form posts without a token."_s},
                                {u"trusted_redirects"_s, u"redirect.open_redirect"_s, QString()}};
    security.verdict.notes = {{u"csrf.c1"_s, u"Form at /settings lacks the token."_s}};
    s.verdicts = {review, security};
    return s;
}

ReviewReport build(const ReviewReport::Sources &sources)
{
    return test::ok(ReviewReport::build(sources, userName));
}

// The HTML from an <h2> whose text starts with `heading` to the next <h2>.
QString section(const QString &html, const QString &heading)
{
    const QStringList parts = html.split(u"<h2>"_s);
    for (const QString &p : parts) {
        const qsizetype close = p.indexOf(u"</a>"_s);
        if (close >= 0 && p.mid(close + 4).startsWith(heading))
            return p;
    }
    return {};
}

// The one table row of `html` that contains `needle`; empty if none or several.
QString rowWith(const QString &html, const QString &needle)
{
    QString found;
    for (const QString &row : html.split(u"<tr>"_s).mid(1)) {
        if (row.contains(needle)) {
            if (!found.isEmpty())
                return {};
            found = row.left(row.indexOf(u"</tr>"_s));
        }
    }
    return found;
}

QString plainText(const QString &html)
{
    QTextDocument d;
    d.setHtml(html);
    return d.toPlainText();
}

} // namespace

// The review report: built from the recorded verdicts, every fact of the
// decision in it, partner text escaped; and its PDF.
class TestReviewReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noRecordedVerdict()
    {
        Submission s = test::submission(4);
        const Result<ReviewReport> r = ReviewReport::build({s, questionnaire(), {}, {}}, userName);
        QVERIFY(!r);
        QVERIFY2(r.error().message.contains(u"no recorded verdict yet"_s), qPrintable(r.error().message));
        QVERIFY(r.error().message.contains(s.summary.id));
    }

    void otherQuestionnaire()
    {
        const Questionnaire q = questionnaire();
        Submission s = decided(q);
        s.summary.questionnaireVersion = u"2025.2"_s;
        const Result<ReviewReport> r = ReviewReport::build({s, q, {}, {}}, userName);
        QVERIFY(!r);
        QVERIFY2(r.error().message.contains(u"2025.2"_s), qPrintable(r.error().message));
    }

    void submissionFacts()
    {
        const Questionnaire q = questionnaire();
        const ReviewReport report = build({decided(q), q, {}, {}});
        QCOMPARE(report.submissionId(), u"s_00003"_s);
        QCOMPARE(report.title(), u"Review report: Helpdesk Bridge 3 (s_00003)"_s);
        const QString facts = section(report.html(), u"The submission"_s);
        QVERIFY(rowWith(facts, u">App<"_s).contains(u"Helpdesk Bridge 3"_s));
        QVERIFY(rowWith(facts, u">App<"_s).contains(u"a_3"_s));
        QVERIFY(rowWith(facts, u">Partner<"_s).contains(u"Kestrel Labs"_s));
        QVERIFY(rowWith(facts, u">Partner<"_s).contains(u"p_3"_s));
        QVERIFY(rowWith(facts, u">Submission<"_s).contains(u"s_00003"_s));
        QVERIFY(rowWith(facts, u">Kind<"_s).contains(u"Initial submission"_s));
        QVERIFY(rowWith(facts, u">Questionnaire<"_s).contains(u"version 2026.1"_s));
        QCOMPARE(rowWith(facts, u"Version decided on"_s), u"<th class=\"key\" width=\"28%\">Version decided on</th><td>2</td>"_s);
    }

    void outcome()
    {
        const Questionnaire q = questionnaire();
        const QString html = build({decided(q), q, {}, {}}).html();
        const QString outcome = section(html, u"Outcome"_s);
        QVERIFY(rowWith(outcome, u">Status<"_s).contains(u"Rejected"_s));
        QVERIFY(rowWith(outcome, u"Resubmission allowed from"_s).contains(u"2027-02-05 14:00:00 UTC"_s));
        QVERIFY(rowWith(outcome, u"Badge expires"_s).isEmpty());
        const QString signers = rowWith(outcome, u">Signed<"_s);
        QVERIFY(signers.contains(u"Review stage: Approved by Bob Reviewer"_s));
        QVERIFY(signers.contains(u"Security stage: Rejected by Sam Security"_s));
    }

    void approvedOutcomeShowsTheBadge()
    {
        const Questionnaire q = questionnaire();
        Submission s = decided(q);
        s.verdicts[1].verdict = s.verdicts[0].verdict;
        s.summary.status = SubmissionSummary::Status::Approved;
        s.summary.resubmissionAllowedAt.reset();
        s.summary.badgeExpiresAt = at(5, 14).addYears(1);
        const QString outcome = section(build({s, q, {}, {}}).html(), u"Outcome"_s);
        QVERIFY(rowWith(outcome, u">Status<"_s).contains(u"Approved"_s));
        QVERIFY(rowWith(outcome, u"Badge expires"_s).contains(u"2027-11-05 14:00:00 UTC"_s));
    }

    void evidence()
    {
        const Questionnaire q = questionnaire();
        const Submission s = decided(q);
        const QString html = section(build({s, q, {}, {}}).html(), u"Evidence"_s);
        const QString py = rowWith(html, u"csrf-middleware.py"_s);
        QVERIFY(py.contains(u"text/x-python"_s));
        QVERIFY(py.contains(u"2.0 KiB (2048 bytes)"_s));
        QVERIFY(py.contains(u"0000000000000000000000000000000000000000000000000000000000000003"_s));
        QVERIFY(py.contains(u"csrf.1"_s)); // the answer citing it
        // A filename is text, never a path: shown as given.
        const QString scan = rowWith(html, u"../../etc/passwd scan.html"_s);
        QVERIFY(scan.contains(u"99 bytes"_s));
        QVERIFY(scan.contains(u"000000000000000000000000000000000000000000000000000000000000000f"_s));
    }

    void bothStagesSignersAndReasons()
    {
        const Questionnaire q = questionnaire();
        const QString html = build({decided(q), q, {}, {}}).html();
        const QString first = section(html, u"Verdict 1: Review stage — Approved"_s);
        QVERIFY(!first.isEmpty());
        QVERIFY(rowWith(first, u"Signed by"_s).contains(u"Bob Reviewer <span class=\"muted\">(u_bob)</span>"_s));
        QVERIFY(rowWith(first, u">At<"_s).contains(u"2026-11-02 10:00:00 UTC"_s));
        QVERIFY(rowWith(first, u"On version"_s).contains(u"<td>2</td>"_s));
        QVERIFY(first.contains(u"Solid answers"_s));
        // An approve's summary is not sent to the partner.
        QVERIFY(rowWith(first, u"Solid answers"_s).contains(u"internal"_s));
        QVERIFY(!first.contains(u"Reasons"_s));

        const QString second = section(html, u"Verdict 2: Security stage — Rejected"_s);
        QVERIFY(!second.isEmpty());
        QVERIFY(rowWith(second, u"Signed by"_s).contains(u"Sam Security"_s));
        QVERIFY(rowWith(second, u"Signed by"_s).contains(u"u_sam"_s));
        QVERIFY(rowWith(second, u">At<"_s).contains(u"2026-11-05 14:00:00 UTC"_s));
        QVERIFY(rowWith(second, u"Two problems"_s).contains(u"sent to the partner"_s));
        const QString csrf = rowWith(second, u"csrf.no_token"_s);
        QVERIFY(csrf.contains(u"CSRF Protection"_s));
        QVERIFY(csrf.contains(u"Your app does not appear to use a CSRF token"_s)); // the rubric's text
        QVERIFY(csrf.contains(u"The settings form posts without a token."_s));
        const QString redirect = rowWith(second, u"redirect.open_redirect"_s);
        QVERIFY(redirect.contains(u"Redirects to Trusted Destinations Only"_s));
        QVERIFY(redirect.endsWith(u"<td>—</td>"_s)); // no note
    }

    void checklistEveryItemOfEveryVerdict()
    {
        const Questionnaire q = questionnaire();
        const QString html = build({decided(q), q, {}, {}}).html();
        const QString first = section(html, u"Verdict 1"_s);
        const QString second = section(html, u"Verdict 2"_s);
        int items = 0;
        for (const Questionnaire::Category &c : q.categories) {
            for (const Questionnaire::ChecklistItem &item : c.checklist) {
                ++items;
                const QString cell = u">"_s + item.key + u"</span>"_s;
                for (const QString &v : {first, second}) {
                    const QString row = rowWith(v, cell);
                    QVERIFY2(!row.isEmpty(), qPrintable(item.key));
                    QCOMPARE(row.contains(u"<b>required</b>"_s), item.required);
                    // Optional items were not sent at all in these verdicts.
                    if (!item.required)
                        QVERIFY(row.contains(u"not recorded"_s));
                }
            }
        }
        QVERIFY(items > 20);
        const QString unticked = rowWith(second, u">csrf.c1</span>"_s);
        QVERIFY(unticked.contains(u"<span class=\"missing\">not ticked</span>"_s));
        QVERIFY(unticked.contains(u"<td class=\"internal\">Form at /settings lacks the token.</td>"_s));
        QVERIFY(rowWith(first, u">csrf.c1</span>"_s).contains(u"<span class=\"ticked\">ticked</span>"_s));
        QVERIFY(rowWith(second, u">csrf.c2</span>"_s).contains(u"<span class=\"ticked\">ticked</span>"_s));
        // The category's note, marked internal.
        QVERIFY(first.contains(u"<p class=\"internal\">Internal note on CSRF Protection: Exemptions are webhooks only.</p>"_s));
        QVERIFY(!second.contains(u"Exemptions are webhooks only."_s));
    }

    void contentsByCategory()
    {
        const Questionnaire q = questionnaire();
        const QString contents = section(build({decided(q), q, {}, {}}).html(), u"Contents"_s);
        QVERIFY(contents.contains(u"<a href=\"#v2\">Verdict 2: Security stage — Rejected</a>"_s));
        const Questionnaire::Category *csrf = q.category(u"csrf_protection"_s);
        const auto required = std::count_if(csrf->checklist.cbegin(), csrf->checklist.cend(), [](const auto &i) { return i.required; });
        const QString row = rowWith(contents, u">CSRF Protection<"_s);
        QVERIFY(row.contains(u"csrf.no_token"_s));
        QVERIFY2(row.contains(u"<td class=\"missing\">%1 / %2</td>"_s.arg(required - 1).arg(required)), qPrintable(row));
        QVERIFY(row.contains(u"<td>1</td>"_s)); // one internal note at the last verdict
        const QString mfa = rowWith(contents, u">MFA for Employees<"_s);
        QVERIFY(mfa.contains(u"<td>—</td>"_s));
        QVERIFY(mfa.contains(u"<td>%1 / %1</td>"_s.arg(std::count_if(q.category(u"employee_mfa"_s)->checklist.cbegin(),
                                                                     q.category(u"employee_mfa"_s)->checklist.cend(),
                                                                     [](const auto &i) { return i.required; }))));
    }

    // A security user's return: its summary is internal, it gives no
    // reasons, and the submission goes on at the review stage.
    void returned()
    {
        const Questionnaire q = questionnaire();
        Submission s = decided(q);
        s.summary.status = SubmissionSummary::Status::InReview;
        s.summary.stage = SubmissionSummary::Stage::Review;
        s.summary.resubmissionAllowedAt.reset();
        RecordedVerdict &back = s.verdicts[1];
        back.verdict.decision = Verdict::Decision::Return;
        back.verdict.reasons.clear();
        back.verdict.summary = u"csrf.c1 was ticked without the HAR file; look again."_s;
        const QString html = build({s, q, {}, {}}).html();
        const QString second = section(html, u"Verdict 2: Security stage — Returned to the review stage"_s);
        QVERIFY(!second.isEmpty());
        QVERIFY(rowWith(second, u"without the HAR file"_s).contains(u"<span class=\"internal\">internal</span>"_s));
        QVERIFY(!second.contains(u"sent to the partner"_s));
        QVERIFY(!second.contains(u"<h3>Reasons"_s));
        QVERIFY(rowWith(section(html, u"Outcome"_s), u">Status<"_s).contains(u"Not decided yet: in_review, at the review stage"_s));
    }

    void previousRejection()
    {
        const Questionnaire q = questionnaire();
        Submission previous = decided(q);
        previous.summary.id = u"s_00001"_s;
        Submission s = decided(q);
        s.summary.kind = SubmissionSummary::Kind::Resubmission;
        s.summary.previousSubmissionId = u"s_00001"_s;
        s.verdicts.removeLast(); // at the security stage now
        s.summary.status = SubmissionSummary::Status::InReview;
        s.summary.stage = SubmissionSummary::Stage::Security;
        s.summary.resubmissionAllowedAt.reset();

        const QString missing = section(build({s, q, {}, {}}).html(), u"The previous submission's decision"_s);
        QVERIFY(missing.contains(u"The previous submission s_00001 is not in the cache."_s));

        const QString html = build({s, q, previous, q}).html();
        QVERIFY(rowWith(section(html, u"The submission"_s), u">Kind<"_s).contains(u"Resubmission after a rejection; previous submission s_00001"_s));
        const QString shown = section(html, u"The previous submission's decision"_s);
        QVERIFY(shown.contains(u"Rejected"_s));
        QVERIFY(shown.contains(u"Sam Security"_s));
        QVERIFY(shown.contains(u"Two problems must be fixed before a badge."_s));
        QVERIFY(rowWith(shown, u"csrf.no_token"_s).contains(u"The settings form posts without a token."_s));
        QVERIFY(!rowWith(shown, u"redirect.open_redirect"_s).isEmpty());
        // Not decided yet: the security stage is still to come.
        QVERIFY(rowWith(section(html, u"Outcome"_s), u">Status<"_s).contains(u"Not decided yet"_s));
    }

    void escape_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("multiline");
        QTest::addColumn<QString>("html");
        QTest::newRow("markup") << u"<script>alert(1)</script>"_s << false << u"&lt;script&gt;alert(1)&lt;/script&gt;"_s;
        QTest::newRow("attribute") << u"\"><img src=x onerror=alert(1)>"_s << false << u"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"_s;
        QTest::newRow("quote, ampersand") << u"O'Brien & co"_s << false << u"O&#39;Brien &amp; co"_s;
        QTest::newRow("bidi override") << u"invoice\u202Efdp.exe"_s << false << u"invoice\\u{202E}fdp.exe"_s;
        QTest::newRow("zero width, nul") << u"a\u200Bb"_s + QChar(0) << false << u"a\\u{200B}b\\u{0000}"_s;
        QTest::newRow("line breaks") << u"one\r\ntwo\nthree"_s << true << u"one<br/>two<br/>three"_s;
        QTest::newRow("newline on one line") << u"one\ntwo"_s << false << u"one\\u{000A}two"_s;
        QTest::newRow("unicode kept") << u"Röntgen ✓ 日本"_s << false << u"Röntgen ✓ 日本"_s;
    }
    void escape()
    {
        QFETCH(QString, text);
        QFETCH(bool, multiline);
        QFETCH(QString, html);
        QCOMPARE(ReviewReport::escape(text, multiline), html);
    }

    // Partner text and reviewers' text in every place the report shows it:
    // it stays text, in the HTML and as QTextDocument reads it.
    void hostileTextStaysText()
    {
        const Questionnaire q = questionnaire();
        Submission s = decided(q);
        s.summary.appName = u"<script>alert('app')</script>"_s;
        s.summary.partnerName = u"\"><img src=x onerror=alert(1)>"_s;
        s.evidence[0].filename = u"<script>alert(1)</script>.html"_s;
        s.evidence[0].mediaType = u"text/html\"><b>bold</b>"_s;
        s.evidence[1].filename = u"invoice\u202Efdp.exe"_s;
        s.answers[0].text = u"</td></tr></table><script>alert(2)</script>\n<a href=\"javascript:x\">click</a>"_s;
        s.verdicts[1].verdict.summary = u"<iframe src=//evil>"_s;
        s.verdicts[1].verdict.reasons[0].note = u"<style>body{display:none}</style>"_s;
        s.verdicts[1].verdict.notes.insert(u"csrf_protection"_s, u"<h1>big</h1>"_s);
        const ReviewReport report = build({s, q, {}, {}});
        const QString html = report.html();
        for (const QString &tag : {u"<script"_s, u"<img"_s, u"<b>bold"_s, u"<iframe"_s, u"<style>body"_s, u"<h1>big"_s, u"<a href=\"javascript"_s})
            QVERIFY2(!html.contains(tag, Qt::CaseInsensitive), qPrintable(tag));
        QCOMPARE(html.count(u"<table"_s), html.count(u"</table>"_s));
        QCOMPARE(html.count(u"<tr>"_s), html.count(u"</tr>"_s));
        QVERIFY(!html.contains(QChar(0x202E)));
        QVERIFY(report.title().contains(u"<script>alert('app')</script>"_s)); // the title is text; escaped where it is HTML
        QVERIFY(html.contains(u"<title>Review report: &lt;script&gt;alert(&#39;app&#39;)&lt;/script&gt; (s_00003)</title>"_s));

        const QString text = plainText(html);
        for (const QString &shown : {u"<script>alert('app')</script>"_s, u"\"><img src=x onerror=alert(1)>"_s,
                                     u"<script>alert(1)</script>.html"_s, u"text/html\"><b>bold</b>"_s, u"invoice\\u{202E}fdp.exe"_s,
                                     u"</td></tr></table><script>alert(2)</script>"_s, u"<iframe src=//evil>"_s,
                                     u"<style>body{display:none}</style>"_s, u"<h1>big</h1>"_s})
            QVERIFY2(text.contains(shown), qPrintable(shown));
    }

    void renders()
    {
        const Questionnaire q = questionnaire();
        QTextDocument d;
        d.setHtml(build({decided(q), q, {}, {}}).html());
        QCOMPARE(d.metaInformation(QTextDocument::DocumentTitle), u"Review report: Helpdesk Bridge 3 (s_00003)"_s);
        // Tables came through as tables, not as text.
        const QString text = d.toPlainText();
        QVERIFY(!text.contains(u"<td"_s));
        QVERIFY(!text.contains(u"{ font-family"_s));
        QVERIFY(text.contains(u"Verdict 2: Security stage — Rejected"_s));
    }

    void pdf()
    {
        const Questionnaire q = questionnaire();
        const ReviewReport report = build({decided(q), q, {}, {}});
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"report.pdf"_s);
        QVERIFY(test::ok(ReviewReportPdf::writeFile(report, path)));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.read(5), QByteArray("%PDF-"));
        file.close();

        QPdfDocument pdf;
        QCOMPARE(pdf.load(path), QPdfDocument::Error::None);
        // Two verdicts with 10 checklist tables each, evidence and 51
        // answers: several pages, not one and not hundreds.
        QVERIFY2(pdf.pageCount() >= 4 && pdf.pageCount() <= 60, qPrintable(QString::number(pdf.pageCount())));
        QCOMPARE(pdf.metaData(QPdfDocument::MetaDataField::Title).toString(), report.title());
        QCOMPARE(pdf.metaData(QPdfDocument::MetaDataField::Creator).toString(), u"Assay"_s);
        QString text;
        for (int p = 0; p < pdf.pageCount(); ++p)
            text += pdf.getAllText(p).text() + u'\n';
        // Text layout may break lines anywhere; compare without whitespace.
        text.remove(QRegularExpression(u"\\s+"_s));
        for (const QString &expected : {u"Verdict2:Securitystage—Rejected"_s, u"csrf.no_token"_s, u"redirect.open_redirect"_s,
                                        u"SamSecurity"_s, u"BobReviewer"_s, u"Resubmissionallowedfrom"_s})
            QVERIFY2(text.contains(expected), qPrintable(expected));
        // The first page starts with the title.
        QVERIFY(pdf.getAllText(0).text().simplified().startsWith(u"Review report: Helpdesk Bridge 3"_s));
    }

    void htmlFile()
    {
        const Questionnaire q = questionnaire();
        const ReviewReport report = build({decided(q), q, {}, {}});
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"report.html"_s);
        QVERIFY(test::ok(report.writeHtmlFile(path)));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()), report.html());
        const Result<> r = report.writeHtmlFile(dir.filePath(u"no/such/folder/report.html"_s));
        QVERIFY(!r);
        QVERIFY2(r.error().message.contains(u"no/such/folder/report.html"_s), qPrintable(r.error().message));
    }

    void pdfToAnUnwritablePlace()
    {
        const Questionnaire q = questionnaire();
        const ReviewReport report = build({decided(q), q, {}, {}});
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"no/such/folder/report.pdf"_s);
        const Result<> r = ReviewReportPdf::writeFile(report, path);
        QVERIFY(!r);
        QVERIFY2(r.error().message.contains(u"no/such/folder/report.pdf"_s), qPrintable(r.error().message));
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_MAIN(TestReviewReport)
#include "tst_reviewreport.moc"
