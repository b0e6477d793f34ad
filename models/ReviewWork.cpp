#include "models/ReviewWork.h"

#include "models/CacheConnection.h"
#include "models/ColumnValues.h"
#include "models/ReviewDraft.h"

#include <QSqlDatabase>
#include <QSqlQuery>

namespace assay {

using namespace columns;

namespace {
QJsonArray reasonsToJson(const QList<Verdict::Reason> &reasons)
{
    QJsonArray a;
    for (const Verdict::Reason &r : reasons) {
        a.append(QJsonObject{{QStringLiteral("category"), r.category},
                             {QStringLiteral("code"), r.code},
                             {QStringLiteral("note"), r.note}});
    }
    return a;
}

QList<Verdict::Reason> reasonsFromJson(const QString &json)
{
    QList<Verdict::Reason> out;
    const QJsonArray a = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &v : a) {
        const QJsonObject o = v.toObject();
        out.append({o.value(QStringLiteral("category")).toString(), o.value(QStringLiteral("code")).toString(),
                    o.value(QStringLiteral("note")).toString()});
    }
    return out;
}

ReviewDraft draftFromRow(const QSqlQuery &q)
{
    ReviewDraft d;
    d.submissionId = q.value(0).toString();
    if (!q.value(1).isNull())
        d.decision = Verdict::decisionFromName(q.value(1).toString());
    d.summary = q.value(2).toString();
    d.reasons = reasonsFromJson(q.value(3).toString());
    d.updatedAt = timeOf(q.value(4));
    return d;
}

const QString DraftColumns = QStringLiteral("submission_id, decision, summary, reasons, updated_at");
} // namespace

ReviewWork::ReviewWork(CacheConnection &connection)
    : m_connection(connection)
{
}

Result<> ReviewWork::setChecklistTick(const QString &submissionId, const QString &itemKey, bool checked)
{
    QSqlQuery q(m_connection.database());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO checklist_ticks (submission_id, item_key, checked, updated_at) "
                             "VALUES (?, ?, ?, ?)"));
    q.addBindValue(submissionId);
    q.addBindValue(nn(itemKey));
    q.addBindValue(checked ? 1 : 0);
    q.addBindValue(now());
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("save checklist tick"));
    return {};
}

Result<QHash<QString, bool>> ReviewWork::checklistTicks(const QString &submissionId)
{
    QHash<QString, bool> ticks;
    QSqlQuery q(m_connection.database());
    q.prepare(QStringLiteral("SELECT item_key, checked FROM checklist_ticks WHERE submission_id = ?"));
    q.addBindValue(submissionId);
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("read checklist ticks of %1").arg(submissionId));
    while (q.next())
        ticks.insert(q.value(0).toString(), q.value(1).toInt() == 1);
    return ticks;
}

Result<> ReviewWork::setNote(const QString &submissionId, const QString &questionKey, const QString &body)
{
    QSqlQuery q(m_connection.database());
    if (body.isEmpty()) {
        q.prepare(QStringLiteral("DELETE FROM notes WHERE submission_id = ? AND question_key = ?"));
        q.addBindValue(submissionId);
        q.addBindValue(nn(questionKey));
    } else {
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO notes (submission_id, question_key, body, updated_at) "
                                 "VALUES (?, ?, ?, ?)"));
        q.addBindValue(submissionId);
        q.addBindValue(nn(questionKey));
        q.addBindValue(body);
        q.addBindValue(now());
    }
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("save note"));
    return {};
}

Result<QHash<QString, QString>> ReviewWork::notes(const QString &submissionId)
{
    QHash<QString, QString> out;
    QSqlQuery q(m_connection.database());
    q.prepare(QStringLiteral("SELECT question_key, body FROM notes WHERE submission_id = ?"));
    q.addBindValue(submissionId);
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("read notes of %1").arg(submissionId));
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toString());
    return out;
}

Result<> ReviewWork::saveDraft(const ReviewDraft &d)
{
    QSqlQuery q(m_connection.database());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO drafts (%1) VALUES (?, ?, ?, ?, ?)").arg(DraftColumns));
    q.addBindValue(d.submissionId);
    q.addBindValue(d.decision ? QVariant(Verdict::decisionName(*d.decision)) : nullText());
    q.addBindValue(nn(d.summary));
    q.addBindValue(compactJson(reasonsToJson(d.reasons)));
    q.addBindValue(JsonReader::formatTimestamp(d.updatedAt.isValid() ? d.updatedAt : QDateTime::currentDateTimeUtc()));
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("save draft"));
    return {};
}

Result<std::optional<ReviewDraft>> ReviewWork::draft(const QString &submissionId)
{
    QSqlQuery q(m_connection.database());
    q.prepare(QStringLiteral("SELECT %1 FROM drafts WHERE submission_id = ?").arg(DraftColumns));
    q.addBindValue(submissionId);
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("read the draft of %1").arg(submissionId));
    if (!q.next())
        return std::optional<ReviewDraft>();
    return std::optional<ReviewDraft>(draftFromRow(q));
}

Result<QList<ReviewDraft>> ReviewWork::drafts()
{
    QList<ReviewDraft> out;
    QSqlQuery q(m_connection.database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM drafts ORDER BY submission_id").arg(DraftColumns)))
        return CacheConnection::failQuery(q, QStringLiteral("read drafts"));
    while (q.next())
        out.append(draftFromRow(q));
    return out;
}

} // namespace assay
