#pragma once

#include "domain/Result.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace assay {

class CacheConnection;

// The marketplace's users as the cache keeps them: every user's name and
// roles (GET /users), for authors, actors and assignees, and the signed-in
// user (GET /me), whose roles decide what the review screen offers. The
// sync stores them; the screen reads them.
class UserDirectory
{
public:
    struct User
    {
        QString id;
        QString name;
        QStringList roles;

        bool hasRole(const QString &role) const { return roles.contains(role); }
        friend bool operator==(const User &, const User &) = default;
    };

    explicit UserDirectory(CacheConnection &connection);

    // Replaces the whole list, and notes when, in one transaction.
    Result<> storeUsers(const QList<User> &users);
    Result<QList<User>> users();
    // When the list was last stored (std::nullopt: never).
    Result<std::optional<QDateTime>> usersStoredAt();
    // The user's name; the id itself for an unknown user (or when the cache
    // cannot be read: a name is for display only, and the id says who).
    QString name(const QString &id);
    // Every known id -> name, for a view that names many at once.
    Result<QHash<QString, QString>> names();

    Result<> storeMe(const User &me);
    // std::nullopt: not signed in through a sync yet.
    Result<std::optional<User>> me();

private:
    CacheConnection &m_connection;
};

} // namespace assay
