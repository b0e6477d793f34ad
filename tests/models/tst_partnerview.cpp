#include "common/ResultCheck.h"
#include "models/PartnerView.h"

#include <QTest>

using namespace assay;
using namespace Qt::StringLiterals;

namespace {

Questionnaire questionnaire()
{
    Questionnaire q;
    q.version = u"t.1"_s;
    Questionnaire::Category csrf;
    csrf.key = u"csrf"_s;
    csrf.title = u"CSRF protection"_s;
    csrf.checklist = {{u"csrf.token"_s, u"Every form carries a token"_s, true, {u"csrf.no_token"_s}},
                      {u"csrf.samesite"_s, u"Cookies are SameSite"_s, true, {u"csrf.cookies"_s}}};
    csrf.rejectionReasons = {{u"csrf.no_token"_s, u"Forms are not protected by a token."_s},
                             {u"csrf.cookies"_s, u"Session cookies allow cross-site use."_s}};
    q.categories = {csrf};
    return q;
}

Verdict verdict(Verdict::Decision d)
{
    Verdict v;
    v.decision = d;
    v.baseVersion = 3;
    v.summary = u"Two <problems> found."_s;
    v.checklist = {{u"csrf.token"_s, false}, {u"csrf.samesite"_s, true}};
    v.notes = {{u"csrf.token"_s, u"Settings form has no token"_s}, {u"csrf"_s, u"Internal: ask Bob"_s}};
    return v;
}

} // namespace

class TestPartnerView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rejectSendsSummaryAndReasonsOnly()
    {
        Verdict v = verdict(Verdict::Decision::Reject);
        v.reasons = {{u"csrf"_s, u"csrf.no_token"_s, u"The settings form"_s}, {u"csrf"_s, u"csrf.cookies"_s, QString()}};
        const PartnerView p = test::ok(PartnerView::of(v, questionnaire()));
        QVERIFY(p.partnerNotified);
        QVERIFY(!p.badge);
        QCOMPARE(p.partnerSummary, u"Two <problems> found."_s);
        QCOMPARE(p.internalSummary, QString());
        QCOMPARE(p.reasons.size(), 2);
        QCOMPARE(p.reasons.at(0), (PartnerView::Reason{u"csrf"_s, u"CSRF protection"_s, u"csrf.no_token"_s,
                                                       u"Forms are not protected by a token."_s, u"The settings form"_s}));
        QCOMPARE(p.partnerText(),
                 u"The submission is rejected.\n\nSummary:\nTwo <problems> found.\n\nReasons:\n"
                 "- CSRF protection: Forms are not protected by a token.\n  The settings form\n"
                 "- CSRF protection: Session cookies allow cross-site use.\n"_s);
        // The internal side never reaches the partner's.
        QVERIFY(!p.partnerText().contains(u"ask Bob"_s));
        QVERIFY(!p.partnerText().contains(u"Settings form has no token"_s));
        QVERIFY(!p.partnerHtml().contains(u"ask Bob"_s));
        QVERIFY(p.partnerHtml().contains(u"Two &lt;problems&gt; found."_s));
        QVERIFY(!p.partnerHtml().contains(u"<problems>"_s));

        QCOMPARE(p.checklist.size(), 2);
        QCOMPARE(p.checklist.at(0), (PartnerView::ChecklistLine{u"csrf.token"_s, u"Every form carries a token"_s, false}));
        QCOMPARE(p.notes.size(), 2);
        QCOMPARE(p.notes.at(0), (PartnerView::NoteLine{u"csrf"_s, u"CSRF protection"_s, u"Internal: ask Bob"_s}));
        QCOMPARE(p.internalText(),
                 u"Checklist:\n[ ] Every form carries a token\n[x] Cookies are SameSite\n\nNotes:\n"
                 "- CSRF protection: Internal: ask Bob\n- Every form carries a token: Settings form has no token\n"_s);
        QVERIFY(p.internalHtml().contains(u"Internal: ask Bob"_s));
    }

    void approveSendsOnlyTheBadge()
    {
        Verdict v = verdict(Verdict::Decision::Approve);
        v.checklist = {{u"csrf.token"_s, true}, {u"csrf.samesite"_s, true}};
        const PartnerView p = test::ok(PartnerView::of(v, questionnaire()));
        QVERIFY(p.partnerNotified);
        QVERIFY(p.badge);
        QCOMPARE(p.partnerSummary, QString());
        QVERIFY(p.reasons.isEmpty());
        QCOMPARE(p.internalSummary, u"Two <problems> found."_s);
        QVERIFY(!p.partnerText().contains(u"problems"_s));
        QVERIFY(p.partnerText().contains(u"Security Badge"_s));
        QVERIFY(p.internalText().startsWith(u"Summary (internal):\nTwo <problems> found."_s));
    }

    void returnSendsNothing()
    {
        const PartnerView p = test::ok(PartnerView::of(verdict(Verdict::Decision::Return), questionnaire()));
        QVERIFY(!p.partnerNotified);
        QVERIFY(!p.badge);
        QCOMPARE(p.partnerSummary, QString());
        QCOMPARE(p.internalSummary, u"Two <problems> found."_s);
        QVERIFY(p.partnerText().contains(u"receives nothing"_s));
    }

    void refusesReasonsTheRubricDoesNotHave()
    {
        Verdict v = verdict(Verdict::Decision::Reject);
        v.reasons = {{u"csrf"_s, u"mfa.none"_s, QString()}};
        Result<PartnerView> r = PartnerView::of(v, questionnaire());
        QVERIFY(!r);
        QVERIFY(r.error().message.contains(u"mfa.none"_s));
        v.reasons = {{u"nope"_s, u"csrf.cookies"_s, QString()}};
        QVERIFY(!PartnerView::of(v, questionnaire()));
        Verdict approve = verdict(Verdict::Decision::Approve);
        approve.reasons = {{u"csrf"_s, u"csrf.cookies"_s, QString()}};
        QVERIFY(!PartnerView::of(approve, questionnaire()));
    }
};

QTEST_GUILESS_MAIN(TestPartnerView)
#include "tst_partnerview.moc"
