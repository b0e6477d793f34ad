#include "ui/review/HistoryPane.h"

#include "models/HistoryModel.h"
#include "ui/review/ReviewContext.h"
#include "ui/review/ReviewItemDelegate.h"

#include <QListView>
#include <QLocale>
#include <QVBoxLayout>

namespace assay {

namespace {
QString when(const QDateTime &t)
{
    return QLocale().toString(t.toLocalTime(), QLocale::ShortFormat);
}

QString stateText(OutboxEntry::State s)
{
    switch (s) {
    case OutboxEntry::State::Pending:
        return HistoryPane::tr("pending upload");
    case OutboxEntry::State::Conflict:
        return HistoryPane::tr("conflict");
    case OutboxEntry::State::Failed:
        return HistoryPane::tr("failed");
    case OutboxEntry::State::Sent:
        return HistoryPane::tr("sent");
    case OutboxEntry::State::Superseded:
        return HistoryPane::tr("superseded");
    }
    return {};
}

QString actionOf(const OutboxEntry &e)
{
    switch (e.kind) {
    case OutboxEntry::Kind::Verdict:
        return HistoryPane::tr("verdict: %1").arg(e.payload.value(QStringLiteral("decision")).toString());
    case OutboxEntry::Kind::Assignment:
        return HistoryPane::tr("assignment");
    case OutboxEntry::Kind::Comment:
        return HistoryPane::tr("comment");
    }
    return {};
}
} // namespace

HistoryPane::HistoryPane(QWidget *parent)
    : QWidget(parent)
    , m_model(new HistoryModel([this](const QString &id) { return m_context ? m_context->nameOf(id) : id; }, this))
    , m_list(new QListView)
{
    setObjectName(QStringLiteral("HistoryPane"));
    m_list->setObjectName(QStringLiteral("HistoryList"));
    m_list->setAccessibleName(tr("History, newest first"));
    m_list->setModel(m_model);
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
    m_list->setItemDelegate(new ReviewItemDelegate(
        [](const QModelIndex &i) {
            QString text = when(i.data(HistoryModel::TimeRole).toDateTime()) + QStringLiteral(" · ") + i.data().toString();
            if (const QString detail = i.data(HistoryModel::DetailRole).toString(); !detail.isEmpty())
                text += QLatin1Char('\n') + detail;
            return text;
        },
        [](const QModelIndex &i) { return i.data(HistoryModel::LocalRole).toBool(); }, this));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
}

void HistoryPane::setContext(const ReviewContext *context)
{
    m_context = context;
    if (!context) {
        m_model->setHistory({}, {});
        return;
    }
    QList<HistoryModel::LocalAction> local;
    for (const OutboxEntry &e : context->outbox) {
        if (e.state == OutboxEntry::State::Sent || e.state == OutboxEntry::State::Superseded)
            continue;
        local.append({e.createdAt, context->me, actionOf(e), stateText(e.state),
                      e.lastError.isEmpty() ? QString() : tr("the server said: %1").arg(e.lastError)});
    }
    m_model->setHistory(context->submission.history, local);
}

} // namespace assay
