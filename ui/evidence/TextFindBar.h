#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;

namespace assay {

class TextEvidenceArea;

// The find bar under the text: the text to find (searched as it is typed,
// off the GUI thread), previous / next (Shift+F3 / F3, Shift+Enter / Enter),
// how many were found, and a close button (Escape).
class TextFindBar : public QWidget
{
    Q_OBJECT

public:
    explicit TextFindBar(TextEvidenceArea *area, QWidget *parent = nullptr);

    // Shows the bar with the text field focused and selected.
    void activate();
    QLineEdit *field() const { return m_field; }
    QString statusText() const;

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void updateStatus();

    TextEvidenceArea *m_area;
    QLineEdit *m_field;
    QToolButton *m_previous;
    QToolButton *m_next;
    QToolButton *m_close;
    QLabel *m_status;
};

} // namespace assay
