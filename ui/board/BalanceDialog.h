#pragma once

#include "models/BalancePlanner.h"

#include <QDialog>
#include <QHash>

class QListWidget;

namespace assay {

// The balance proposal for the lead to accept move by move: each move a
// checkable line ("App — from Bob to Alice"), all ticked at first. Only the
// moves left ticked are applied, and only when the lead accepts.
class BalanceDialog : public QDialog
{
    Q_OBJECT

public:
    // names: user id -> name; apps: submission id -> app name.
    BalanceDialog(const QList<BalancePlanner::Move> &moves, const QHash<QString, QString> &names,
                  const QHash<QString, QString> &apps, QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    // The moves ticked now.
    QList<BalancePlanner::Move> acceptedMoves() const;

private:
    QList<BalancePlanner::Move> m_moves;
    QListWidget *m_list;
};

} // namespace assay
