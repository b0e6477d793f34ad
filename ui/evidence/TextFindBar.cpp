#include "ui/evidence/TextFindBar.h"

#include "ui/evidence/TextEvidenceArea.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTimer>
#include <QToolButton>

namespace assay {

namespace {

QString withShortcut(const QString &text, const QKeySequence &key)
{
    return QStringLiteral("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText));
}

} // namespace

TextFindBar::TextFindBar(TextEvidenceArea *area, QWidget *parent)
    : QWidget(parent)
    , m_area(area)
    , m_field(new QLineEdit)
    , m_previous(new QToolButton)
    , m_next(new QToolButton)
    , m_close(new QToolButton)
    , m_status(new QLabel)
{
    setObjectName(QStringLiteral("TextFindBar"));
    setAccessibleName(tr("Find bar"));
    m_field->setObjectName(QStringLiteral("findField"));
    m_field->setAccessibleName(tr("Find"));
    m_field->setPlaceholderText(tr("Find in the text"));
    m_field->setClearButtonEnabled(true);
    // The line edit's own clear button has no name of its own.
    const auto fieldButtons = m_field->findChildren<QToolButton *>();
    for (QToolButton *b : fieldButtons)
        b->setAccessibleName(tr("Clear the text to find"));
    m_previous->setText(tr("Previous"));
    m_previous->setAccessibleName(tr("Previous match"));
    m_previous->setToolTip(withShortcut(tr("Previous match"), QKeySequence(Qt::SHIFT | Qt::Key_F3)));
    m_next->setText(tr("Next"));
    m_next->setAccessibleName(tr("Next match"));
    m_next->setToolTip(withShortcut(tr("Next match"), QKeySequence(Qt::Key_F3)));
    m_close->setText(tr("Close"));
    m_close->setAccessibleName(tr("Close the find bar"));
    m_close->setToolTip(withShortcut(tr("Close the find bar"), QKeySequence(Qt::Key_Escape)));
    m_status->setObjectName(QStringLiteral("findStatus"));
    m_status->setAccessibleName(tr("Matches"));
    m_status->setTextFormat(Qt::PlainText);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_field, 1);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);
    layout->addWidget(m_status);
    layout->addWidget(m_close);

    // A search starts when typing pauses, so each key does not start one.
    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(150);
    connect(m_field, &QLineEdit::textEdited, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, [this] { m_area->find(m_field->text()); updateStatus(); });
    connect(m_field, &QLineEdit::returnPressed, this, [this, debounce] {
        // Enter right after typing searches at once instead of waiting.
        if (debounce->isActive()) {
            debounce->stop();
            m_area->find(m_field->text());
        } else {
            m_area->findNext();
        }
        updateStatus();
    });
    connect(m_previous, &QToolButton::clicked, this, [this] { m_area->findPrevious(); updateStatus(); });
    connect(m_next, &QToolButton::clicked, this, [this] { m_area->findNext(); updateStatus(); });
    connect(m_close, &QToolButton::clicked, this, [this] {
        hide();
        m_area->setFocus();
    });
    connect(m_area, &TextEvidenceArea::currentHitChanged, this, &TextFindBar::updateStatus);
    connect(m_area->search(), &TextSearch::found, this, &TextFindBar::updateStatus);
    connect(m_area->search(), &TextSearch::finished, this, &TextFindBar::updateStatus);
    updateStatus();
}

void TextFindBar::activate()
{
    show();
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

QString TextFindBar::statusText() const
{
    return m_status->text();
}

void TextFindBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        hide();
        m_area->setFocus();
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
        && (event->modifiers() & Qt::ShiftModifier)) {
        m_area->findPrevious();
        updateStatus();
        return;
    }
    QWidget::keyPressEvent(event);
}

void TextFindBar::updateStatus()
{
    const TextSearch *search = m_area->search();
    const qsizetype total = search->hits().size();
    const QLocale locale;
    QString text;
    if (m_field->text().isEmpty())
        text.clear();
    else if (search->isRunning())
        text = tr("%1 found, searching…").arg(locale.toString(total));
    else if (total == 0)
        text = tr("No matches");
    else if (m_area->currentHit() >= 0)
        text = tr("%1 of %2%3")
                   .arg(locale.toString(m_area->currentHit() + 1), locale.toString(total),
                        search->isTruncated() ? tr(" (stopped at the limit)") : QString());
    else
        text = tr("%1 found").arg(locale.toString(total));
    m_status->setText(text);
}

} // namespace assay
