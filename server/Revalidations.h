#pragma once

#include "domain/Result.h"
#include "domain/Submission.h"

#include <QDateTime>
#include <QString>

#include <functional>

namespace assay::server {

class ServerStore;

// The yearly re-validation (api.md, `kind`): 30 days before an approved
// app's badge expires, the marketplace opens a `revalidation` submission
// pre-filled with the approved answers for the partner to confirm. The
// server checks on every request it handles, against its own clock; the
// seeder makes its stories with the same rules (prefilled(), LeadDays).
class Revalidations
{
public:
    // How long before a badge expires its re-validation opens.
    static constexpr int LeadDays = 30;
    // The history entry's action and actor for an opened re-validation: the
    // marketplace did it, not a partner or a reviewer.
    static inline const QString OpenedAction = QStringLiteral("revalidation_opened");
    static inline const QString Actor = QStringLiteral("marketplace");

    explicit Revalidations(ServerStore *store);

    // Opens the re-validation of every badge due at `now` (expiring within
    // LeadDays, or already expired without one), once per badge; returns how
    // many it opened. Not for an app with a later submission still open (its
    // badge is looked at again once that one is decided), never for a badge
    // a later approval superseded. One indexed query when nothing is due.
    Result<int> openDue(const QDateTime &now);

    // The re-validation of `approved` opened at `at` as `id`: its answers and
    // their evidence (the same files under new ids, made by `evidenceId`),
    // submitted, at stage review, unassigned, version 1.
    static Submission prefilled(const Submission &approved, const QString &id, const QDateTime &at,
                                const std::function<QString()> &evidenceId);

private:
    // Settles one due badge: opens its re-validation, marks it handled, or
    // leaves it for later (a later submission of the app is still open).
    Result<bool> settle(const QString &approvedId, const QDateTime &now);
    Result<qint64> nextNumber(const QString &table);

    ServerStore *m_store;
};

} // namespace assay::server
