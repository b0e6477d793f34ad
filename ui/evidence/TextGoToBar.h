#pragma once

#include <QWidget>

class QLineEdit;
class QToolButton;

namespace assay {

// "Go to line" under the text: a line number, Enter to go, Escape to close.
class TextGoToBar : public QWidget
{
    Q_OBJECT

public:
    explicit TextGoToBar(QWidget *parent = nullptr);

    // Shows the bar for a file of `lines` lines (the range it accepts).
    void activate(int lines);
    QLineEdit *field() const { return m_field; }

Q_SIGNALS:
    void goToLine(int line); // from 1
    void closed();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QLineEdit *m_field;
    QToolButton *m_close;
};

} // namespace assay
