#include "models/BalancePlanner.h"

#include <QHash>

#include <algorithm>

namespace assay {

QList<BalancePlanner::Move> BalancePlanner::plan(const QList<Reviewer> &reviewers, const QList<Movable> &movable)
{
    // The loads of those who may receive work; ids sorted, so every tie is
    // broken the same way.
    QHash<QString, int> load;
    QStringList ids;
    for (const Reviewer &r : reviewers) {
        if (!r.hasRole)
            continue;
        load.insert(r.id, r.open);
        ids.append(r.id);
    }
    ids.sort();
    if (ids.isEmpty())
        return {};

    QList<Movable> order = movable;
    std::ranges::stable_sort(order, [](const Movable &a, const Movable &b) {
        return a.ageDays != b.ageDays ? a.ageDays > b.ageDays : a.id < b.id;
    });

    QHash<QString, QString> placed; // submission -> reviewer
    QHash<QString, bool> toRejecter;
    QList<const Movable *> loose;   // not yet with anyone who may keep it
    for (const Movable &m : order) {
        if (!m.rejectedBy.isEmpty() && load.contains(m.rejectedBy)) {
            if (m.assignee != m.rejectedBy) {
                ++load[m.rejectedBy];
                if (m.assignee && load.contains(*m.assignee))
                    --load[*m.assignee];
            }
            placed.insert(m.id, m.rejectedBy);
            toRejecter.insert(m.id, true);
        } else if (m.assignee && load.contains(*m.assignee)) {
            placed.insert(m.id, *m.assignee);
        } else {
            loose.append(&m);
        }
    }
    auto leastLoaded = [&] {
        QString best = ids.first();
        for (const QString &id : std::as_const(ids))
            if (load.value(id) < load.value(best))
                best = id;
        return best;
    };
    // The unassigned (and those with someone who lost the role), oldest
    // first, each to whoever has least.
    for (const Movable *m : std::as_const(loose)) {
        const QString to = leastLoaded();
        ++load[to];
        placed.insert(m->id, to);
    }
    // Then from the most loaded to the least, one at a time, while that
    // narrows the gap; only what may move (not kept with its rejecter). The
    // oldest goes first: it waits longest where it is.
    for (;;) {
        const QString to = leastLoaded();
        QString from;
        const Movable *give = nullptr;
        for (const QString &id : std::as_const(ids)) {
            if (load.value(id) <= load.value(to) + 1 || (!from.isEmpty() && load.value(id) <= load.value(from)))
                continue;
            const Movable *candidate = nullptr;
            for (const Movable &m : order) {
                if (placed.value(m.id) == id && !toRejecter.value(m.id)) {
                    candidate = &m;
                    break;
                }
            }
            if (candidate) {
                from = id;
                give = candidate;
            }
        }
        if (!give)
            break;
        --load[from];
        ++load[to];
        placed.insert(give->id, to);
    }

    QList<Move> moves;
    for (const Movable &m : order) {
        const QString to = placed.value(m.id);
        if (m.assignee == to)
            continue;
        moves.append({m.id, m.assignee, to, toRejecter.value(m.id)});
    }
    return moves;
}

} // namespace assay
