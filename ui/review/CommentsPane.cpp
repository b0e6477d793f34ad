#include "ui/review/CommentsPane.h"

#include "models/Cache.h"
#include "models/CommentsModel.h"
#include "models/Outbox.h"
#include "ui/review/ReviewContext.h"
#include "ui/review/ReviewItemDelegate.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace assay {

namespace {
const QString OutboxPrefix = QStringLiteral("outbox:");

QString when(const QDateTime &t)
{
    return QLocale().toString(t.toLocalTime(), QLocale::ShortFormat);
}
} // namespace

CommentsPane::CommentsPane(Cache *cache, QWidget *parent)
    : QWidget(parent)
    , m_cache(cache)
    , m_awaiting(new QLabel)
    , m_model(new CommentsModel([this](const QString &id) { return m_context ? m_context->nameOf(id) : id; }, this))
    , m_list(new QListView)
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
    m_list->setModel(m_model);
    m_list->setWordWrap(true);
    m_list->setSpacing(4);
    m_list->setAlternatingRowColors(true);
    // "Partner reply · Kim Partner · 3 Dec 10:12 · new" above the text.
    m_list->setItemDelegate(new ReviewItemDelegate(
        [](const QModelIndex &i) {
            QString head = i.data(CommentsModel::KindTextRole).toString() + QStringLiteral(" · ")
                           + i.data(CommentsModel::AuthorNameRole).toString() + QStringLiteral(" · ")
                           + when(i.data(CommentsModel::TimeRole).toDateTime());
            if (i.data(CommentsModel::IdRole).toString().startsWith(OutboxPrefix))
                head += QStringLiteral(" · ") + tr("not sent yet");
            else if (i.data(CommentsModel::NewRole).toBool())
                head += QStringLiteral(" · ") + tr("new since you last opened it");
            return head + QLatin1Char('\n') + i.data(CommentsModel::BodyRole).toString();
        },
        [](const QModelIndex &i) { return i.data(CommentsModel::NewRole).toBool(); }, this));

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

QString CommentsPane::outboxId(qint64 entryId)
{
    return OutboxPrefix + QString::number(entryId);
}

void CommentsPane::setContext(const ReviewContext *context)
{
    m_context = context;
    if (!context) {
        m_model->setComments({}, {});
        return;
    }
    m_model->setComments(context->submission.comments, context->lastOpened);
    bool askedNow = false;
    for (const OutboxEntry &e : context->outbox) {
        if (e.kind != OutboxEntry::Kind::Comment || e.state == OutboxEntry::State::Sent
            || e.state == OutboxEntry::State::Superseded)
            continue;
        Comment c;
        c.id = outboxId(e.id);
        c.author = context->me;
        c.visibility = e.payload.value(QStringLiteral("visibility")).toString() == QLatin1String("partner")
                           ? Comment::Visibility::Partner
                           : Comment::Visibility::Internal;
        c.body = e.payload.value(QStringLiteral("body")).toString();
        c.createdAt = e.createdAt;
        askedNow = askedNow || c.visibility == Comment::Visibility::Partner;
        m_model->addComment(c);
    }
    const bool awaiting = askedNow || m_model->awaitingPartner();
    m_awaiting->setText(awaiting ? tr("Awaiting partner: the last clarification request has no reply yet.") : QString());
    m_awaiting->setVisible(awaiting);
    if (m_model->rowCount() > 0)
        m_list->scrollTo(m_model->index(m_model->rowCount() - 1));
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
