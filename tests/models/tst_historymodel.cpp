#include "models/HistoryModel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace assay;
using namespace Qt::StringLiterals;

namespace {

const QDateTime t0(QDate(2026, 3, 1), QTime(9, 0), QTimeZone::UTC);

HistoryEntry entry(int minutes, const QString &actor, const QString &action, const QJsonObject &detail = {})
{
    return {t0.addSecs(minutes * 60), actor, action, detail};
}

} // namespace

class TestHistoryModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void localActionsLeadThenServerNewestFirst()
    {
        HistoryModel model([](const QString &id) { return id == u"u_bob"_s ? u"Bob"_s : id; });
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QList<HistoryEntry> server{entry(0, u"p_acme"_s, u"submitted"_s),
                                         entry(30, u"u_lead"_s, u"assigned"_s, {{u"to"_s, u"u_bob"_s}}),
                                         entry(10, u"system"_s, u"evidence_scanned"_s)};
        // A local action whose clock says earlier than the server's last entry
        // still leads: it is not yet sent.
        const QList<HistoryModel::LocalAction> local{
            {t0.addSecs(20 * 60), u"u_bob"_s, u"comment"_s, u"pending upload"_s, u"Clarification request"_s},
            {t0.addSecs(40 * 60), u"u_bob"_s, u"rejected"_s, u"conflict"_s, u"2 reasons"_s}};
        model.setHistory(server, local);

        QCOMPARE(model.rowCount(), 5);
        QStringList actions;
        for (int r = 0; r < model.rowCount(); ++r)
            actions.append(model.index(r).data(HistoryModel::ActionRole).toString());
        QCOMPARE(actions, QStringList({u"rejected"_s, u"comment"_s, u"assigned"_s, u"evidence_scanned"_s, u"submitted"_s}));
        QCOMPARE(model.index(0).data(HistoryModel::LocalRole).toBool(), true);
        QCOMPARE(model.index(0).data(HistoryModel::StateRole).toString(), u"conflict"_s);
        QCOMPARE(model.index(0).data().toString(), u"Bob: rejected (conflict, not yet sent)"_s);
        QCOMPARE(model.index(2).data(HistoryModel::LocalRole).toBool(), false);
        QCOMPARE(model.index(2).data(HistoryModel::StateRole).toString(), QString());
        QCOMPARE(model.index(2).data().toString(), u"u_lead: assigned"_s);
        QCOMPARE(model.index(2).data(HistoryModel::DetailRole).toString(), u"to: u_bob"_s);
        QCOMPARE(model.index(2).data(HistoryModel::TimeRole).toDateTime(), t0.addSecs(30 * 60));
        QCOMPARE(model.index(4).data(HistoryModel::ActorNameRole).toString(), u"p_acme"_s);

        model.setHistory(server, {});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0).data(HistoryModel::ActionRole).toString(), u"assigned"_s);
    }

    void detailInOneLine()
    {
        QCOMPARE(HistoryModel::detailText({{u"base_version"_s, 3}, {u"codes"_s, QJsonArray{u"a"_s, u"b"_s}}, {u"to"_s, QJsonValue()}}),
                 u"base_version: 3, codes: [\"a\",\"b\"], to: —"_s);
        QCOMPARE(HistoryModel::detailText({}), QString());
    }
};

QTEST_GUILESS_MAIN(TestHistoryModel)
#include "tst_historymodel.moc"
