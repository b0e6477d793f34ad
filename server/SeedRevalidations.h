#pragma once

#include "domain/Submission.h"

#include <QDateTime>
#include <QHash>
#include <QList>

namespace assay::server {

// The yearly re-validation in the seeded story, as if the server had been
// running up to the seeding anchor (Revalidations' rules): some badges
// expire within 30 days of the anchor and have their pre-filled
// re-validation open (one already past its expiry), some expire 40 to 60
// days out (due soon, none open yet), and no other badge is due at the
// anchor, so a server whose clock stands there opens nothing on its own.
// Works on the seeder's list, in the order it made it; keeps the count: a
// re-validation takes the place (and id) of an undecided one-off submission.
class SeedRevalidations
{
public:
    // `reviewApprovers` by submission id, as the seeder keeps them;
    // `evidenceCounter` the last evidence number handed out.
    static void apply(QList<Submission> &made, QHash<QString, QString> &reviewApprovers, const QDateTime &anchor,
                      int &evidenceCounter);

    // Moves every date of a submission by `seconds`.
    static void shift(Submission &s, qint64 seconds);
};

} // namespace assay::server
