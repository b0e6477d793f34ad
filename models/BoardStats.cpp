#include "models/BoardStats.h"

#include "domain/JsonReader.h"
#include "models/Cache.h"
#include "models/CacheConnection.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>

namespace assay {

BoardStats::BoardStats(Cache &cache)
    : m_cache(cache)
{
}

Result<BoardStats::DecisionsPerWeek> BoardStats::decisionsPerWeek(int weeks)
{
    DecisionsPerWeek out;
    const QDate today = m_now.toUTC().date();
    const QDate thisMonday = today.addDays(1 - today.dayOfWeek());
    const QDate first = thisMonday.addDays(-7 * qint64(std::max(weeks, 1) - 1));
    for (QDate d = first; d <= thisMonday; d = d.addDays(7))
        out.weeks.append(d);

    QSqlQuery q(m_cache.connection().database());
    q.setForwardOnly(true);
    // date(at, '-6 days', 'weekday 1'): the Monday on or before the day.
    q.prepare(QStringLiteral(R"(
SELECT v.by_user, COALESCE(u.name, v.by_user), date(v.at, '-6 days', 'weekday 1') AS week, count(*)
FROM verdicts v LEFT JOIN users u ON u.id = v.by_user
WHERE julianday(v.at) >= julianday(?) AND julianday(v.at) < julianday(?)
GROUP BY v.by_user, week ORDER BY 2, 1, week)"));
    q.addBindValue(first.toString(Qt::ISODate));
    q.addBindValue(thisMonday.addDays(7).toString(Qt::ISODate));
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("read the decisions per week"));
    while (q.next()) {
        const QString user = q.value(0).toString();
        if (out.series.isEmpty() || out.series.last().userId != user)
            out.series.append({user, q.value(1).toString(), QList<int>(out.weeks.size(), 0)});
        const qsizetype at = out.weeks.indexOf(QDate::fromString(q.value(2).toString(), Qt::ISODate));
        if (at >= 0)
            out.series.last().counts[at] = q.value(3).toInt();
    }
    return out;
}

Result<QList<BoardStats::StageTime>> BoardStats::timeInStage()
{
    QSqlQuery q(m_cache.connection().database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(R"(
SELECT v.stage,
       julianday(v.at) - julianday(COALESCE(
           LAG(v.at) OVER (PARTITION BY v.submission_id ORDER BY v.seq), s.submitted_at))
FROM verdicts v JOIN submissions s ON s.id = v.submission_id)"));
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("read the time in each stage"));
    QHash<QString, QList<double>> days;
    while (q.next())
        days[q.value(0).toString()].append(std::max(0.0, q.value(1).toDouble()));
    QList<StageTime> out;
    for (const QString &stage : {QStringLiteral("review"), QStringLiteral("security")}) {
        const QList<double> &d = days.value(stage);
        out.append({stage, int(d.size()), quantile(d, 0.5), quantile(d, 0.9)});
    }
    return out;
}

Result<BoardStats::Ageing> BoardStats::ageing()
{
    QSqlQuery q(m_cache.connection().database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(R"(
SELECT CASE WHEN age < 7 THEN 0 WHEN age < 14 THEN 1 WHEN age < 30 THEN 2 WHEN age < 60 THEN 3 ELSE 4 END AS bucket,
       count(*)
FROM (SELECT julianday(?) - julianday(submitted_at) AS age FROM submissions WHERE stage <> 'done')
GROUP BY bucket)"));
    q.addBindValue(JsonReader::formatTimestamp(m_now));
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("read the ageing of the open queue"));
    Ageing out;
    while (q.next())
        out.counts.at(std::size_t(std::clamp(q.value(0).toInt(), 0, BucketCount - 1))) = q.value(1).toInt();
    return out;
}

double BoardStats::quantile(QList<double> values, double q)
{
    if (values.isEmpty())
        return 0;
    std::ranges::sort(values);
    const double h = (double(values.size()) - 1) * std::clamp(q, 0.0, 1.0);
    const auto lo = qsizetype(std::floor(h));
    const qsizetype hi = std::min(lo + 1, values.size() - 1);
    return values.at(lo) + (h - double(lo)) * (values.at(hi) - values.at(lo));
}

QString BoardStats::bucketName(int bucket)
{
    switch (bucket) {
    case 0:
        return QCoreApplication::translate("BoardStats", "0–7");
    case 1:
        return QCoreApplication::translate("BoardStats", "7–14");
    case 2:
        return QCoreApplication::translate("BoardStats", "14–30");
    case 3:
        return QCoreApplication::translate("BoardStats", "30–60");
    default:
        return QCoreApplication::translate("BoardStats", "60+");
    }
}

} // namespace assay
