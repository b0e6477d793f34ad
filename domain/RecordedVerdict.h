#pragma once

#include "domain/Verdict.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace assay {

class JsonReader;

// A verdict as the server recorded it (a submission's `verdicts`): who
// decided at which stage, on which version, with everything they sent. It is
// the record a later stage reads and the review report is built from.
struct RecordedVerdict
{
    enum class Stage { Review, Security };

    Stage stage = Stage::Review;
    QString by;
    QDateTime at;
    // The version decided on; verdict.baseVersion carries the same number.
    qint64 version = 0;
    Verdict verdict;

    QJsonObject toJson() const;
    static RecordedVerdict fromJson(JsonReader &reader);

    static QString stageName(Stage s);

    friend bool operator==(const RecordedVerdict &, const RecordedVerdict &) = default;
};

} // namespace assay
