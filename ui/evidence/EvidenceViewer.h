#pragma once

#include "domain/EvidenceItem.h"
#include "domain/Result.h"
#include "domain/SecretFinding.h"
#include "models/EvidenceType.h"

#include <QList>
#include <QWidget>

#include <optional>

class QHBoxLayout;
class QLabel;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QToolButton;
template<typename T>
class QFutureWatcher;

namespace assay {

class FindingsPanel;
class HexEvidenceView;
class HtmlEvidenceView;
class ImageEvidenceView;
class PdfEvidenceView;
class TextEvidenceView;

// One piece of evidence, shown safely: a facts bar (the partner's filename as
// plain text, declared and detected type, size, sha256 and whether the local
// copy matches it, a banner when the types disagree), the view its detected
// content calls for — created on first use, so the WebEngine profile exists
// only once an HTML item was opened — and the secrets finder's findings.
// Nothing is executed, handed to another program or opened by the desktop.
class EvidenceViewer : public QWidget
{
    Q_OBJECT

public:
    explicit EvidenceViewer(QWidget *parent = nullptr);
    ~EvidenceViewer() override;

    // A local file: the facts bar, the view chosen by EvidenceType, the findings panel.
    void open(const QString &path, const EvidenceItem &item, std::optional<QList<SecretFinding>> findings);
    // Absent, quarantined or refused: says so, opens nothing.
    void showUnavailable(const EvidenceItem &item);
    void clear();
    // Findings that became known after open() (assay view scans on its own).
    void setFindings(std::optional<QList<SecretFinding>> findings);
    void setScanning();
    void setScanFailed(const QString &why);

    // HTML and SVG: the file's source in the text view instead of the page
    // (findings are in the source; they can be jumped to and redacted there).
    void setSourceShown(bool source);
    bool isSourceShown() const;
    // Jumps to a finding: its line in the text view, its page in a PDF.
    void goToFinding(const SecretFinding &finding);

    bool isShown() const { return m_shownEmitted; }
    bool isChecksumChecked() const { return m_checksumDone; }
    const std::optional<EvidenceType> &type() const { return m_type; }
    // What the message page says (unavailable, refused, failed); empty when a view shows.
    QString message() const;
    QString factsText() const;
    QString checksumText() const;
    QString warningText() const;
    QString fileNameText() const;
    QWidget *currentView() const;

    FindingsPanel *findingsPanel() const { return m_findings; }
    TextEvidenceView *textView() const { return m_text; }
    HtmlEvidenceView *htmlView() const { return m_html; }
    PdfEvidenceView *pdfView() const { return m_pdf; }
    ImageEvidenceView *imageView() const { return m_image; }
    HexEvidenceView *hexView() const { return m_hex; }
    QToolButton *sourceButton() const { return m_source; }
    // A control of whoever hosts the viewer, beside the file's name.
    void addHeaderWidget(QWidget *widget);

    // A partner's filename made safe to show: control and bidirectional
    // override characters (which can make "exe.txt" read "txt.exe") shown as
    // U+FFFD. Never used as a path.
    static QString displayName(const QString &partnerName);
    static QString sizeText(qint64 bytes);

Q_SIGNALS:
    void shown();                                      // content (or a refusal message) is on screen
    void referenceRequested(const QString &reference); // "Add to rejection note": no secret in it
    void checksumChecked(bool matches);

private:
    TextEvidenceView *ensureText();
    void showView(QWidget *view);
    void showMessage(const QString &message, bool offerHex);
    void showHex();
    void viewShown(QWidget *view);
    void viewFailed(QWidget *view, const QString &message);
    void markShown();
    void setFacts(const EvidenceItem &item, const QString &detected);
    void startChecksum();
    void checksumDone();
    void openSource();
    void applyFindingsToText();
    void updateFindingsPanel();

    QString m_path;
    EvidenceItem m_item;
    std::optional<EvidenceType> m_type;
    std::optional<QList<SecretFinding>> m_knownFindings;
    bool m_shownEmitted = false;
    bool m_checksumDone = false;
    bool m_textOpen = false;  // the text view holds m_path
    bool m_textReady = false; // … and has drawn it
    std::optional<SecretFinding> m_pendingJump;
    quint64 m_generation = 0;
    QFutureWatcher<Result<QString>> *m_hashing = nullptr;

    QLabel *m_name;
    QHBoxLayout *m_nameRow;
    QToolButton *m_source;
    QLabel *m_facts;
    QLabel *m_checksum;
    QLabel *m_banner;
    QSplitter *m_split;
    QStackedWidget *m_stack;
    QWidget *m_messagePage;
    QLabel *m_message;
    QPushButton *m_showHex;
    FindingsPanel *m_findings;
    TextEvidenceView *m_text = nullptr;
    HtmlEvidenceView *m_html = nullptr;
    PdfEvidenceView *m_pdf = nullptr;
    ImageEvidenceView *m_image = nullptr;
    HexEvidenceView *m_hex = nullptr;
};

} // namespace assay
