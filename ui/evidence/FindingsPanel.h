#pragma once

#include "domain/SecretFinding.h"

#include <QList>
#include <QWidget>

#include <optional>

class QCheckBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace assay {

// The secrets and PII finder's hits in the open evidence: where (page, line)
// and what kind, never the secret. Activating one jumps to it; "Redact"
// draws every hit as its label; a reference ("line 212, AWS access key") can
// be copied or added to the rejection note.
class FindingsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit FindingsPanel(QWidget *parent = nullptr);

    // nullopt: not scanned yet.
    void setFindings(const std::optional<QList<SecretFinding>> &findings);
    // The finder is at work on this file (assay view scans on its own).
    void setScanning();
    // Why there is nothing to scan or the scan failed, in one sentence.
    void setNotScanned(const QString &why);
    // Redaction needs the text view; off (with the reason as tooltip) otherwise.
    void setRedactionAvailable(bool available, const QString &why = {});
    void setRedacted(bool redacted);
    bool isRedacted() const;

    const QList<SecretFinding> &findings() const { return m_findings; }
    std::optional<SecretFinding> currentFinding() const;
    QString summary() const;

    QListWidget *list() const { return m_list; }
    QCheckBox *redactSwitch() const { return m_redact; }
    QPushButton *copyButton() const { return m_copy; }
    QPushButton *addToNoteButton() const { return m_addToNote; }

Q_SIGNALS:
    void findingActivated(const assay::SecretFinding &finding);
    void redactToggled(bool redacted);
    void referenceRequested(const QString &reference);

private:
    void updateButtons();
    void showList(const QList<SecretFinding> &findings);

    QList<SecretFinding> m_findings;
    QLabel *m_summary;
    QListWidget *m_list;
    QCheckBox *m_redact;
    QPushButton *m_copy;
    QPushButton *m_addToNote;
};

} // namespace assay
