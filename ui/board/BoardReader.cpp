#include "ui/board/BoardReader.h"

#include "models/Cache.h"
#include "models/UserDirectory.h"

#include <QCoreApplication>

namespace assay {

BoardSnapshot BoardSnapshot::read(const QString &cachePath, const QueueContext &context, const QString &reviewer, Parts parts)
{
    BoardSnapshot s;
    s.parts = parts;
    s.reviewer = reviewer;
    auto failed = [&s](const Error &e) {
        s.error = e.message;
        return s;
    };
    Cache cache;
    if (const Result<> opened = cache.open(cachePath); !opened)
        return failed(opened.error());
    const QDateTime now = context.effectiveNow();
    Workload workload(cache);
    workload.setNow(now);
    workload.setSla(context.sla);
    const Result<QHash<QString, QString>> names = cache.users().names();
    if (!names)
        return failed(names.error());
    s.names = *names;
    if (parts == Parts::All) {
        Result<QList<Workload::Reviewer>> reviewers = workload.reviewers();
        if (!reviewers)
            return failed(reviewers.error());
        s.reviewers = std::move(*reviewers);
        Result<QList<Workload::Item>> pile = workload.unassigned();
        if (!pile)
            return failed(pile.error());
        s.pile = std::move(*pile);
        if (s.reviewer.isEmpty() && !s.reviewers.isEmpty())
            s.reviewer = s.reviewers.first().id;
        BoardStats stats(cache);
        stats.setNow(now);
        Result<BoardStats::DecisionsPerWeek> decisions = stats.decisionsPerWeek();
        if (!decisions)
            return failed(decisions.error());
        s.decisions = std::move(*decisions);
        Result<QList<BoardStats::StageTime>> stages = stats.timeInStage();
        if (!stages)
            return failed(stages.error());
        s.stages = std::move(*stages);
        const Result<BoardStats::Ageing> ageing = stats.ageing();
        if (!ageing)
            return failed(ageing.error());
        s.ageing = *ageing;
    }
    if (!s.reviewer.isEmpty()) {
        Result<QList<Workload::Item>> work = workload.assignedTo(s.reviewer);
        if (!work)
            return failed(work.error());
        s.work = std::move(*work);
    }
    return s;
}

} // namespace assay
