#include "models/AnswerComparison.h"
#include "models/ChangedOnlyFilter.h"
#include "models/ReviewTreeModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace assay;
using namespace Qt::StringLiterals;
using Tree = ReviewTreeModel;

namespace {

Questionnaire::Category category(const QString &key, const QStringList &questionKeys, const QList<Questionnaire::ChecklistItem> &items = {})
{
    Questionnaire::Category c;
    c.key = key;
    c.title = u"Category "_s + key;
    for (const QString &q : questionKeys)
        c.questions.append({q, u"Question "_s + q, QString(), false});
    c.checklist = items;
    return c;
}

// The previous submission answered 2025.1 (a1 a2 a3 | b1 | d1); the current
// one 2026.1 (a1 a2 a4 | b1 | d1): a1 and b1 changed, a2 and d1 did not, a4
// is new and a3 dropped. Category c3 has nothing changed.
struct Fixture
{
    Questionnaire before;
    Questionnaire now;
    Submission previous;
    Submission current;
    AnswerComparison comparison;

    Fixture()
    {
        before.version = u"2025.1"_s;
        before.categories = {category(u"c1"_s, {u"a1"_s, u"a2"_s, u"a3"_s}), category(u"c2"_s, {u"b1"_s}),
                             category(u"c3"_s, {u"d1"_s})};
        now.version = u"2026.1"_s;
        now.categories = {category(u"c1"_s, {u"a1"_s, u"a2"_s, u"a4"_s},
                                   {{u"i1"_s, u"Item 1"_s, true, {}}, {u"i2"_s, u"Item 2"_s, true, {}}, {u"i3"_s, u"Item 3"_s, false, {}}}),
                          category(u"c2"_s, {u"b1"_s}, {{u"j1"_s, u"Item j1"_s, true, {}}}),
                          category(u"c3"_s, {u"d1"_s}, {{u"k1"_s, u"Item k1"_s, true, {}}})};
        previous.answers = {{u"a1"_s, u"We patch monthly."_s, {}}, {u"a2"_s, u"Same."_s, {}},
                            {u"a3"_s, u"Old."_s, {}}, {u"b1"_s, u"Logs."_s, {}}, {u"d1"_s, u"Fine."_s, {}}};
        current.answers = {{u"a1"_s, u"We patch weekly."_s, {}}, {u"a2"_s, u"Same."_s, {}},
                           {u"a4"_s, u"New."_s, {}}, {u"b1"_s, u"Logs kept."_s, {}}, {u"d1"_s, u"Fine."_s, {}}};
        comparison = AnswerComparison::compare(now, current, &previous, &before);
    }
};

QStringList childKeys(const QAbstractItemModel &m, const QModelIndex &parent = {})
{
    QStringList out;
    for (int r = 0; r < m.rowCount(parent); ++r)
        out.append(m.index(r, 0, parent).data(Tree::KeyRole).toString());
    return out;
}

} // namespace

class TestReviewTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void categoriesThenQuestionsInOrder()
    {
        const Fixture f;
        Tree model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReview(f.now, f.comparison, {u"a1"_s}, {u"i1"_s, u"i3"_s});

        QCOMPARE(childKeys(model), QStringList({u"c1"_s, u"c2"_s, u"c3"_s}));
        const QModelIndex c1 = model.index(0, 0);
        QCOMPARE(childKeys(model, c1), QStringList({u"a1"_s, u"a2"_s, u"a4"_s, u"a3"_s}));
        QCOMPARE(c1.data(Tree::KindRole).toInt(), int(Tree::Kind::Category));
        QCOMPARE(c1.data(Tree::QuestionCountRole).toInt(), 3); // the dropped one is not asked
        QCOMPARE(c1.data(Tree::ReadCountRole).toInt(), 1);
        QCOMPARE(c1.data(Tree::RequiredCountRole).toInt(), 2);
        QCOMPARE(c1.data(Tree::TickedCountRole).toInt(), 1); // i3 is not required
        QCOMPARE(c1.data(Tree::ProgressTextRole).toString(), u"1/3 read · 1/2 required ticked"_s);
        QCOMPARE(c1.data(Tree::ChangedRole).toBool(), true);
        QCOMPARE(c1.data(Tree::ReadRole).toBool(), false);
        QCOMPARE(model.index(2, 0).data(Tree::ChangedRole).toBool(), false);
        QCOMPARE(model.index(2, 0).data().toString(), u"Category c3"_s);

        const QModelIndex a1 = model.index(0, 0, c1);
        QCOMPARE(a1.data(Tree::KindRole).toInt(), int(Tree::Kind::Question));
        QCOMPARE(a1.data(Tree::ReadRole).toBool(), true);
        QCOMPARE(a1.data(Tree::ChangedRole).toBool(), true);
        QCOMPARE(a1.data(Tree::CategoryKeyRole).toString(), u"c1"_s);
        QCOMPARE(a1.data().toString(), u"Question a1 (changed)"_s);
        QCOMPARE(model.index(1, 0, c1).data(Tree::ChangedRole).toBool(), false);
        QCOMPARE(model.index(2, 0, c1).data(Tree::ChangeRole).toInt(), int(AnswerComparison::Change::New));
        QCOMPARE(model.index(3, 0, c1).data(Tree::ChangeRole).toInt(), int(AnswerComparison::Change::Dropped));
        QCOMPARE(model.index(3, 0, c1).data().toString(), u"Question a3 (dropped)"_s);

        QCOMPARE(model.questionIndex(u"b1"_s), model.index(0, 0, model.index(1, 0)));
        QCOMPARE(model.categoryIndex(u"c3"_s), model.index(2, 0));
        QVERIFY(!model.questionIndex(u"nope"_s).isValid());
    }

    void readAndTickRepaintJustTheirRows()
    {
        const Fixture f;
        Tree model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReview(f.now, f.comparison, {}, {});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        model.setRead(u"a2"_s, true);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), model.questionIndex(u"a2"_s));
        QCOMPARE(changed.at(1).at(0).value<QModelIndex>(), model.categoryIndex(u"c1"_s));
        QCOMPARE(model.questionIndex(u"a2"_s).data(Tree::ReadRole).toBool(), true);
        QCOMPARE(model.categoryIndex(u"c1"_s).data(Tree::ReadCountRole).toInt(), 1);

        changed.clear();
        model.setRead(u"a2"_s, true); // already read
        model.setRead(u"a3"_s, true); // dropped: nothing to read
        QCOMPARE(changed.count(), 0);

        model.setTicked(u"j1"_s, true);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), model.categoryIndex(u"c2"_s));
        QCOMPARE(model.categoryIndex(u"c2"_s).data(Tree::TickedCountRole).toInt(), 1);
        model.setTicked(u"i3"_s, true); // not required: no progress
        QCOMPARE(changed.count(), 1);
        model.setTicked(u"j1"_s, false);
        QCOMPARE(model.categoryIndex(u"c2"_s).data(Tree::TickedCountRole).toInt(), 0);

        model.setRead(u"d1"_s, true);
        QCOMPARE(model.categoryIndex(u"c3"_s).data(Tree::ReadRole).toBool(), true);
        QCOMPARE(reset.count(), 0);
    }

    void changedOnlyHidesTheRestAcrossTheQuestionnaire()
    {
        const Fixture f;
        Tree model;
        model.setReview(f.now, f.comparison, {}, {});
        ChangedOnlyFilter filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(childKeys(filter), QStringList({u"c1"_s, u"c2"_s, u"c3"_s}));

        filter.setChangedOnly(true);
        QVERIFY(filter.changedOnly());
        QCOMPARE(childKeys(filter), QStringList({u"c1"_s, u"c2"_s}));
        QCOMPARE(childKeys(filter, filter.index(0, 0)), QStringList({u"a1"_s, u"a4"_s, u"a3"_s}));
        QCOMPARE(childKeys(filter, filter.index(1, 0)), QStringList({u"b1"_s}));

        // Progress still counts every question, shown or not.
        QCOMPARE(filter.index(0, 0).data(Tree::QuestionCountRole).toInt(), 3);

        filter.setChangedOnly(false);
        QCOMPARE(childKeys(filter), QStringList({u"c1"_s, u"c2"_s, u"c3"_s}));
        QCOMPARE(childKeys(filter, filter.index(0, 0)).size(), 4);
    }

    void firstSubmissionHasNoChangedMarks()
    {
        const Fixture f;
        Tree model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReview(f.now, AnswerComparison::compare(f.now, f.current), {}, {});
        QCOMPARE(childKeys(model, model.index(0, 0)), QStringList({u"a1"_s, u"a2"_s, u"a4"_s}));
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(model.index(r, 0).data(Tree::ChangedRole).toBool(), false);
    }

    void theShippedQuestionnaire()
    {
        QString error;
        const auto q = Questionnaire::builtin(u"2026.1"_s, &error);
        QVERIFY2(q, qPrintable(error));
        Submission s;
        for (const QString &key : q->questionKeys())
            s.answers.append({key, u"Answer to "_s + key, {}});
        Tree model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReview(*q, AnswerComparison::compare(*q, s), {}, {});
        QCOMPARE(childKeys(model), Questionnaire::categoryKeys());
        int questions = 0;
        for (int r = 0; r < model.rowCount(); ++r)
            questions += model.rowCount(model.index(r, 0));
        QCOMPARE(questions, q->questionKeys().size());
    }
};

QTEST_GUILESS_MAIN(TestReviewTreeModel)
#include "tst_reviewtreemodel.moc"
