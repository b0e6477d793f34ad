#pragma once

#include "domain/Questionnaire.h"
#include "domain/Verdict.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace assay {

// The reasons of a rejection, as the verdict dialog edits them: one row per
// reason (category, the rubric's text for its code, a note to the partner),
// ticked to include it. Reasons are picked per category from the rubric's
// codes, or offered ready (an unticked required item's reason_codes) for the
// reviewer to accept (tick), edit (the note) or drop (Delete).
class ReasonsEditor : public QWidget
{
    Q_OBJECT

public:
    explicit ReasonsEditor(QWidget *parent = nullptr);

    void setQuestionnaire(const Questionnaire &questionnaire);
    // A reason taken (accepted) or offered (not yet). The same category and
    // code again adds to its row instead of making a second one.
    void add(const QString &category, const QString &code, const QString &note, const QStringList &offeredFor,
             bool accepted);
    // Removes the offers not taken, so they can be made again from new ticks.
    void dropOffers();
    // The reasons ticked, in the table's order.
    QList<Verdict::Reason> accepted() const;

Q_SIGNALS:
    // The reviewer changed something (not emitted for add() and dropOffers()).
    void changed();

private:
    void fillCodes();
    void addPicked();
    void removeCurrent();
    QString reasonText(const QString &category, const QString &code, const QStringList &offeredFor) const;

    Questionnaire m_questionnaire;
    bool m_quiet = false;
    QTableWidget *m_table = nullptr;
    QComboBox *m_category = nullptr;
    QComboBox *m_code = nullptr;
    QLineEdit *m_note = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
};

} // namespace assay
