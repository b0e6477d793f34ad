#include "models/ReasonSuggestions.h"

#include <QTest>

using namespace assay;
using namespace Qt::StringLiterals;
using Suggestion = ReasonSuggestions::Suggestion;

namespace {

Questionnaire questionnaire()
{
    Questionnaire q;
    q.version = u"t.1"_s;
    Questionnaire::Category csrf;
    csrf.key = u"csrf"_s;
    csrf.title = u"CSRF"_s;
    csrf.checklist = {{u"csrf.token"_s, u"Every form carries a token"_s, true, {u"csrf.no_token"_s}},
                      {u"csrf.samesite"_s, u"Cookies are SameSite"_s, true, {u"csrf.no_token"_s, u"csrf.cookies"_s}},
                      {u"csrf.extra"_s, u"Optional hardening"_s, false, {u"csrf.cookies"_s}},
                      {u"csrf.done"_s, u"Reviewed the flows"_s, true, {u"csrf.flows"_s}}};
    csrf.rejectionReasons = {{u"csrf.no_token"_s, u"Forms are not protected by a token."_s},
                             {u"csrf.cookies"_s, u"Session cookies allow cross-site use."_s},
                             {u"csrf.flows"_s, u"State-changing flows were not described."_s}};
    Questionnaire::Category mfa;
    mfa.key = u"mfa"_s;
    mfa.title = u"MFA"_s;
    // The same code string in another category is another reason.
    mfa.checklist = {{u"mfa.all"_s, u"All staff use MFA"_s, true, {u"csrf.cookies"_s}}};
    mfa.rejectionReasons = {{u"csrf.cookies"_s, u"Odd but legal: a code named like another category's."_s}};
    q.categories = {csrf, mfa};
    return q;
}

} // namespace

class TestReasonSuggestions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void untickedRequiredItemsBecomeReasonsOnce()
    {
        const QList<Suggestion> s = ReasonSuggestions::of(questionnaire(), {u"csrf.done"_s});
        QCOMPARE(s.size(), 3);
        QCOMPARE(s.at(0), (Suggestion{u"csrf"_s, u"csrf.no_token"_s, u"Forms are not protected by a token."_s,
                                      {u"csrf.token"_s, u"csrf.samesite"_s},
                                      u"Every form carries a token\nCookies are SameSite"_s}));
        QCOMPARE(s.at(1), (Suggestion{u"csrf"_s, u"csrf.cookies"_s, u"Session cookies allow cross-site use."_s,
                                      {u"csrf.samesite"_s}, u"Cookies are SameSite"_s}));
        QCOMPARE(s.at(2).category, u"mfa"_s);
        QCOMPARE(s.at(2).code, u"csrf.cookies"_s);
        QCOMPARE(s.at(2).itemKeys, QStringList({u"mfa.all"_s}));
    }

    void allTickedOffersNothing()
    {
        QVERIFY(ReasonSuggestions::of(questionnaire(), {u"csrf.token"_s, u"csrf.samesite"_s, u"csrf.done"_s, u"mfa.all"_s}).isEmpty());
    }

    void optionalItemsAreNeverOffered()
    {
        const auto s = ReasonSuggestions::of(questionnaire(), {u"csrf.token"_s, u"csrf.done"_s, u"mfa.all"_s});
        // csrf.samesite is still unticked; csrf.extra (optional) adds nothing.
        QCOMPARE(s.size(), 2);
        QCOMPARE(s.at(1).itemKeys, QStringList({u"csrf.samesite"_s}));
    }

    void theShippedQuestionnaireOffersRubricReasons()
    {
        QString error;
        const auto q = Questionnaire::builtin(u"2026.1"_s, &error);
        QVERIFY2(q, qPrintable(error));
        const QList<Suggestion> all = ReasonSuggestions::of(*q, {});
        QSet<QString> categories;
        QSet<QString> items;
        for (const Suggestion &s : all) {
            QVERIFY2(q->hasReason(s.category, s.code), qPrintable(s.category + u' ' + s.code));
            QVERIFY(!s.reasonText.isEmpty());
            QVERIFY(!s.note.isEmpty());
            categories.insert(s.category);
            for (const QString &k : s.itemKeys)
                items.insert(k);
        }
        QCOMPARE(categories.size(), q->categories.size());
        // Every required item is behind some suggestion; tick them all and none is left.
        const QStringList required = q->requiredChecklistKeys();
        QCOMPARE(items, QSet<QString>(required.cbegin(), required.cend()));
        QVERIFY(ReasonSuggestions::of(*q, items).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestReasonSuggestions)
#include "tst_reasonsuggestions.moc"
