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

QJsonObject notesToJson(const QMap<QString, QString> &notes)
{
    QJsonObject o;
    for (auto it = notes.cbegin(); it != notes.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QMap<QString, QString> notesFromJson(const QVariant &json)
{
    QMap<QString, QString> out;
    const QJsonObject o = objectOf(json);
    for (auto it = o.constBegin(); it != o.constEnd(); ++it)
        out.insert(it.key(), it.value().toString());
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
    d.notes = notesFromJson(q.value(5));
    return d;
}

const QString DraftColumns = QStringLiteral("submission_id, decision, summary, reasons, updated_at, notes");

QVariant versionValue(const WorkStamp &stamp)
{
    return stamp.version > 0 ? QVariant(stamp.version) : QVariant(QMetaType(QMetaType::LongLong));
}

QVariant basisValue(const WorkStamp &stamp)
{
    return stamp.basis.isEmpty() ? nullText() : QVariant(stamp.basis);
}
} // namespace

ReviewWork::ReviewWork(CacheConnection &connection)
    : m_connection(connection)
{
}

Result<> ReviewWork::setChecklistTick(const QString &submissionId, const QString &itemKey, bool checked,
                                      const WorkStamp &stamp)
{
    QSqlQuery q(m_connection.database());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO checklist_ticks (submission_id, item_key, checked, updated_at, "
                             "made_on_version, basis) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(submissionId);
    q.addBindValue(nn(itemKey));
    q.addBindValue(checked ? 1 : 0);
    q.addBindValue(now());
    q.addBindValue(versionValue(stamp));
    q.addBindValue(basisValue(stamp));
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("save checklist tick"));
    return {};
}

Result<QHash<QString, ReviewWork::Tick>> ReviewWork::checklistTicks(const QString &submissionId)
{
    QHash<QString, Tick> ticks;
    QSqlQuery q(m_connection.database());
    q.prepare(QStringLiteral("SELECT item_key, checked, made_on_version, basis, updated_at FROM checklist_ticks "
                             "WHERE submission_id = ?"));
    q.addBindValue(submissionId);
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("read checklist ticks of %1").arg(submissionId));
    while (q.next()) {
        ticks.insert(q.value(0).toString(),
                     Tick{q.value(1).toInt() == 1, q.value(2).toLongLong(), q.value(3).toString(), timeOf(q.value(4))});
    }
    return ticks;
}

Result<> ReviewWork::setNote(const QString &submissionId, const QString &key, const QString &body,
                             const WorkStamp &stamp)
{
    QSqlQuery q(m_connection.database());
    if (body.isEmpty()) {
        q.prepare(QStringLiteral("DELETE FROM notes WHERE submission_id = ? AND question_key = ?"));
        q.addBindValue(submissionId);
        q.addBindValue(nn(key));
    } else {
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO notes (submission_id, question_key, body, updated_at, "
                                 "made_on_version, basis) VALUES (?, ?, ?, ?, ?, ?)"));
        q.addBindValue(submissionId);
        q.addBindValue(nn(key));
        q.addBindValue(body);
        q.addBindValue(now());
        q.addBindValue(versionValue(stamp));
        q.addBindValue(basisValue(stamp));
    }
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("save note"));
    return {};
}

Result<QHash<QString, ReviewWork::Note>> ReviewWork::notes(const QString &submissionId)
{
    QHash<QString, Note> out;
    QSqlQuery q(m_connection.database());
    q.prepare(QStringLiteral("SELECT question_key, body, made_on_version, basis, updated_at FROM notes "
                             "WHERE submission_id = ?"));
    q.addBindValue(submissionId);
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("read notes of %1").arg(submissionId));
    while (q.next()) {
        out.insert(q.value(0).toString(),
                   Note{q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toString(), timeOf(q.value(4))});
    }
    return out;
}

Result<> ReviewWork::markRead(const QString &submissionId, const QString &questionKey)
{
    QSqlQuery q(m_connection.database());
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO question_reads (submission_id, question_key, read_at) VALUES (?, ?, ?)"));
    q.addBindValue(submissionId);
    q.addBindValue(nn(questionKey));
    q.addBindValue(now());
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("mark a question of %1 read").arg(submissionId));
    return {};
}

Result<QHash<QString, QDateTime>> ReviewWork::readQuestions(const QString &submissionId)
{
    QHash<QString, QDateTime> out;
    QSqlQuery q(m_connection.database());
    q.prepare(QStringLiteral("SELECT question_key, read_at FROM question_reads WHERE submission_id = ?"));
    q.addBindValue(submissionId);
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("read which questions of %1 were read").arg(submissionId));
    while (q.next())
        out.insert(q.value(0).toString(), timeOf(q.value(1)));
    return out;
}

Result<> ReviewWork::setReasonAddressed(const QString &submissionId, const QString &reasonKey, bool addressed)
{
    QSqlQuery q(m_connection.database());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO reason_marks (submission_id, reason_key, addressed, updated_at) "
                             "VALUES (?, ?, ?, ?)"));
    q.addBindValue(submissionId);
    q.addBindValue(nn(reasonKey));
    q.addBindValue(addressed ? 1 : 0);
    q.addBindValue(now());
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("mark a reason of %1").arg(submissionId));
    return {};
}

Result<QHash<QString, bool>> ReviewWork::reasonMarks(const QString &submissionId)
{
    QHash<QString, bool> out;
    QSqlQuery q(m_connection.database());
    q.prepare(QStringLiteral("SELECT reason_key, addressed FROM reason_marks WHERE submission_id = ?"));
    q.addBindValue(submissionId);
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("read the reason marks of %1").arg(submissionId));
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toInt() == 1);
    return out;
}

Result<std::optional<QDateTime>> ReviewWork::lastOpened(const QString &submissionId)
{
    QSqlQuery q(m_connection.database());
    q.prepare(QStringLiteral("SELECT last_opened_at FROM opened WHERE submission_id = ?"));
    q.addBindValue(submissionId);
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("read when %1 was opened").arg(submissionId));
    if (!q.next())
        return std::optional<QDateTime>();
    return std::optional<QDateTime>(timeOf(q.value(0)));
}

Result<std::optional<QDateTime>> ReviewWork::markOpened(const QString &submissionId)
{
    // Read and replaced in one transaction: two windows opening it at once
    // each see an earlier time, never their own.
    std::optional<QDateTime> before;
    const Result<> done = m_connection.inTransaction(QStringLiteral("mark %1 opened").arg(submissionId), [&]() -> Result<> {
        Result<std::optional<QDateTime>> previous = lastOpened(submissionId);
        if (!previous)
            return previous.error();
        before = *previous;
        QSqlQuery q(m_connection.database());
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO opened (submission_id, last_opened_at) VALUES (?, ?)"));
        q.addBindValue(submissionId);
        q.addBindValue(now());
        if (!q.exec())
            return CacheConnection::failQuery(q, QStringLiteral("mark %1 opened").arg(submissionId));
        return {};
    });
    if (!done)
        return done.error();
    return before;
}

Result<> ReviewWork::saveDraft(const ReviewDraft &d)
{
    QSqlQuery q(m_connection.database());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO drafts (%1) VALUES (?, ?, ?, ?, ?, ?)").arg(DraftColumns));
    q.addBindValue(d.submissionId);
    q.addBindValue(d.decision ? QVariant(Verdict::decisionName(*d.decision)) : nullText());
    q.addBindValue(nn(d.summary));
    q.addBindValue(compactJson(reasonsToJson(d.reasons)));
    q.addBindValue(JsonReader::formatTimestamp(d.updatedAt.isValid() ? d.updatedAt : QDateTime::currentDateTimeUtc()));
    q.addBindValue(compactJson(notesToJson(d.notes)));
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
