#pragma once

#include "server/ServerStore.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace assay::server {

// Fills a store with believable demo data: partners and their apps, answers
// that read like real security answers (good, weak and evasive ones), some
// submissions with an earlier one (a few answers changed), a spread of
// statuses, stages, ages and assignees, and evidence of every kind the viewer
// handles. Deterministic for a given seed (tokens aside).
class Seeder
{
public:
    // The built-in demo users: reviewers, a lead, security users, and one
    // person who is both reviewer and security (to meet the four-eyes rule).
    // Tokens are fresh random ones.
    static QList<User> demoUsers();

    // Adds `count` submissions unless the store was seeded before (then it
    // adds nothing). Returns an error message, or empty. With
    // `evidenceCache`, the evidence files are taken from and kept in that
    // folder (EvidenceCache) instead of drawn on every run. `storyNow` is the
    // seeded story's "now" (invalid: anchor()); the demo seeds up to the hour
    // it starts in, so that its queue is current when it is looked at.
    static QString seed(ServerStore &store, int count, quint32 seed, const QString &evidenceCache = {},
                        const QDateTime &storyNow = {});

    // The seeded story's "now": every seeded date lies before it, and the
    // badges due for re-validation are due relative to it. Fixed, so the
    // data is the same on every run; a server whose clock stands here
    // (`--now`) finds the re-validations the seeding opened and no others.
    static QDateTime anchor();
};

} // namespace assay::server
