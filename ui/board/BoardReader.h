#pragma once

#include "models/BoardStats.h"
#include "models/QueueFilter.h"
#include "models/Workload.h"

#include <QHash>
#include <QString>

namespace assay {

// What the lead's board shows, read in one go on a worker thread over a
// connection of its own (a Cache is used by the thread that opened it): at
// 100,000 submissions the open work and the figures take the better part of
// a second, which the window's thread must not wait for.
struct BoardSnapshot
{
    enum class Parts { All, ReviewerOnly };

    Parts parts = Parts::All;
    QList<Workload::Reviewer> reviewers;
    QList<Workload::Item> pile;
    // The reviewer whose work was read (the one asked for; with All and none
    // asked for, the first).
    QString reviewer;
    QList<Workload::Item> work;
    QHash<QString, QString> names;
    BoardStats::DecisionsPerWeek decisions;
    QList<BoardStats::StageTime> stages;
    BoardStats::Ageing ageing;
    // Empty when all was read.
    QString error;

    static BoardSnapshot read(const QString &cachePath, const QueueContext &context, const QString &reviewer, Parts parts);
};

} // namespace assay
