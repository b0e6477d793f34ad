#pragma once

#include "domain/SecretFinding.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

class QAction;
class QLabel;
class QToolBar;

namespace assay {

class TextEvidenceArea;
class TextFindBar;
class TextGoToBar;

// Text evidence — code, configs, logs — of any size: the text with line
// numbers and syntax highlighting, a find bar (Ctrl+F, F3 / Shift+F3), go to
// line (Ctrl+G), a wrap toggle and copy (Ctrl+C). The file is mapped and
// indexed off the GUI thread and only the visible rows are decoded, coloured
// and drawn, so a 100 MB log shows its first screen at once and a 20 MB single
// line is shown in segments.
class TextEvidenceView : public QWidget
{
    Q_OBJECT

public:
    explicit TextEvidenceView(QWidget *parent = nullptr);
    ~TextEvidenceView() override;

    // Opens a local file read-only. Returns at once; the first screen is drawn
    // as soon as the first chunk is indexed (shown() then). fileName is the
    // partner's name (text only: picks the syntax definition), mediaType the
    // detected type.
    void open(const QString &path, const QString &fileName, const QString &mediaType);
    void clear();
    void setFindings(const QList<SecretFinding> &findings); // marked in the text
    void setRedacted(bool redacted);                        // findings drawn as SecretsFinder::redaction()
    void goTo(int line, int column = 0, int length = 0);    // scrolls there and selects (line from 1)
    void setWrap(bool wrap);
    QString definitionName() const;                          // the syntax definition chosen

    // For tests and the viewer around it.
    // The highlighting theme chosen for the palette.
    QString themeName() const;
    bool isRedacted() const;
    bool wraps() const;
    // The rows on screen exactly as drawn (redactions in place of secrets).
    QStringList visibleText() const;
    // The 1-based line at the top of the view.
    int topLine() const;
    // Lines indexed so far (all of them once indexing is finished).
    int lineCount() const;
    bool isIndexed() const;
    // The text area (for keyboard focus and tests).
    QWidget *textArea() const;
    TextEvidenceArea *area() const;
    TextFindBar *findBar() const;

Q_SIGNALS:
    void shown();
    void failed(const QString &message);
    // The whole file is indexed (lineCount() is final).
    void indexed();

private:
    void showFindBar();
    void showGoToBar();

    TextEvidenceArea *m_area;
    TextFindBar *m_findBar;
    TextGoToBar *m_goToBar;
    QToolBar *m_toolBar;
    QLabel *m_status;
    QAction *m_wrapAction;
    QString m_definitionName;
    QString m_themeName;
};

} // namespace assay
