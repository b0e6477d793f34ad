#include "common/TestData.h"
#include "domain/Questionnaire.h"
#include "models/ApprovalGate.h"

#include <QTest>

using namespace assay;
using D = Verdict::Decision;

// Which decisions the signed-in user may make, and why not: the rules the
// server enforces (api.md, POST verdict), refused up front, and the warnings
// an approve shows before it is recorded.
class TestApprovalGate : public QObject
{
    Q_OBJECT

private:
    Questionnaire m_q;

    static ApprovalGate::Signer user(const QString &id, const QString &roles)
    {
        return {id, id.mid(2), roles.split(QLatin1Char(','), Qt::SkipEmptyParts)};
    }
    QMap<QString, bool> allTicked() const
    {
        QMap<QString, bool> ticks;
        for (const QString &k : m_q.requiredChecklistKeys())
            ticks.insert(k, true);
        return ticks;
    }
    // Submission 2 of the test data: assigned to u_alice, stage review.
    static Submission inReview() { return test::submission(2, 4); }
    // The same after Bob approved the review stage.
    static Submission atSecurity(const QString &approver = QStringLiteral("u_bob"))
    {
        Submission s = inReview();
        s.summary.stage = SubmissionSummary::Stage::Security;
        RecordedVerdict r;
        r.stage = RecordedVerdict::Stage::Review;
        r.by = approver;
        r.version = 4;
        r.verdict.decision = D::Approve;
        r.verdict.baseVersion = 4;
        s.verdicts.append(r);
        s.summary.version = 5;
        return s;
    }
    static QList<ApprovalGate::Warning::Kind> kinds(const ApprovalGate &g)
    {
        QList<ApprovalGate::Warning::Kind> out;
        for (const auto &w : g.warnings())
            out.append(w.kind);
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        const auto q = Questionnaire::builtin(QStringLiteral("2026.1"), &error);
        QVERIFY2(q, qPrintable(error));
        m_q = *q;
        QVERIFY(m_q.requiredChecklistKeys().size() > 10);
    }

    void approveNeedsEveryRequiredItem()
    {
        const auto alice = user(QStringLiteral("u_alice"), QStringLiteral("reviewer"));
        QMap<QString, bool> ticks = allTicked();
        QVERIFY(ApprovalGate(m_q, inReview(), ticks, alice).allows(D::Approve));
        QVERIFY(ApprovalGate(m_q, inReview(), ticks, alice).missingRequired().isEmpty());

        // One item unticked (present as false), another absent altogether.
        ticks.insert(QStringLiteral("csrf.c2"), false);
        ticks.remove(QStringLiteral("seg.c1"));
        const ApprovalGate g(m_q, inReview(), ticks, alice);
        QVERIFY(!g.allows(D::Approve));
        QCOMPARE(g.missingRequired(), (QStringList{QStringLiteral("seg.c1"), QStringLiteral("csrf.c2")}));
        QVERIFY(g.refusal(D::Approve).contains(QStringLiteral("seg.c1, csrf.c2")));
        // Rejecting is not held up by the checklist.
        QVERIFY(g.allows(D::Reject));
        QCOMPARE(g.allowed(), QList<D>{D::Reject});

        // An optional item does not count.
        ticks = allTicked();
        ticks.insert(QStringLiteral("seg.c6"), false);
        QVERIFY(ApprovalGate(m_q, inReview(), ticks, alice).allows(D::Approve));
    }

    void longMissingListIsShortened()
    {
        const ApprovalGate g(m_q, inReview(), {}, user(QStringLiteral("u_alice"), QStringLiteral("reviewer")));
        const qsizetype n = m_q.requiredChecklistKeys().size();
        QCOMPARE(g.missingRequired().size(), n);
        const QString why = g.refusal(D::Approve);
        QVERIFY2(why.contains(QStringLiteral("and %1 more").arg(n - 6)), qPrintable(why));
        QVERIFY(!why.contains(m_q.requiredChecklistKeys().constLast()));
    }

    void reviewStageTakesTheAssigneeOrALead()
    {
        const auto ticks = allTicked();
        const ApprovalGate bob(m_q, inReview(), ticks, user(QStringLiteral("u_bob"), QStringLiteral("reviewer")));
        QVERIFY(bob.allowed().isEmpty());
        QVERIFY2(bob.refusal(D::Reject).contains(QStringLiteral("u_alice")), qPrintable(bob.refusal(D::Reject)));

        const ApprovalGate carol(m_q, inReview(), ticks, user(QStringLiteral("u_carol"), QStringLiteral("lead")));
        QCOMPARE(carol.allowed(), (QList<D>{D::Approve, D::Reject}));

        // Unassigned: only a lead.
        Submission unassigned = inReview();
        unassigned.summary.assignee.reset();
        QVERIFY(!ApprovalGate(m_q, unassigned, ticks, user(QStringLiteral("u_alice"), QStringLiteral("reviewer")))
                     .allows(D::Reject));
        // The assignee id without the reviewer role is not enough (the server checks both).
        QVERIFY(!ApprovalGate(m_q, inReview(), ticks, user(QStringLiteral("u_alice"), QStringLiteral("security")))
                     .allows(D::Reject));
        // A security user cannot decide the review stage.
        QVERIFY(!ApprovalGate(m_q, inReview(), ticks, user(QStringLiteral("u_sam"), QStringLiteral("security")))
                     .allows(D::Approve));
    }

    void returnOnlyBySecurityAtSecurity()
    {
        const auto ticks = allTicked();
        const ApprovalGate alice(m_q, inReview(), ticks, user(QStringLiteral("u_alice"), QStringLiteral("reviewer")));
        QVERIFY(!alice.allows(D::Return));
        QVERIFY(!alice.refusal(D::Return).isEmpty());
        const ApprovalGate lead(m_q, inReview(), ticks, user(QStringLiteral("u_carol"), QStringLiteral("lead")));
        QVERIFY(!lead.allows(D::Return));

        const ApprovalGate sam(m_q, atSecurity(), ticks, user(QStringLiteral("u_sam"), QStringLiteral("security")));
        QCOMPARE(sam.allowed(), (QList<D>{D::Approve, D::Reject, D::Return}));
        // Return does not need the checklist complete.
        const ApprovalGate samOpen(m_q, atSecurity(), {}, user(QStringLiteral("u_sam"), QStringLiteral("security")));
        QCOMPARE(samOpen.allowed(), (QList<D>{D::Reject, D::Return}));
    }

    void securityStageNeedsSecurityAndFourEyes()
    {
        const auto ticks = allTicked();
        // The assignee, a reviewer, cannot decide at security.
        const ApprovalGate alice(m_q, atSecurity(), ticks, user(QStringLiteral("u_alice"), QStringLiteral("reviewer")));
        QVERIFY(alice.allowed().isEmpty());
        // Nor a lead who is not security.
        QVERIFY(ApprovalGate(m_q, atSecurity(), ticks, user(QStringLiteral("u_carol"), QStringLiteral("lead")))
                    .allowed()
                    .isEmpty());

        // Someone with both roles who approved the review stage: four eyes.
        const auto dana = user(QStringLiteral("u_dana"), QStringLiteral("reviewer,lead,security"));
        const ApprovalGate self(m_q, atSecurity(QStringLiteral("u_dana")), ticks, dana);
        QVERIFY(self.allowed().isEmpty());
        QVERIFY2(self.refusal(D::Approve).contains(QStringLiteral("four eyes")), qPrintable(self.refusal(D::Approve)));
        // Someone else approved review: Dana may decide security.
        QCOMPARE(ApprovalGate(m_q, atSecurity(QStringLiteral("u_bob")), ticks, dana).allowed(),
                 (QList<D>{D::Approve, D::Reject, D::Return}));
    }

    void fourEyesCountsTheLatestReviewApproval()
    {
        // Dana approved, security returned it, Bob approved again: Dana may decide now.
        Submission s = atSecurity(QStringLiteral("u_dana"));
        RecordedVerdict back;
        back.stage = RecordedVerdict::Stage::Security;
        back.by = QStringLiteral("u_sam");
        back.verdict.decision = D::Return;
        s.verdicts.append(back);
        RecordedVerdict again = s.verdicts.first();
        again.by = QStringLiteral("u_bob");
        s.verdicts.append(again);
        QCOMPARE(ApprovalGate::reviewApproval(s)->by, QStringLiteral("u_bob"));
        const auto dana = user(QStringLiteral("u_dana"), QStringLiteral("security"));
        QVERIFY(ApprovalGate(m_q, s, allTicked(), dana).allows(D::Approve));
        // A review-stage reject is no approval.
        Submission rejected = inReview();
        RecordedVerdict r;
        r.verdict.decision = D::Reject;
        rejected.verdicts.append(r);
        QVERIFY(!ApprovalGate::reviewApproval(rejected));
    }

    void doneTakesNothing()
    {
        Submission s = atSecurity();
        s.summary.stage = SubmissionSummary::Stage::Done;
        s.summary.status = SubmissionSummary::Status::Approved;
        const ApprovalGate g(m_q, s, allTicked(), user(QStringLiteral("u_sam"), QStringLiteral("security,lead")));
        QVERIFY(g.allowed().isEmpty());
        QVERIFY2(g.refusal(D::Reject).contains(QStringLiteral("already decided")), qPrintable(g.refusal(D::Reject)));
    }

    void warnings()
    {
        Submission s = inReview();
        // csrf.1 has evidence e_2_1 (absent); xss.1 has e_2_2; every other
        // evidence-required question of 2026.1 has no answer or no evidence.
        s.evidence[0].localState = EvidenceItem::LocalState::Mismatch;
        s.evidence[1].localState = EvidenceItem::LocalState::Present;
        EvidenceItem refused = s.evidence[1];
        refused.id = QStringLiteral("e_refused");
        refused.filename = QStringLiteral("huge.log");
        refused.localState = EvidenceItem::LocalState::Refused;
        s.evidence.append(refused);
        EvidenceItem absent = refused;
        absent.id = QStringLiteral("e_absent");
        absent.filename = QStringLiteral("later.pdf");
        absent.localState = EvidenceItem::LocalState::Absent;
        s.evidence.append(absent);
        // An answer pointing at evidence the submission does not carry has none.
        s.answers[1].evidenceIds = {QStringLiteral("e_gone")};

        ApprovalGate g(m_q, s, allTicked(), user(QStringLiteral("u_alice"), QStringLiteral("reviewer")));
        QVERIFY(g.allows(D::Approve)); // warnings do not refuse
        QStringList missingEvidence;
        int required = 0;
        for (const auto &c : m_q.categories) {
            for (const auto &q : c.questions)
                required += q.evidenceRequired ? 1 : 0;
        }
        QHash<ApprovalGate::Warning::Kind, QStringList> byKind;
        for (const auto &w : g.warnings())
            byKind[w.kind].append(w.key);
        using K = ApprovalGate::Warning::Kind;
        // csrf.1 and xss.1 carry evidence; seg.1 points at nothing.
        QCOMPARE(byKind.value(K::EvidenceMissing).size(), required - 2);
        QVERIFY(byKind.value(K::EvidenceMissing).contains(QStringLiteral("seg.1")));
        QVERIFY(!byKind.value(K::EvidenceMissing).contains(QStringLiteral("csrf.1")));
        QCOMPARE(byKind.value(K::EvidenceMismatch), QStringList{QStringLiteral("e_2_1")});
        QCOMPARE(byKind.value(K::EvidenceRefused), QStringList{QStringLiteral("e_refused")});
        QCOMPARE(byKind.value(K::EvidenceNotDownloaded), QStringList{QStringLiteral("e_absent")});
        QVERIFY(!byKind.contains(K::SecretsUnreviewed));

        // The secrets hook adds a warning per item with findings, and
        // replaces the earlier ones.
        g.setUnreviewedSecretsFindings({{QStringLiteral("e_2_2"), 3}, {QStringLiteral("e_absent"), 0}});
        QCOMPARE(kinds(g).count(K::SecretsUnreviewed), 1);
        const auto secrets = std::ranges::find_if(g.warnings(), [](const auto &w) { return w.kind == K::SecretsUnreviewed; });
        QCOMPARE(secrets->key, QStringLiteral("e_2_2"));
        QVERIFY2(secrets->text.contains(QStringLiteral("has 3 secrets finding")), qPrintable(secrets->text));
        g.setUnreviewedSecretsFindings({});
        QCOMPARE(kinds(g).count(K::SecretsUnreviewed), 0);
    }
};

QTEST_GUILESS_MAIN(TestApprovalGate)
#include "tst_approvalgate.moc"
