#include "ui/review/ReasonsEditor.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QShortcut>
#include <QTableWidget>
#include <QVBoxLayout>

#include <utility>

namespace assay {

namespace {
enum Column { CategoryColumn, ReasonColumn, NoteColumn };
enum RowRole { CategoryRole = Qt::UserRole, CodeRole, OfferedRole };
} // namespace

ReasonsEditor::ReasonsEditor(QWidget *parent)
    : QWidget(parent)
{
    m_table = new QTableWidget(0, 3, this);
    m_table->setObjectName(QStringLiteral("reasons"));
    m_table->setAccessibleName(tr("Rejection reasons: tick to include, edit the note"));
    m_table->setHorizontalHeaderLabels({tr("Category"), tr("Reason"), tr("Note to the partner")});
    m_table->horizontalHeader()->setSectionResizeMode(ReasonColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(NoteColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::AnyKeyPressed);
    // Tab leaves the table: the dialog's focus order goes on to the picker.
    m_table->setTabKeyNavigation(false);
    connect(m_table, &QTableWidget::itemChanged, this, [this] {
        if (!m_quiet)
            Q_EMIT changed();
    });
    auto *removeKey = new QShortcut(QKeySequence::Delete, m_table, nullptr, nullptr, Qt::WidgetShortcut);
    connect(removeKey, &QShortcut::activated, this, &ReasonsEditor::removeCurrent);

    m_category = new QComboBox(this);
    m_category->setObjectName(QStringLiteral("reasonCategory"));
    m_category->setAccessibleName(tr("Category of the reason to add"));
    m_code = new QComboBox(this);
    m_code->setObjectName(QStringLiteral("reasonCode"));
    m_code->setAccessibleName(tr("Reason to add, from the rubric"));
    m_code->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_code->setMinimumContentsLength(24);
    m_note = new QLineEdit(this);
    m_note->setObjectName(QStringLiteral("reasonNote"));
    m_note->setAccessibleName(tr("Note with the reason to add"));
    m_note->setPlaceholderText(tr("Optional note for the partner"));
    m_add = new QPushButton(tr("A&dd reason"), this);
    m_add->setObjectName(QStringLiteral("addReason"));
    m_add->setAccessibleName(tr("Add the reason"));
    m_remove = new QPushButton(tr("Remo&ve reason"), this);
    m_remove->setObjectName(QStringLiteral("removeReason"));
    m_remove->setAccessibleName(tr("Remove the selected reason"));
    for (QPushButton *b : {m_add, m_remove})
        b->setAutoDefault(false);
    connect(m_category, &QComboBox::currentIndexChanged, this, &ReasonsEditor::fillCodes);
    connect(m_add, &QPushButton::clicked, this, &ReasonsEditor::addPicked);
    connect(m_note, &QLineEdit::returnPressed, this, &ReasonsEditor::addPicked);
    connect(m_remove, &QPushButton::clicked, this, &ReasonsEditor::removeCurrent);

    auto *hint = new QLabel(tr("Unticked required checklist items are offered as reasons: tick one (Space) to "
                               "include it, edit its note, or remove it (Delete)."), this);
    hint->setWordWrap(true);
    auto *pick = new QHBoxLayout;
    pick->addWidget(m_category);
    pick->addWidget(m_code, 1);
    pick->addWidget(m_note, 1);
    pick->addWidget(m_add);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins({});
    layout->addWidget(hint);
    layout->addWidget(m_table);
    layout->addLayout(pick);
    layout->addWidget(m_remove, 0, Qt::AlignLeft);
}

void ReasonsEditor::setQuestionnaire(const Questionnaire &questionnaire)
{
    m_questionnaire = questionnaire;
    const QSignalBlocker block(m_category);
    const QString current = m_category->currentData().toString();
    m_category->clear();
    for (const auto &category : std::as_const(m_questionnaire.categories))
        m_category->addItem(category.title, category.key);
    m_category->setCurrentIndex(std::max(0, m_category->findData(current)));
    fillCodes();
}

void ReasonsEditor::fillCodes()
{
    m_code->clear();
    if (const Questionnaire::Category *c = m_questionnaire.category(m_category->currentData().toString())) {
        for (const auto &r : c->rejectionReasons) {
            m_code->addItem(QStringLiteral("%1 — %2").arg(r.code, r.text), r.code);
            m_code->setItemData(m_code->count() - 1, r.text, Qt::ToolTipRole);
        }
    }
}

QString ReasonsEditor::reasonText(const QString &category, const QString &code, const QStringList &offeredFor) const
{
    QString rubric = code;
    if (const Questionnaire::Category *c = m_questionnaire.category(category)) {
        for (const auto &r : c->rejectionReasons) {
            if (r.code == code)
                rubric = r.text;
        }
    }
    QString text = QStringLiteral("%1 — %2").arg(code, rubric);
    if (!offeredFor.isEmpty())
        text += tr(" (offered: %1 not ticked)").arg(offeredFor.join(QStringLiteral(", ")));
    return text;
}

void ReasonsEditor::add(const QString &category, const QString &code, const QString &note,
                        const QStringList &offeredFor, bool accepted)
{
    const bool wasQuiet = std::exchange(m_quiet, true);
    auto restore = qScopeGuard([&] { m_quiet = wasQuiet; });
    for (int r = 0; r < m_table->rowCount(); ++r) {
        QTableWidgetItem *first = m_table->item(r, CategoryColumn);
        if (first->data(CategoryRole).toString() != category || first->data(CodeRole).toString() != code)
            continue;
        // The same reason again: one row, taken if either was.
        QStringList offered = first->data(OfferedRole).toStringList() + offeredFor;
        offered.removeDuplicates();
        first->setData(OfferedRole, offered);
        m_table->item(r, ReasonColumn)->setText(reasonText(category, code, offered));
        if (accepted)
            first->setCheckState(Qt::Checked);
        if (!note.isEmpty() && m_table->item(r, NoteColumn)->text().isEmpty())
            m_table->item(r, NoteColumn)->setText(note);
        return;
    }
    const int r = m_table->rowCount();
    m_table->insertRow(r);
    const Questionnaire::Category *c = m_questionnaire.category(category);
    auto *first = new QTableWidgetItem(c ? c->title : category);
    first->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    first->setCheckState(accepted ? Qt::Checked : Qt::Unchecked);
    first->setData(CategoryRole, category);
    first->setData(CodeRole, code);
    first->setData(OfferedRole, offeredFor);
    auto *reason = new QTableWidgetItem(reasonText(category, code, offeredFor));
    reason->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    auto *noteItem = new QTableWidgetItem(note);
    noteItem->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable);
    m_table->setItem(r, CategoryColumn, first);
    m_table->setItem(r, ReasonColumn, reason);
    m_table->setItem(r, NoteColumn, noteItem);
}

void ReasonsEditor::dropOffers()
{
    for (int r = m_table->rowCount() - 1; r >= 0; --r) {
        if (m_table->item(r, CategoryColumn)->checkState() != Qt::Checked)
            m_table->removeRow(r);
    }
}

QList<Verdict::Reason> ReasonsEditor::accepted() const
{
    QList<Verdict::Reason> out;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        const QTableWidgetItem *first = m_table->item(r, CategoryColumn);
        if (first->checkState() == Qt::Checked) {
            out.append({first->data(CategoryRole).toString(), first->data(CodeRole).toString(),
                        m_table->item(r, NoteColumn)->text().trimmed()});
        }
    }
    return out;
}

void ReasonsEditor::addPicked()
{
    const QString category = m_category->currentData().toString();
    const QString code = m_code->currentData().toString();
    if (category.isEmpty() || code.isEmpty())
        return;
    add(category, code, m_note->text().trimmed(), {}, true);
    m_note->clear();
    Q_EMIT changed();
}

void ReasonsEditor::removeCurrent()
{
    const int r = m_table->currentRow();
    if (r < 0)
        return;
    m_table->removeRow(r);
    Q_EMIT changed();
}

} // namespace assay
