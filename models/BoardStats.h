#pragma once

#include "domain/Result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <array>

namespace assay {

class Cache;

// The figures behind the lead's charts, from the cache alone (offline):
// decisions per week per reviewer (the verdicts table), time in each stage
// (median and 90th percentile, from the verdicts and the submission dates)
// and the ageing of the open queue.
class BoardStats
{
public:
    struct DecisionsPerWeek
    {
        // The Monday of each week, oldest first; every week of the span,
        // also the ones without a decision.
        QList<QDate> weeks;
        struct Series
        {
            QString userId;
            QString name;
            QList<int> counts; // one per week
        };
        // By name.
        QList<Series> series;
    };

    struct StageTime
    {
        QString stage; // API name: review, security
        int count = 0;
        double medianDays = 0;
        double p90Days = 0;
    };

    // <7 d, 7–14, 14–30, 30–60, >60, by days since submitted.
    static constexpr int BucketCount = 5;
    struct Ageing
    {
        std::array<int, BucketCount> counts{};
    };

    explicit BoardStats(Cache &cache);

    void setNow(const QDateTime &now) { m_now = now; }

    // The `weeks` weeks up to and including the one holding now.
    Result<DecisionsPerWeek> decisionsPerWeek(int weeks = 8);
    // Each stint in a stage ends with a verdict at that stage; it began when
    // the previous verdict on the submission moved it (else at submission).
    Result<QList<StageTime>> timeInStage();
    // Open submissions (stage review or security).
    Result<Ageing> ageing();

    // The q-quantile (0..1) of the values, interpolated between the closest
    // ranks (as R's type 7 and NumPy's default); 0 for no values.
    static double quantile(QList<double> values, double q);
    // The label of an ageing bucket in days ("0–7" … "60+"), translated.
    // (No "<": a chart's axis takes its labels for rich text.)
    static QString bucketName(int bucket);

private:
    Cache &m_cache;
    QDateTime m_now = QDateTime::currentDateTimeUtc();
};

} // namespace assay
