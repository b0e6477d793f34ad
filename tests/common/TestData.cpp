#include "common/TestData.h"

#include <QTimeZone>

namespace assay::test {

namespace {
const QStringList Apps = {QStringLiteral("Timesheets Pro"), QStringLiteral("Invoice Ninja Sync"),
                          QStringLiteral("Röntgen Dashboards"), QStringLiteral("Helpdesk Bridge"),
                          QStringLiteral("Payroll Pilot")};
const QStringList Partners = {QStringLiteral("Acme Apps"), QStringLiteral("Northwind Software"),
                              QStringLiteral("Blue Fjord AS"), QStringLiteral("Kestrel Labs")};
} // namespace

SubmissionSummary summary(int n, qint64 version)
{
    SubmissionSummary s;
    s.id = QStringLiteral("s_%1").arg(n, 5, 10, QLatin1Char('0'));
    s.version = version;
    s.appId = QStringLiteral("a_%1").arg(n % 97);
    s.appName = Apps.at(n % Apps.size()) + QStringLiteral(" %1").arg(n);
    s.partnerId = QStringLiteral("p_%1").arg(n % 13);
    s.partnerName = Partners.at(n % Partners.size());
    s.questionnaireVersion = QStringLiteral("2026.1");
    s.status = n % 3 == 0 ? SubmissionSummary::Status::Submitted : SubmissionSummary::Status::InReview;
    s.stage = SubmissionSummary::Stage::Review;
    if (n % 3 != 0)
        s.assignee = QStringLiteral("u_alice");
    s.submittedAt = QDateTime(QDate(2026, 10, 1), QTime(9, 0), QTimeZone::UTC).addSecs(qint64(n) * 3600);
    s.updatedAt = s.submittedAt.addSecs(version * 60);
    if (n % 4 == 1)
        s.previousSubmissionId = QStringLiteral("s_%1").arg(n + 100000);
    return s;
}

Submission submission(int n, qint64 version)
{
    Submission sub;
    sub.summary = summary(n, version);
    const QString sha = QStringLiteral("%1").arg(n, 64, 16, QLatin1Char('0'));
    sub.evidence.append({QStringLiteral("e_%1_1").arg(n), QStringLiteral("csrf-middleware.py"),
                         QStringLiteral("text/x-python"), 2048, sha, EvidenceItem::LocalState::Absent});
    sub.evidence.append({QStringLiteral("e_%1_2").arg(n), QStringLiteral("../../etc/passwd scan.html"),
                         QStringLiteral("text/html"), 99, sha.left(63) + QLatin1Char('f'), EvidenceItem::LocalState::Absent});
    sub.answers.append({QStringLiteral("csrf.1"),
                        QStringLiteral("Django's CsrfViewMiddleware is enabled for every view; tokens rotate at login."),
                        {QStringLiteral("e_%1_1").arg(n)}});
    sub.answers.append({QStringLiteral("seg.1"),
                        QStringLiteral("Every table carries tenant_id, enforced by PostgreSQL row-level security."),
                        {}});
    sub.answers.append({QStringLiteral("xss.1"), QStringLiteral("We take security very seriously. ünïcödé ✓"),
                        {QStringLiteral("e_%1_2").arg(n)}});
    sub.comments.append({QStringLiteral("c_%1").arg(n), QStringLiteral("u_bob"), Comment::Visibility::Internal,
                         QStringLiteral("Ask for the RLS policy file."), sub.summary.submittedAt.addSecs(30)});
    sub.history.append({sub.summary.submittedAt, QStringLiteral("p_1"), QStringLiteral("submitted"), {}});
    sub.history.append({sub.summary.submittedAt.addSecs(10), QStringLiteral("u_carol"), QStringLiteral("assigned"),
                        QJsonObject{{QStringLiteral("assignee"), QStringLiteral("u_alice")}}});
    return sub;
}

} // namespace assay::test
