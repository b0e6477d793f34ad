#pragma once

#include "domain/Questionnaire.h"
#include "domain/RecordedVerdict.h"
#include "domain/Submission.h"
#include "domain/Verdict.h"
#include "models/UserDirectory.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace assay {

// Which decisions the signed-in user may make on a submission now, and why
// not the others, so the review screen refuses up front what the server
// would refuse (403 forbidden / four_eyes, 409 already_decided, 422 for
// unticked required items) instead of letting a reviewer record a verdict
// that comes back refused hours later. It also gathers what an approve should
// warn about before it is recorded. A value computed from the cache's data:
// make a new one when the ticks or the submission change. GUI-free.
class ApprovalGate
{
    Q_DECLARE_TR_FUNCTIONS(ApprovalGate)

public:
    // The signed-in user as GET /me gives it (cache.users().me()).
    using Signer = UserDirectory::User;

    struct Warning
    {
        enum class Kind {
            // A question whose rubric requires evidence has none.
            EvidenceMissing,
            // Evidence the reviewer cannot have looked at: not downloaded,
            // quarantined (sha256 mismatch) or refused by the sync.
            EvidenceNotDownloaded,
            EvidenceMismatch,
            EvidenceRefused,
            // The evidence viewer's secrets findings nobody has looked at yet.
            SecretsUnreviewed,
        };
        Kind kind = Kind::EvidenceMissing;
        // The question (EvidenceMissing) or the evidence item (the others).
        QString key;
        // In words for the reviewer; may name a partner's filename: show it
        // as plain text, never log it.
        QString text;
    };

    ApprovalGate(const Questionnaire &questionnaire, const Submission &submission,
                 const QMap<QString, bool> &checklist, const Signer &me);

    bool allows(Verdict::Decision decision) const { return refusal(decision).isEmpty(); }
    // Why the decision cannot be made now; empty when it can.
    QString refusal(Verdict::Decision decision) const;
    QList<Verdict::Decision> allowed() const;

    // The required checklist items not ticked, in the questionnaire's order.
    const QStringList &missingRequired() const { return m_missing; }
    // What an approve warns about before it is recorded (it does not stop it).
    const QList<Warning> &warnings() const { return m_warnings; }

    // The hook for the evidence viewer's secrets scan (issue 11): how many
    // findings of each evidence item nobody has looked at. Each non-zero
    // count becomes a warning.
    void setUnreviewedSecretsFindings(const QHash<QString, int> &countByEvidenceId);

    // The review stage's approve that sent the submission to security: the
    // verdict a security user reads, and the one person who may not decide
    // the security stage (four eyes). std::nullopt when there is none.
    static std::optional<RecordedVerdict> reviewApproval(const Submission &submission);

private:
    // Why this user may not decide at all at the submission's stage; empty
    // when they may.
    QString whoRefusal() const;
    void collectEvidenceWarnings(const Submission &submission);

    SubmissionSummary m_summary;
    Signer m_me;
    std::optional<QString> m_reviewApprover;
    QStringList m_missing;
    QList<Warning> m_warnings;
    QHash<QString, QString> m_filenames;
};

} // namespace assay
