#include "ui/review/TypingShortcutGuard.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>

namespace assay {

bool TypingShortcutGuard::takesText(const QWidget *widget)
{
    if (!widget)
        return false;
    if (const auto *line = qobject_cast<const QLineEdit *>(widget))
        return !line->isReadOnly();
    if (const auto *text = qobject_cast<const QTextEdit *>(widget))
        return !text->isReadOnly();
    if (const auto *plain = qobject_cast<const QPlainTextEdit *>(widget))
        return !plain->isReadOnly();
    if (const auto *combo = qobject_cast<const QComboBox *>(widget))
        return combo->isEditable();
    return qobject_cast<const QAbstractSpinBox *>(widget) != nullptr;
}

bool TypingShortcutGuard::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        const Qt::KeyboardModifiers chord = Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier;
        if (!(key->modifiers() & chord)) {
            const QWidget *focus = QApplication::focusWidget();
            // Accepting the override delivers the key to the widget as a
            // key press instead of triggering the shortcut.
            if (takesText(focus) && !key->text().isEmpty()) {
                key->accept();
                return true;
            }
            if (key->key() == Qt::Key_Space && qobject_cast<const QAbstractButton *>(focus)) {
                key->accept();
                return true;
            }
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace assay
