#pragma once

#include <QObject>

namespace assay {

// Keeps single-key shortcuts (j, k, n, p, Space …) from firing while the
// reviewer types: when a text field has focus, a key without Ctrl, Alt or
// Meta goes to the field, never to a shortcut. Space on a focused button or
// check box presses it rather than ticking a checklist item.
class TypingShortcutGuard : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    // Whether `widget` takes typed text (line and text edits, spin boxes,
    // editable combo boxes).
    static bool takesText(const QWidget *widget);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace assay
