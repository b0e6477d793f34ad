#pragma once

#include "models/QueueFilter.h"

#include <QHash>
#include <QList>
#include <QWidget>

#include <functional>
#include <utility>

class QComboBox;
class QPushButton;

namespace assay {

class ChoiceBox;

// The filters a reviewer combines on top of a saved view: status, stage,
// assignee (by name), partner, questionnaire version and age. Each box's
// first entry ("Any …") clears it; "Clear filters" clears them all.
class QueueFilterBar : public QWidget
{
    Q_OBJECT

public:
    using Partners = QList<std::pair<QString, QString>>; // (id, name)

    explicit QueueFilterBar(QWidget *parent = nullptr);

    // Assignee choices: user id -> name.
    void setUsers(const QHash<QString, QString> &names);
    // Partners and versions are read when their list first opens (and again
    // after resetChoices()), through these.
    void setChoiceSources(std::function<Partners()> partners, std::function<QStringList()> versions);
    void resetChoices();

    // Writes the bar's filters into the filter (its view and search stay).
    void applyTo(QueueFilter &filter) const;
    bool isActive() const;
    void clear();

    // The boxes, for tests and accessibility checks.
    QComboBox *statusBox() const;
    QComboBox *stageBox() const;
    QComboBox *assigneeBox() const;
    QComboBox *partnerBox() const;
    QComboBox *versionBox() const;
    QComboBox *ageBox() const;
    QPushButton *clearButton() const { return m_clear; }
    // Fills the partner and version lists now (what opening them does).
    void loadChoices();

Q_SIGNALS:
    void filterChanged();

private:
    ChoiceBox *addBox(const QString &objectName, const QString &accessibleName, const QString &anyText);
    void changed();

    QList<ChoiceBox *> m_boxes;
    QPushButton *m_clear;
    std::function<Partners()> m_partners;
    std::function<QStringList()> m_versions;
    bool m_choicesLoaded = false;
};

} // namespace assay
