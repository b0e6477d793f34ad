#include "ui/review/CommentsPane.h"

#include "models/Cache.h"
#include "models/Outbox.h"
#include "ui/review/ReviewContext.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace assay {

namespace {
enum Column { KindColumn, AuthorColumn, WhenColumn, TextColumn };

QString when(const QDateTime &t)
{
    return QLocale().toString(t.toLocalTime(), QLocale::ShortFormat);
}
} // namespace

CommentsPane::CommentsPane(Cache *cache, QWidget *parent)
    : QWidget(parent)
    , m_cache(cache)
    , m_awaiting(new QLabel)
    , m_list(new QTreeWidget)
    , m_compose(new QPlainTextEdit)
    , m_internal(new QPushButton(tr("Add &internal note")))
    , m_ask(new QPushButton(tr("Ask the &partner")))
    , m_error(new QLabel)
{
    setObjectName(QStringLiteral("CommentsPane"));
    m_awaiting->setObjectName(QStringLiteral("AwaitingPartner"));
    m_awaiting->setTextFormat(Qt::PlainText);
    m_awaiting->setAccessibleName(tr("Clarification state"));
    QFont bold = m_awaiting->font();
    bold.setBold(true);
    m_awaiting->setFont(bold);

    m_list->setObjectName(QStringLiteral("CommentList"));
    m_list->setAccessibleName(tr("Comments"));
    m_list->setRootIsDecorated(false);
    m_list->setWordWrap(true);
    m_list->setHeaderLabels({tr("Kind"), tr("Author"), tr("When"), tr("Comment")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);

    m_compose->setObjectName(QStringLiteral("CommentComposer"));
    m_compose->setAccessibleName(tr("New comment"));
    m_compose->setPlaceholderText(tr("Write an internal note or a question to the partner…"));
    m_compose->setTabChangesFocus(true);
    m_compose->setMaximumHeight(90);
    m_internal->setAccessibleName(tr("Add as an internal note"));
    m_ask->setAccessibleName(tr("Send to the partner as a clarification request"));
    m_internal->setEnabled(false);
    m_ask->setEnabled(false);
    connect(m_compose, &QPlainTextEdit::textChanged, this, [this] {
        const bool any = !m_compose->toPlainText().trimmed().isEmpty();
        m_internal->setEnabled(any);
        m_ask->setEnabled(any);
    });
    connect(m_internal, &QPushButton::clicked, this, [this] { record(false); });
    connect(m_ask, &QPushButton::clicked, this, [this] { record(true); });
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->hide();

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_internal);
    buttons->addWidget(m_ask);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_awaiting);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_compose);
    layout->addLayout(buttons);
    layout->addWidget(m_error);
    setTabOrder(m_list, m_compose);
    setTabOrder(m_compose, m_internal);
    setTabOrder(m_internal, m_ask);
}

void CommentsPane::setContext(const ReviewContext *context)
{
    m_context = context;
    m_list->clear();
    if (!context)
        return;
    bool awaiting = false;
    for (const Comment &c : context->submission.comments) {
        auto *row = new QTreeWidgetItem(m_list);
        QString kind;
        if (c.from == Comment::From::Partner) {
            kind = tr("Partner reply");
            awaiting = false;
        } else if (c.visibility == Comment::Visibility::Partner) {
            kind = tr("Our clarification request");
            awaiting = true;
        } else {
            kind = tr("Internal note");
        }
        row->setText(KindColumn, kind);
        row->setText(AuthorColumn, c.author);
        row->setText(WhenColumn, when(c.createdAt));
        row->setText(TextColumn, c.body);
        row->setToolTip(TextColumn, c.body);
    }
    for (const OutboxEntry &e : context->outbox) {
        if (e.kind != OutboxEntry::Kind::Comment || e.state == OutboxEntry::State::Sent)
            continue;
        const bool toPartner = e.payload.value(QStringLiteral("visibility")).toString() == QLatin1String("partner");
        auto *row = new QTreeWidgetItem(m_list);
        row->setText(KindColumn, (toPartner ? tr("Our clarification request") : tr("Internal note")) + QStringLiteral(" · ")
                                     + (e.state == OutboxEntry::State::Pending ? tr("not sent yet") : tr("not sent: %1").arg(e.lastError)));
        row->setText(AuthorColumn, tr("you"));
        row->setText(WhenColumn, when(e.createdAt));
        row->setText(TextColumn, e.payload.value(QStringLiteral("body")).toString());
        awaiting = awaiting || toPartner;
    }
    m_awaiting->setText(awaiting ? tr("Awaiting partner: the last clarification request has no reply yet.") : QString());
    m_awaiting->setVisible(awaiting);
    if (m_list->topLevelItemCount() > 0)
        m_list->scrollToItem(m_list->topLevelItem(m_list->topLevelItemCount() - 1));
}

void CommentsPane::focusComposer()
{
    m_compose->setFocus(Qt::ShortcutFocusReason);
}

void CommentsPane::record(bool toPartner)
{
    if (!m_context)
        return;
    const Result<qint64> id = m_cache->outbox().recordComment(m_context->id(), m_compose->toPlainText(), toPartner);
    if (!id) {
        m_error->setText(tr("Not recorded: %1").arg(id.error().message));
        m_error->show();
        return;
    }
    m_error->hide();
    m_compose->clear();
    Q_EMIT recorded();
}

} // namespace assay
