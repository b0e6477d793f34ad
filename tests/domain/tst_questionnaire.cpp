#include "domain/JsonReader.h"
#include "domain/Questionnaire.h"

#include <QFile>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace assay;

// The shipped questionnaire is what both the reference server serves and the
// client shows: it must be complete and well-formed.
class TestQuestionnaire : public QObject
{
    Q_OBJECT

private:
    Questionnaire shipped()
    {
        QString error;
        const auto q = Questionnaire::builtin(QStringLiteral("2026.1"), &error);
        if (!q)
            qFatal("%s", qPrintable(error));
        return *q;
    }

private Q_SLOTS:
    void shipsVersion2026_1()
    {
        QVERIFY(Questionnaire::builtinVersions().contains(QStringLiteral("2026.1")));
        QString error;
        QVERIFY2(Questionnaire::builtin(QStringLiteral("2026.1"), &error), qPrintable(error));
        QVERIFY(!Questionnaire::builtin(QStringLiteral("1999.9"), &error));
        QVERIFY(error.contains(QStringLiteral("1999.9")));
    }

    void hasTheTenCategoriesInOrder()
    {
        const Questionnaire q = shipped();
        QStringList keys;
        for (const auto &c : q.categories)
            keys.append(c.key);
        // The program's ten, in the order the README and the API name them.
        const QStringList expected = {QStringLiteral("data_segregation"), QStringLiteral("security_patches"),
                                      QStringLiteral("breach_response"), QStringLiteral("csrf_protection"),
                                      QStringLiteral("xss_sanitization"), QStringLiteral("customer_data_protection"),
                                      QStringLiteral("employee_mfa"), QStringLiteral("secrets_and_pii_storage"),
                                      QStringLiteral("mass_assignment"), QStringLiteral("trusted_redirects")};
        QCOMPARE(keys, expected);
        QCOMPARE(Questionnaire::categoryKeys(), expected);
    }

    void everyCategoryIsSubstantive()
    {
        const Questionnaire q = shipped();
        for (const auto &c : q.categories) {
            QVERIFY2(c.questions.size() >= 3 && c.questions.size() <= 6, qPrintable(c.key));
            QVERIFY2(!c.title.isEmpty() && !c.description.isEmpty(), qPrintable(c.key));
            int required = 0;
            for (const auto &item : c.checklist)
                required += item.required ? 1 : 0;
            QVERIFY2(required >= 1, qPrintable(c.key + QStringLiteral(" has no required checklist item")));
            QVERIFY2(required < c.checklist.size() || c.checklist.size() >= 2, qPrintable(c.key));
            QVERIFY2(!c.rejectionReasons.isEmpty(), qPrintable(c.key));
            for (const auto &question : c.questions) {
                QVERIFY2(question.text.size() >= 40, qPrintable(question.key + QStringLiteral(" is too short to be a real question")));
                QVERIFY2(!question.guidance.isEmpty(), qPrintable(question.key + QStringLiteral(" has no reviewer guidance")));
            }
        }
    }

    void keysAreUniqueAndEveryReasonHasText()
    {
        const Questionnaire q = shipped();
        QCOMPARE(q.validate(), QString());
        QSet<QString> seen;
        for (const auto &c : q.categories) {
            for (const auto &x : c.questions)
                QVERIFY2(!seen.contains(x.key) && (seen.insert(x.key), true), qPrintable(x.key));
            for (const auto &x : c.checklist)
                QVERIFY2(!seen.contains(x.key) && (seen.insert(x.key), true), qPrintable(x.key));
            for (const auto &x : c.rejectionReasons) {
                QVERIFY2(!seen.contains(x.code) && (seen.insert(x.code), true), qPrintable(x.code));
                QVERIFY2(x.text.trimmed().size() >= 20, qPrintable(x.code));
            }
        }
    }

    void lookups()
    {
        const Questionnaire q = shipped();
        const auto &csrf = *q.category(QStringLiteral("csrf_protection"));
        const QString code = csrf.rejectionReasons.first().code;
        QVERIFY(q.hasReason(QStringLiteral("csrf_protection"), code));
        QVERIFY(!q.hasReason(QStringLiteral("employee_mfa"), code));
        QCOMPARE(q.categoryOfQuestion(csrf.questions.first().key), &csrf);
        QVERIFY(q.checklistItem(csrf.checklist.first().key));
        QVERIFY(!q.requiredChecklistKeys().isEmpty());
    }

    // Encoding gives back the shipped file's JSON (what the server serves),
    // not just something that decodes to the same record.
    void encodesAsTheShippedFile()
    {
        QFile f(QStringLiteral(":/assay/questionnaire/2026.1.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject file = QJsonDocument::fromJson(f.readAll()).object();
        QVERIFY(!file.isEmpty());
        QCOMPARE(shipped().toJson(), file);
        JsonReader r(file);
        QCOMPARE(Questionnaire::fromJson(r), shipped());
        QVERIFY(r.ok());
    }

    // The verdict dialog offers an unticked required item as ready reasons
    // through its reason_codes: a required item without one, or naming a code
    // of another category, would leave the reviewer nothing (or the wrong
    // thing) to send.
    void everyRequiredItemMapsToAReasonOfItsCategory()
    {
        const Questionnaire q = shipped();
        int mapped = 0;
        for (const auto &c : q.categories) {
            QSet<QString> codes;
            for (const auto &r : c.rejectionReasons)
                codes.insert(r.code);
            for (const auto &item : c.checklist) {
                if (item.required)
                    QVERIFY2(!item.reasonCodes.isEmpty(), qPrintable(item.key + QStringLiteral(" maps to no reason code")));
                for (const QString &code : item.reasonCodes) {
                    QVERIFY2(codes.contains(code), qPrintable(item.key + QStringLiteral(" names ") + code));
                    ++mapped;
                }
                QCOMPARE(q.categoryOfChecklistItem(item.key), &c);
            }
        }
        QVERIFY(mapped >= q.requiredChecklistKeys().size());
        // Spot checks of the mapping's sense, not just its shape.
        QCOMPARE(q.checklistItem(QStringLiteral("csrf.c1"))->reasonCodes, QStringList{QStringLiteral("csrf.no_token")});
        QVERIFY(q.checklistItem(QStringLiteral("mfa.c3"))->reasonCodes.contains(QStringLiteral("mfa.sms_allowed")));
    }

    void validateFindsProblems()
    {
        Questionnaire q = shipped();
        Questionnaire dup = q;
        dup.categories[1].questions[0].key = dup.categories[0].questions[0].key;
        QVERIFY(dup.validate().contains(QStringLiteral("not unique")));
        Questionnaire swapped = q;
        std::swap(swapped.categories[0], swapped.categories[1]);
        QVERIFY(swapped.validate().contains(QStringLiteral("expected \"data_segregation\"")));
        Questionnaire mute = q;
        mute.categories[4].rejectionReasons[0].text = QStringLiteral("  ");
        QVERIFY(mute.validate().contains(QStringLiteral("has no text")));
        Questionnaire foreign = q;
        foreign.categories[0].checklist[0].reasonCodes = {QStringLiteral("csrf.no_token")};
        QVERIFY(foreign.validate().contains(QStringLiteral("not a reason of data_segregation")));
        Questionnaire short9 = q;
        short9.categories.removeLast();
        QVERIFY(short9.validate().contains(QStringLiteral("9 categories")));
    }
};

QTEST_GUILESS_MAIN(TestQuestionnaire)
#include "tst_questionnaire.moc"
