#include "ui/evidence/TextGoToBar.h"

#include <QHBoxLayout>
#include <QIntValidator>
#include <QKeyEvent>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace assay {

TextGoToBar::TextGoToBar(QWidget *parent)
    : QWidget(parent)
    , m_field(new QLineEdit)
    , m_close(new QToolButton)
{
    setObjectName(QStringLiteral("TextGoToBar"));
    setAccessibleName(tr("Go to line bar"));
    auto *label = new QLabel(tr("Go to line:"));
    label->setBuddy(m_field);
    m_field->setObjectName(QStringLiteral("goToField"));
    m_field->setAccessibleName(tr("Line number"));
    m_field->setValidator(new QIntValidator(1, std::numeric_limits<int>::max(), m_field));
    m_close->setText(tr("Close"));
    m_close->setAccessibleName(tr("Close go to line"));
    m_close->setToolTip(QStringLiteral("%1 (%2)").arg(tr("Close go to line"),
                                                     QKeySequence(Qt::Key_Escape).toString(QKeySequence::NativeText)));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(label);
    layout->addWidget(m_field, 1);
    layout->addWidget(m_close);
    connect(m_field, &QLineEdit::returnPressed, this, [this] {
        bool ok = false;
        const int line = m_field->text().toInt(&ok);
        if (!ok)
            return;
        hide();
        Q_EMIT goToLine(line);
    });
    connect(m_close, &QToolButton::clicked, this, [this] {
        hide();
        Q_EMIT closed();
    });
}

void TextGoToBar::activate(int lines)
{
    m_field->setPlaceholderText(tr("1 to %1").arg(std::max(1, lines)));
    show();
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

void TextGoToBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        hide();
        Q_EMIT closed();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace assay
