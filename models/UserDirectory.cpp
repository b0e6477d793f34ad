#include "models/UserDirectory.h"

#include "models/CacheConnection.h"
#include "models/ColumnValues.h"
#include "models/Logging.h"
#include "models/SqliteStatement.h"

#include <QSqlDatabase>
#include <QSqlQuery>

namespace assay {

using namespace columns;

namespace {
const QString MeKey = QStringLiteral("me");
const QString UsersStoredKey = QStringLiteral("users_stored_at");

QStringList rolesOf(const QVariant &json)
{
    QStringList roles;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toString().toUtf8()).array())
        roles.append(v.toString());
    return roles;
}

Result<> setValue(CacheConnection &connection, const QString &key, const QString &value)
{
    QSqlQuery q(connection.database());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)"));
    q.addBindValue(key);
    q.addBindValue(value);
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("store %1").arg(key));
    return {};
}

Result<QString> valueOf(CacheConnection &connection, const QString &key)
{
    QSqlQuery q(connection.database());
    q.prepare(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec())
        return CacheConnection::failQuery(q, QStringLiteral("read %1").arg(key));
    return q.next() ? q.value(0).toString() : QString();
}
} // namespace

UserDirectory::UserDirectory(CacheConnection &connection)
    : m_connection(connection)
{
}

Result<> UserDirectory::storeUsers(const QList<User> &users)
{
    return m_connection.inTransaction(QStringLiteral("store %1 users").arg(users.size()), [&]() -> Result<> {
        QSqlQuery q(m_connection.database());
        if (!q.exec(QStringLiteral("DELETE FROM users")))
            return CacheConnection::failQuery(q, QStringLiteral("replace the users"));
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO users (id, name, roles) VALUES (?, ?, ?)"));
        for (const User &u : users) {
            q.addBindValue(u.id);
            q.addBindValue(nn(u.name));
            q.addBindValue(compactJson(QJsonArray::fromStringList(u.roles)));
            if (!q.exec())
                return CacheConnection::failQuery(q, QStringLiteral("store user %1").arg(u.id));
        }
        return setValue(m_connection, UsersStoredKey, now());
    });
}

Result<QList<UserDirectory::User>> UserDirectory::users()
{
    QList<User> out;
    QSqlQuery q(m_connection.database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, name, roles FROM users ORDER BY id")))
        return CacheConnection::failQuery(q, QStringLiteral("read the users"));
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), rolesOf(q.value(2))});
    return out;
}

Result<std::optional<QDateTime>> UserDirectory::usersStoredAt()
{
    const Result<QString> at = valueOf(m_connection, UsersStoredKey);
    if (!at)
        return at.error();
    if (at->isEmpty())
        return std::optional<QDateTime>();
    return std::optional<QDateTime>(timeOf(*at));
}

QString UserDirectory::name(const QString &id)
{
    const Result<SqliteStatement *> prepared = m_connection.statement("SELECT name FROM users WHERE id = ?");
    if (!prepared)
        return id; // logged where it failed
    SqliteStatement &st = **prepared;
    st.bind(1, id);
    const Result<bool> row = st.step();
    const QString name = row && *row ? st.columnText(0) : QString();
    st.reset();
    if (!row)
        qCWarning(lcCache).noquote() << "cache: cannot read the name of user" << id << ":" << row.error().message;
    return name.isEmpty() ? id : name;
}

Result<QHash<QString, QString>> UserDirectory::names()
{
    QHash<QString, QString> out;
    QSqlQuery q(m_connection.database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, name FROM users")))
        return CacheConnection::failQuery(q, QStringLiteral("read the users' names"));
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toString());
    return out;
}

Result<> UserDirectory::storeMe(const User &me)
{
    const QJsonObject o{{QStringLiteral("id"), me.id},
                        {QStringLiteral("name"), me.name},
                        {QStringLiteral("roles"), QJsonArray::fromStringList(me.roles)}};
    return setValue(m_connection, MeKey, compactJson(o));
}

Result<std::optional<UserDirectory::User>> UserDirectory::me()
{
    const Result<QString> json = valueOf(m_connection, MeKey);
    if (!json)
        return json.error();
    if (json->isEmpty())
        return std::optional<User>();
    const QJsonObject o = objectOf(*json);
    QStringList roles;
    for (const QJsonValue &v : o.value(QStringLiteral("roles")).toArray())
        roles.append(v.toString());
    return std::optional<User>(User{o.value(QStringLiteral("id")).toString(), o.value(QStringLiteral("name")).toString(), roles});
}

} // namespace assay
