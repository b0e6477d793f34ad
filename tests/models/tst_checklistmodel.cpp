#include "common/ResultCheck.h"
#include "models/ChecklistModel.h"
#include "models/ReviewBasis.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace assay;
using namespace Qt::StringLiterals;
using Model = ChecklistModel;

namespace {

Questionnaire questionnaire()
{
    Questionnaire q;
    q.version = u"2026.1"_s;
    Questionnaire::Category c1;
    c1.key = u"c1"_s;
    c1.title = u"Patches"_s;
    c1.questions = {{u"a1"_s, u"Q a1"_s, {}, false}, {u"a2"_s, u"Q a2"_s, {}, true}};
    c1.checklist = {{u"i1"_s, u"Patch policy named"_s, true, {u"c1.none"_s}},
                    {u"i2"_s, u"Timeline stated"_s, true, {u"c1.late"_s}},
                    {u"i3"_s, u"Nice to have"_s, false, {}}};
    Questionnaire::Category c2;
    c2.key = u"c2"_s;
    c2.title = u"Breach"_s;
    c2.questions = {{u"b1"_s, u"Q b1"_s, {}, false}};
    q.categories = {c1, c2};
    return q;
}

EvidenceItem item(const QString &id, const QString &sha)
{
    EvidenceItem e;
    e.id = id;
    e.filename = id + u".png"_s;
    e.sha256 = sha;
    return e;
}

Submission submission(qint64 version, const QString &a1, const QString &b1, const QString &a2Sha, const QString &a2EvidenceId = u"e1"_s)
{
    Submission s;
    s.summary.id = u"s_1"_s;
    s.summary.version = version;
    s.answers = {{u"a1"_s, a1, {}}, {u"a2"_s, u"Weekly."_s, {a2EvidenceId}}, {u"b1"_s, b1, {}}};
    s.evidence = {item(a2EvidenceId, a2Sha)};
    return s;
}

struct Writes
{
    QStringList log;
    QString failWith;

    Model::TickWriter tick()
    {
        return [this](const QString &key, bool checked) -> Result<> {
            if (!failWith.isEmpty())
                return Error{failWith};
            log.append(u"tick "_s + key + (checked ? u" on"_s : u" off"_s));
            return {};
        };
    }
    Model::NoteWriter note()
    {
        return [this](const QString &key, const QString &text) -> Result<> {
            if (!failWith.isEmpty())
                return Error{failWith};
            log.append(u"note "_s + key + u' ' + text);
            return {};
        };
    }
};

} // namespace

class TestChecklistModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void basisFollowsTheCategorysAnswersAndEvidenceContent()
    {
        const Questionnaire q = questionnaire();
        const QString b = ReviewBasis::of(q, submission(1, u"Monthly."_s, u"Plan."_s, u"sha-a"_s), u"c1"_s);
        QCOMPARE(b.size(), 64);
        // Another version, the same answers: the same basis.
        QCOMPARE(ReviewBasis::of(q, submission(2, u"Monthly."_s, u"Plan."_s, u"sha-a"_s), u"c1"_s), b);
        // Another category's answer changed: this one's basis stays.
        QCOMPARE(ReviewBasis::of(q, submission(2, u"Monthly."_s, u"Other."_s, u"sha-a"_s), u"c1"_s), b);
        // The same content re-uploaded under another id: no change.
        QCOMPARE(ReviewBasis::of(q, submission(2, u"Monthly."_s, u"Plan."_s, u"sha-a"_s, u"e9"_s), u"c1"_s), b);
        // Text or evidence content changed: another basis.
        QVERIFY(ReviewBasis::of(q, submission(2, u"Weekly."_s, u"Plan."_s, u"sha-a"_s), u"c1"_s) != b);
        QVERIFY(ReviewBasis::of(q, submission(2, u"Monthly."_s, u"Plan."_s, u"sha-b"_s), u"c1"_s) != b);
        // Per category, and nothing for an unknown one.
        const auto all = ReviewBasis::ofAll(q, submission(1, u"Monthly."_s, u"Plan."_s, u"sha-a"_s));
        QCOMPARE(all.value(u"c1"_s), b);
        QVERIFY(all.value(u"c2"_s) != b);
        QCOMPARE(ReviewBasis::of(q, submission(1, u"Monthly."_s, u"Plan."_s, u"sha-a"_s), u"zz"_s), QString());
        // An answer removed is a change, even to empty text.
        Submission unanswered = submission(1, QString(), u"Plan."_s, u"sha-a"_s);
        const QString emptyAnswer = ReviewBasis::of(q, unanswered, u"c1"_s);
        unanswered.answers.removeFirst();
        QVERIFY(ReviewBasis::of(q, unanswered, u"c1"_s) != emptyAnswer);
    }

    void showsItemsAndFlagsWorkMadeOnOtherAnswers()
    {
        const Questionnaire q = questionnaire();
        const QString oldBasis = ReviewBasis::of(q, submission(1, u"Monthly."_s, u"Plan."_s, u"sha-a"_s), u"c1"_s);
        const QString newBasis = ReviewBasis::of(q, submission(2, u"Weekly."_s, u"Plan."_s, u"sha-a"_s), u"c1"_s);
        Writes writes;
        Model model(writes.tick(), writes.note());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QHash<QString, Model::ItemState> states;
        states.insert(u"i1"_s, {true, Model::Stamp{1, oldBasis}, QString(), std::nullopt});
        states.insert(u"i2"_s, {false, Model::Stamp{1, oldBasis}, QString(), std::nullopt}); // unticked: nothing to recheck
        states.insert(u"i3"_s, {false, std::nullopt, u"Looked fine"_s, Model::Stamp{1, oldBasis}});
        states.insert(u"c1"_s, {false, std::nullopt, u"Category note"_s, Model::Stamp{1, oldBasis}});
        model.setCategory(q, u"c1"_s, {2, newBasis}, states);

        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0).data().toString(), u"Patch policy named (required)"_s);
        QCOMPARE(model.index(2).data().toString(), u"Nice to have"_s);
        QCOMPARE(model.index(0).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QCOMPARE(model.index(1).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
        QCOMPARE(model.index(0).data(Model::RequiredRole).toBool(), true);
        QCOMPARE(model.index(2).data(Model::RequiredRole).toBool(), false);
        QCOMPARE(model.index(1).data(Model::ReasonCodesRole).toStringList(), QStringList({u"c1.late"_s}));
        QCOMPARE(model.index(0).data(Model::RecheckRole).toBool(), true);
        QCOMPARE(model.index(0).data(Model::RecheckTextRole).toString(), u"made on version 1 — recheck"_s);
        QCOMPARE(model.index(0).data(Model::MadeOnVersionRole).toLongLong(), 1);
        QCOMPARE(model.index(1).data(Model::RecheckRole).toBool(), false);
        QCOMPARE(model.index(2).data(Model::RecheckRole).toBool(), true);
        QCOMPARE(model.index(2).data(Model::NoteRole).toString(), u"Looked fine"_s);
        QCOMPARE(model.categoryNote(), u"Category note"_s);
        QVERIFY(model.categoryNoteNeedsRecheck());
        QCOMPARE(model.requiredCount(), 2);
        QCOMPARE(model.requiredTicked(), 1);

        // Work stored before stamps existed (version 0, no basis) is not flagged.
        QHash<QString, Model::ItemState> unstamped;
        unstamped.insert(u"i1"_s, {true, Model::Stamp{0, QString()}, u"old note"_s, Model::Stamp{0, QString()}});
        model.setCategory(q, u"c1"_s, {2, newBasis}, unstamped);
        QCOMPARE(model.index(0).data(Model::RecheckRole).toBool(), false);

        // A new version whose answers in this category did not change: no flag.
        model.setCategory(q, u"c1"_s, {3, oldBasis}, states);
        QCOMPARE(model.index(0).data(Model::RecheckRole).toBool(), false);
        QVERIFY(!model.categoryNoteNeedsRecheck());
        QVERIFY(writes.log.isEmpty());
    }

    void tickingWritesFirstAndChangesOnlyOnSuccess()
    {
        const Questionnaire q = questionnaire();
        Writes writes;
        Model model(writes.tick(), writes.note());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCategory(q, u"c1"_s, {2, u"basis-2"_s}, {});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy ticked(&model, &Model::tickChanged);
        QSignalSpy failed(&model, &Model::writeFailed);

        QVERIFY(model.setData(model.index(1), Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(writes.log, QStringList({u"tick i2 on"_s}));
        QCOMPARE(model.index(1).data(Model::CheckedRole).toBool(), true);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), model.index(1));
        QCOMPARE(ticked.count(), 1);
        QCOMPARE(ticked.at(0).at(0).toString(), u"i2"_s);
        QCOMPARE(model.requiredTicked(), 1);

        writes.failWith = u"disk full"_s;
        QVERIFY(!model.setData(model.index(0), Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(model.index(0).data(Model::CheckedRole).toBool(), false);
        QVERIFY(!model.setData(model.index(1), Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(model.index(1).data(Model::CheckedRole).toBool(), true);
        QVERIFY(!model.setData(model.index(2), u"a note"_s, Model::NoteRole));
        QCOMPARE(model.index(2).data(Model::NoteRole).toString(), QString());
        const Result<> r = model.setCategoryNote(u"x"_s);
        QVERIFY(!r);
        QCOMPARE(r.error().message, u"disk full"_s);
        QCOMPARE(model.categoryNote(), QString());
        QCOMPARE(failed.count(), 4);
        QCOMPARE(failed.at(0).at(0).toString(), u"disk full"_s);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(ticked.count(), 1);

        writes.failWith.clear();
        QVERIFY(model.setData(model.index(2), u"a note"_s, Model::NoteRole));
        QCOMPARE(model.index(2).data(Model::NoteRole).toString(), u"a note"_s);
        QVERIFY(test::ok(model.setCategoryNote(u"overall fine"_s)));
        QCOMPARE(writes.log, QStringList({u"tick i2 on"_s, u"note i3 a note"_s, u"note c1 overall fine"_s}));
        const Result<> outside = model.setChecked(7, true);
        QVERIFY(!outside);
        QCOMPARE(writes.log.size(), 3);
    }

    void confirmingRestampsWhatIsStale()
    {
        const Questionnaire q = questionnaire();
        Writes writes;
        Model model(writes.tick(), writes.note());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QHash<QString, Model::ItemState> states;
        states.insert(u"i1"_s, {true, Model::Stamp{1, u"old"_s}, u"checked the policy"_s, Model::Stamp{1, u"old"_s}});
        states.insert(u"i2"_s, {true, Model::Stamp{2, u"new"_s}, QString(), std::nullopt});
        model.setCategory(q, u"c1"_s, {2, u"new"_s}, states);
        QVERIFY(model.index(0).data(Model::RecheckRole).toBool());
        QSignalSpy ticked(&model, &Model::tickChanged);

        QVERIFY(test::ok(model.confirm(0)));
        QCOMPARE(writes.log, QStringList({u"tick i1 on"_s, u"note i1 checked the policy"_s}));
        QCOMPARE(model.index(0).data(Model::RecheckRole).toBool(), false);
        QCOMPARE(model.index(0).data(Model::CheckedRole).toBool(), true);
        QCOMPARE(ticked.count(), 0); // the tick itself did not change

        // Nothing stale: nothing written.
        QVERIFY(test::ok(model.confirm(1)));
        QCOMPARE(writes.log.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestChecklistModel)
#include "tst_checklistmodel.moc"
