#include "ui/board/BalanceDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace assay {

BalanceDialog::BalanceDialog(const QList<BalancePlanner::Move> &moves, const QHash<QString, QString> &names,
                             const QHash<QString, QString> &apps, QWidget *parent)
    : QDialog(parent)
    , m_moves(moves)
    , m_list(new QListWidget)
{
    setWindowTitle(tr("Balance the Workload"));
    setObjectName(QStringLiteral("BalanceDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(moves.isEmpty()
                                 ? tr("The open work is as even as the movable submissions allow: nothing to move.")
                                 : tr("%Ln move(s) would even out the open work. Untick any you do not want; "
                                      "only the ticked ones are assigned.",
                                      nullptr, int(moves.size())));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_list->setAccessibleName(tr("Proposed moves"));
    for (const BalancePlanner::Move &m : moves) {
        const QString app = apps.value(m.submissionId, m.submissionId);
        const QString to = names.value(m.to, m.to);
        QString text = m.from ? tr("%1 — from %2 to %3").arg(app, names.value(*m.from, *m.from), to)
                              : tr("%1 — to %2").arg(app, to);
        if (m.toRejecter)
            text += tr(" (rejected the previous submission)");
        auto *item = new QListWidgetItem(text, m_list);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(Qt::Checked);
        item->setData(Qt::UserRole, m.submissionId);
    }
    layout->addWidget(m_list);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Assign the Ticked"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(!moves.isEmpty());
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(560, 400);
}

QList<BalancePlanner::Move> BalanceDialog::acceptedMoves() const
{
    QList<BalancePlanner::Move> out;
    for (int i = 0; i < m_list->count() && i < m_moves.size(); ++i)
        if (m_list->item(i)->checkState() == Qt::Checked)
            out.append(m_moves.at(i));
    return out;
}

} // namespace assay
