#pragma once

#include "domain/HistoryEntry.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>

#include <functional>

namespace assay {

// A submission's audit trail: the reviewer's own actions not yet accepted by
// the server first (marked as local, with their outbox state), then the
// server's history, newest first.
class HistoryModel : public QAbstractListModel
{
    Q_OBJECT

public:
    // An action waiting in the outbox (a verdict, an assignment, a comment).
    struct LocalAction
    {
        QDateTime at;
        QString actor;
        QString action;   // as the server would name it: "rejected", "comment" ...
        QString state;    // the outbox state in words: "pending upload", "conflict" ...
        QString detail;   // a short description, shown as is
    };
    using NameFunction = std::function<QString(const QString &userId)>;

    enum Role {
        TimeRole = Qt::UserRole + 1,
        ActorIdRole,
        ActorNameRole,
        ActionRole,
        DetailRole,   // text
        LocalRole,    // bool: not yet sent
        StateRole,    // local: the outbox state; empty for the server's
    };

    explicit HistoryModel(NameFunction names, QObject *parent = nullptr);

    // Replaces everything (a model reset).
    void setHistory(const QList<HistoryEntry> &server, const QList<LocalAction> &local);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // A server entry's detail in one line ("to: u_bob, from: u_alice").
    static QString detailText(const QJsonObject &detail);

private:
    struct Row
    {
        QDateTime at;
        QString actor;
        QString action;
        QString detail;
        QString state;
        bool local = false;
    };

    NameFunction m_names;
    QList<Row> m_rows;
};

} // namespace assay
