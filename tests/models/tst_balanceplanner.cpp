#include "models/BalancePlanner.h"

#include <QTest>

using namespace assay;
using Move = BalancePlanner::Move;
using R = BalancePlanner::Reviewer;
using M = BalancePlanner::Movable;

namespace {
const QString A = QStringLiteral("u_a"), B = QStringLiteral("u_b"), C = QStringLiteral("u_c");

// Each reviewer's load after the moves.
QHash<QString, int> loadsAfter(const QList<R> &reviewers, const QList<Move> &moves)
{
    QHash<QString, int> load;
    for (const R &r : reviewers)
        load.insert(r.id, r.open);
    for (const Move &m : moves) {
        if (m.from)
            --load[*m.from];
        ++load[m.to];
    }
    return load;
}
} // namespace

// The balance proposal: evens out, keeps a resubmission with its rejecter,
// never moves what is not movable, gives nothing to a user without the role.
class TestBalancePlanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void evensOut()
    {
        // A has 6 (all movable), B 0, C 1 (its one pinned: not movable).
        const QList<R> reviewers{{A, 6}, {B, 0}, {C, 1}};
        QList<M> movable;
        for (int i = 0; i < 6; ++i)
            movable.append({QStringLiteral("s_%1").arg(i), A, {}, double(10 - i)});
        const QList<Move> moves = BalancePlanner::plan(reviewers, movable);
        const QHash<QString, int> load = loadsAfter(reviewers, moves);
        QCOMPARE(load.value(A), 3);
        QCOMPARE(load.value(B), 2);
        QCOMPARE(load.value(C), 2);
        QCOMPARE(moves.size(), 3);
        // Oldest first, to the least loaded (ties by id).
        QCOMPARE(moves.at(0), (Move{QStringLiteral("s_0"), A, B, false}));
        QCOMPARE(moves.at(1), (Move{QStringLiteral("s_1"), A, B, false}));
        QCOMPARE(moves.at(2), (Move{QStringLiteral("s_2"), A, C, false}));
        // The same input, the same moves.
        QCOMPARE(BalancePlanner::plan(reviewers, movable), moves);
    }

    void unassignedGoToTheLeastLoaded()
    {
        const QList<R> reviewers{{A, 2}, {B, 0}};
        const QList<M> movable{{QStringLiteral("s_old"), std::nullopt, {}, 30},
                               {QStringLiteral("s_new"), std::nullopt, {}, 1},
                               {QStringLiteral("s_mid"), std::nullopt, {}, 5}};
        const QList<Move> moves = BalancePlanner::plan(reviewers, movable);
        QCOMPARE(moves, (QList<Move>{{QStringLiteral("s_old"), std::nullopt, B, false},
                                     {QStringLiteral("s_mid"), std::nullopt, B, false},
                                     {QStringLiteral("s_new"), std::nullopt, A, false}}));
    }

    void resubmissionStaysWithItsRejecter()
    {
        // B is the busiest, yet the resubmission B rejected goes to B, and
        // the one already with B stays there.
        const QList<R> reviewers{{A, 0}, {B, 4}};
        QList<M> movable{{QStringLiteral("s_resub"), std::nullopt, B, 3},
                         {QStringLiteral("s_kept"), B, B, 9}};
        for (int i = 0; i < 3; ++i)
            movable.append({QStringLiteral("s_b%1").arg(i), B, {}, double(i)});
        const QList<Move> moves = BalancePlanner::plan(reviewers, movable);
        for (const Move &m : moves)
            QVERIFY2(m.submissionId != QStringLiteral("s_kept"), "moved away from its rejecter");
        QVERIFY(moves.contains(Move{QStringLiteral("s_resub"), std::nullopt, B, true}));
        const QHash<QString, int> load = loadsAfter(reviewers, moves);
        // 5 in all: B keeps its two resubmissions and one more, A takes two.
        QCOMPARE(load.value(A), 2);
        QCOMPARE(load.value(B), 3);
    }

    void rejecterWithoutTheRoleIsBalancedAsUsual()
    {
        const QList<R> reviewers{{A, 0}, {B, 3}, {C, 0, false}};
        const QList<M> movable{{QStringLiteral("s_resub"), std::nullopt, C, 3}};
        QCOMPARE(BalancePlanner::plan(reviewers, movable),
                 (QList<Move>{{QStringLiteral("s_resub"), std::nullopt, A, false}}));
    }

    void neverMovesWhatIsNotMovable()
    {
        // A holds 8, none of them movable; only the two given may move.
        const QList<R> reviewers{{A, 8}, {B, 0}};
        const QList<M> movable{{QStringLiteral("s_x"), std::nullopt, {}, 1}, {QStringLiteral("s_y"), std::nullopt, {}, 2}};
        const QList<Move> moves = BalancePlanner::plan(reviewers, movable);
        QCOMPARE(moves.size(), 2);
        for (const Move &m : moves) {
            QVERIFY(m.submissionId == QStringLiteral("s_x") || m.submissionId == QStringLiteral("s_y"));
            QCOMPARE(m.to, B);
        }
        QVERIFY(BalancePlanner::plan(reviewers, {}).isEmpty());
    }

    void noRoleGetsNothing()
    {
        // C lost the role: it gets nothing, and what it holds (movable) goes.
        const QList<R> reviewers{{A, 1}, {B, 1}, {C, 0, false}};
        const QList<M> movable{{QStringLiteral("s_1"), std::nullopt, {}, 5},
                               {QStringLiteral("s_2"), C, {}, 4},
                               {QStringLiteral("s_3"), std::nullopt, {}, 3}};
        const QList<Move> moves = BalancePlanner::plan(reviewers, movable);
        QCOMPARE(moves.size(), 3);
        for (const Move &m : moves)
            QVERIFY2(m.to != C, qPrintable(m.submissionId));
        QCOMPARE(moves.at(1), (Move{QStringLiteral("s_2"), C, B, false}));
        QVERIFY(BalancePlanner::plan({{C, 0, false}}, movable).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestBalancePlanner)
#include "tst_balanceplanner.moc"
