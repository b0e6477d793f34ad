#include "ui/queue/QueueFilterBar.h"

#include "domain/SubmissionSummary.h"
#include "ui/queue/ChoiceBox.h"

#include <QCollator>
#include <QHBoxLayout>
#include <QPushButton>

namespace assay {

namespace {

// The item data of a box: the API value (or user id); an invalid QVariant
// is "any". The age box keeps its bounds in two roles.
constexpr int ValueRole = Qt::UserRole;
constexpr int MinAgeRole = Qt::UserRole + 1;
constexpr int MaxAgeRole = Qt::UserRole + 2;

enum Box { StatusBox, StageBox, AssigneeBox, PartnerBox, VersionBox, AgeBox };

QString statusLabel(SubmissionSummary::Status s)
{
    switch (s) {
    case SubmissionSummary::Status::Submitted:
        return QueueFilterBar::tr("Submitted");
    case SubmissionSummary::Status::InReview:
        return QueueFilterBar::tr("In review");
    case SubmissionSummary::Status::Approved:
        return QueueFilterBar::tr("Approved");
    case SubmissionSummary::Status::Rejected:
        return QueueFilterBar::tr("Rejected");
    case SubmissionSummary::Status::Withdrawn:
        return QueueFilterBar::tr("Withdrawn");
    }
    return {};
}

QString stageLabel(SubmissionSummary::Stage s)
{
    switch (s) {
    case SubmissionSummary::Stage::Review:
        return QueueFilterBar::tr("Review");
    case SubmissionSummary::Stage::Security:
        return QueueFilterBar::tr("Security");
    case SubmissionSummary::Stage::Done:
        return QueueFilterBar::tr("Done");
    }
    return {};
}

// Refills a box after its "Any …" entry, keeping the chosen value when it
// is still there, without announcing a change.
void refill(QComboBox *box, const QList<std::pair<QString, QVariant>> &entries)
{
    const QVariant chosen = box->currentData(ValueRole);
    const QSignalBlocker blocker(box);
    while (box->count() > 1)
        box->removeItem(1);
    for (const auto &[text, value] : entries)
        box->addItem(text, value);
    const int at = chosen.isValid() ? box->findData(chosen, ValueRole) : 0;
    box->setCurrentIndex(std::max(at, 0));
}

} // namespace

QueueFilterBar::QueueFilterBar(QWidget *parent)
    : QWidget(parent)
    , m_clear(new QPushButton(tr("Clear filters")))
{
    setObjectName(QStringLiteral("QueueFilterBar"));
    setAccessibleName(tr("Queue filters"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    ChoiceBox *status = addBox(QStringLiteral("statusFilter"), tr("Filter by status"), tr("Any status"));
    for (const QString &name : SubmissionSummary::statusNames()) {
        if (const std::optional<SubmissionSummary::Status> s = SubmissionSummary::statusFromName(name))
            status->addItem(statusLabel(*s), name);
    }
    ChoiceBox *stage = addBox(QStringLiteral("stageFilter"), tr("Filter by stage"), tr("Any stage"));
    for (const QString &name : SubmissionSummary::stageNames()) {
        if (const std::optional<SubmissionSummary::Stage> s = SubmissionSummary::stageFromName(name))
            stage->addItem(stageLabel(*s), name);
    }
    ChoiceBox *assignee = addBox(QStringLiteral("assigneeFilter"), tr("Filter by assignee"), tr("Anyone"));
    assignee->addItem(tr("Unassigned"), QVariant(QString()));
    ChoiceBox *partner = addBox(QStringLiteral("partnerFilter"), tr("Filter by partner"), tr("Any partner"));
    ChoiceBox *version = addBox(QStringLiteral("versionFilter"), tr("Filter by questionnaire version"), tr("Any questionnaire"));
    for (ChoiceBox *lazy : {partner, version})
        connect(lazy, &ChoiceBox::popupAboutToShow, this, &QueueFilterBar::loadChoices);
    ChoiceBox *age = addBox(QStringLiteral("ageFilter"), tr("Filter by age"), tr("Any age"));
    const auto addAge = [age](const QString &text, const QVariant &min, const QVariant &max) {
        age->addItem(text, text);
        age->setItemData(age->count() - 1, min, MinAgeRole);
        age->setItemData(age->count() - 1, max, MaxAgeRole);
    };
    addAge(tr("Under a week old"), QVariant(), 6);
    addAge(tr("A week old or more"), 7, QVariant());
    addAge(tr("A month old or more"), 30, QVariant());
    addAge(tr("Three months old or more"), 90, QVariant());

    m_clear->setObjectName(QStringLiteral("clearFilters"));
    m_clear->setAccessibleName(tr("Clear filters"));
    m_clear->setToolTip(tr("Show the whole saved view again"));
    m_clear->setEnabled(false);
    connect(m_clear, &QPushButton::clicked, this, &QueueFilterBar::clear);
    layout->addWidget(m_clear);
    layout->addStretch(1);
}

ChoiceBox *QueueFilterBar::addBox(const QString &objectName, const QString &accessibleName, const QString &anyText)
{
    auto *box = new ChoiceBox;
    box->setObjectName(objectName);
    box->setAccessibleName(accessibleName);
    box->setToolTip(accessibleName);
    box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    box->setMinimumContentsLength(8);
    box->addItem(anyText, QVariant());
    connect(box, &QComboBox::currentIndexChanged, this, &QueueFilterBar::changed);
    layout()->addWidget(box);
    m_boxes.append(box);
    return box;
}

void QueueFilterBar::setUsers(const QHash<QString, QString> &names)
{
    QList<std::pair<QString, QVariant>> entries{{tr("Unassigned"), QVariant(QString())}};
    QList<std::pair<QString, QString>> byName;
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        byName.append({it.value(), it.key()});
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(byName.begin(), byName.end(), [&](const auto &a, const auto &b) {
        const int c = collator.compare(a.first, b.first);
        return c != 0 ? c < 0 : a.second < b.second;
    });
    for (const auto &[name, id] : byName)
        entries.append({name, id});
    refill(m_boxes[AssigneeBox], entries);
}

void QueueFilterBar::setChoiceSources(std::function<Partners()> partners, std::function<QStringList()> versions)
{
    m_partners = std::move(partners);
    m_versions = std::move(versions);
    m_choicesLoaded = false;
}

void QueueFilterBar::resetChoices()
{
    m_choicesLoaded = false;
}

void QueueFilterBar::loadChoices()
{
    if (m_choicesLoaded)
        return;
    m_choicesLoaded = true;
    if (m_partners) {
        QList<std::pair<QString, QVariant>> entries;
        for (const auto &[id, name] : m_partners())
            entries.append({name.isEmpty() ? id : name, id});
        refill(m_boxes[PartnerBox], entries);
    }
    if (m_versions) {
        QList<std::pair<QString, QVariant>> entries;
        for (const QString &v : m_versions())
            entries.append({tr("Questionnaire %1").arg(v), v});
        refill(m_boxes[VersionBox], entries);
    }
}

void QueueFilterBar::applyTo(QueueFilter &filter) const
{
    const auto value = [this](Box b) { return m_boxes[b]->currentData(ValueRole); };
    filter.statuses = value(StatusBox).isValid() ? QStringList{value(StatusBox).toString()} : QStringList();
    filter.stages = value(StageBox).isValid() ? QStringList{value(StageBox).toString()} : QStringList();
    filter.assignee = value(AssigneeBox).isValid() ? std::optional(value(AssigneeBox).toString()) : std::nullopt;
    filter.partnerId = value(PartnerBox).toString();
    filter.questionnaireVersion = value(VersionBox).toString();
    const QVariant min = m_boxes[AgeBox]->currentData(MinAgeRole);
    const QVariant max = m_boxes[AgeBox]->currentData(MaxAgeRole);
    filter.minAgeDays = min.isValid() ? std::optional(min.toInt()) : std::nullopt;
    filter.maxAgeDays = max.isValid() ? std::optional(max.toInt()) : std::nullopt;
}

bool QueueFilterBar::isActive() const
{
    return std::any_of(m_boxes.cbegin(), m_boxes.cend(), [](const ChoiceBox *b) { return b->currentIndex() > 0; });
}

void QueueFilterBar::clear()
{
    bool any = false;
    for (ChoiceBox *b : std::as_const(m_boxes)) {
        const QSignalBlocker blocker(b);
        any = any || b->currentIndex() != 0;
        b->setCurrentIndex(0);
    }
    if (any)
        changed();
}

void QueueFilterBar::changed()
{
    m_clear->setEnabled(isActive());
    Q_EMIT filterChanged();
}

QComboBox *QueueFilterBar::statusBox() const { return m_boxes[StatusBox]; }
QComboBox *QueueFilterBar::stageBox() const { return m_boxes[StageBox]; }
QComboBox *QueueFilterBar::assigneeBox() const { return m_boxes[AssigneeBox]; }
QComboBox *QueueFilterBar::partnerBox() const { return m_boxes[PartnerBox]; }
QComboBox *QueueFilterBar::versionBox() const { return m_boxes[VersionBox]; }
QComboBox *QueueFilterBar::ageBox() const { return m_boxes[AgeBox]; }

} // namespace assay
