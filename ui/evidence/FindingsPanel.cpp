#include "ui/evidence/FindingsPanel.h"

#include "models/SecretsFinder.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace assay {

FindingsPanel::FindingsPanel(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel)
    , m_list(new QListWidget)
    , m_redact(new QCheckBox(tr("&Redact")))
    , m_copy(new QPushButton(tr("Copy reference")))
    , m_addToNote(new QPushButton(tr("Add to rejection note")))
{
    setObjectName(QStringLiteral("FindingsPanel"));
    setAccessibleName(tr("Secrets and personal data found"));
    m_summary->setObjectName(QStringLiteral("findingsSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_list->setObjectName(QStringLiteral("findingsList"));
    m_list->setAccessibleName(tr("Findings"));
    m_list->setToolTip(tr("Enter or double-click: show it in the evidence"));
    m_list->setUniformItemSizes(true);
    m_redact->setObjectName(QStringLiteral("findingsRedact"));
    m_redact->setAccessibleName(tr("Redact the findings in the view"));
    m_redact->setToolTip(tr("Draw every finding as its kind instead of the secret (Alt+R)"));
    m_copy->setObjectName(QStringLiteral("findingsCopy"));
    m_copy->setAccessibleName(tr("Copy a reference to the finding"));
    m_copy->setToolTip(tr("Copies where and what, e.g. “line 212, AWS access key” — never the secret"));
    m_addToNote->setObjectName(QStringLiteral("findingsAddToNote"));
    m_addToNote->setAccessibleName(tr("Add a reference to the finding to the rejection note"));
    m_addToNote->setToolTip(tr("Adds where and what to the note of the current question's category — never the secret"));

    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const int row = m_list->row(item);
        if (row >= 0 && row < m_findings.size())
            Q_EMIT findingActivated(m_findings.at(row));
    });
    connect(m_list, &QListWidget::currentRowChanged, this, &FindingsPanel::updateButtons);
    connect(m_redact, &QCheckBox::toggled, this, &FindingsPanel::redactToggled);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        if (const std::optional<SecretFinding> f = currentFinding())
            QApplication::clipboard()->setText(SecretsFinder::reference(*f));
    });
    connect(m_addToNote, &QPushButton::clicked, this, [this] {
        if (const std::optional<SecretFinding> f = currentFinding())
            Q_EMIT referenceRequested(SecretsFinder::reference(*f));
    });

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_copy);
    buttons->addWidget(m_addToNote);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_redact, 0, Qt::AlignLeft);
    layout->addLayout(buttons);
    setFindings(std::nullopt);
}

void FindingsPanel::setFindings(const std::optional<QList<SecretFinding>> &findings)
{
    if (!findings) {
        showList({});
        m_summary->setText(tr("Not scanned for secrets yet: the sync scans evidence once it is downloaded."));
        return;
    }
    showList(*findings);
    m_summary->setText(summary());
}

void FindingsPanel::setScanning()
{
    showList({});
    m_summary->setText(tr("Scanning for secrets and personal data…"));
}

void FindingsPanel::setNotScanned(const QString &why)
{
    showList({});
    m_summary->setText(why);
}

QString FindingsPanel::summary() const
{
    if (m_findings.isEmpty())
        return tr("No secrets or personal data found.");
    return tr("%Ln possible secret(s) or personal data found.", nullptr, int(m_findings.size()));
}

void FindingsPanel::showList(const QList<SecretFinding> &findings)
{
    m_findings = findings;
    m_list->clear();
    for (const SecretFinding &f : findings) {
        // Where and what, never the matched text.
        auto *item = new QListWidgetItem(SecretsFinder::reference(f), m_list);
        item->setToolTip(SecretsFinder::label(f));
    }
    m_list->setVisible(!findings.isEmpty());
    // Without a list the sentence stays at the top.
    if (auto *box = qobject_cast<QVBoxLayout *>(layout()))
        box->setStretchFactor(m_summary, findings.isEmpty() ? 1 : 0);
    if (!findings.isEmpty())
        m_list->setCurrentRow(0);
    updateButtons();
}

void FindingsPanel::setRedactionAvailable(bool available, const QString &why)
{
    m_redact->setEnabled(available);
    m_redact->setToolTip(available ? tr("Draw every finding as its kind instead of the secret (Alt+R)") : why);
}

void FindingsPanel::setRedacted(bool redacted)
{
    m_redact->setChecked(redacted);
}

bool FindingsPanel::isRedacted() const
{
    return m_redact->isChecked();
}

std::optional<SecretFinding> FindingsPanel::currentFinding() const
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_findings.size())
        return std::nullopt;
    return m_findings.at(row);
}

void FindingsPanel::updateButtons()
{
    const bool has = currentFinding().has_value();
    m_copy->setEnabled(has);
    m_addToNote->setEnabled(has);
    for (QWidget *w : {static_cast<QWidget *>(m_redact), static_cast<QWidget *>(m_copy), static_cast<QWidget *>(m_addToNote)})
        w->setVisible(!m_findings.isEmpty());
}

} // namespace assay
