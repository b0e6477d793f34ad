#pragma once

#include "domain/Verdict.h"

#include <QDateTime>
#include <QMap>
#include <QString>

#include <optional>

namespace assay {

// A verdict being written: saved as it is typed, so a crash or a closed
// laptop loses nothing. It becomes an outbox entry when the reviewer decides.
struct ReviewDraft
{
    QString submissionId;
    std::optional<Verdict::Decision> decision;
    QString summary;
    QList<Verdict::Reason> reasons;
    QDateTime updatedAt;
    // The verdict's internal notes, by checklist item or category key.
    QMap<QString, QString> notes;

    friend bool operator==(const ReviewDraft &, const ReviewDraft &) = default;
};

} // namespace assay
