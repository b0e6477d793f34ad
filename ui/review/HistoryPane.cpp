#include "ui/review/HistoryPane.h"

#include "ui/review/ReviewContext.h"

#include <QHeaderView>
#include <QJsonDocument>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace assay {

namespace {
enum Column { WhenColumn, WhoColumn, WhatColumn, DetailColumn };

QString when(const QDateTime &t)
{
    return QLocale().toString(t.toLocalTime(), QLocale::ShortFormat);
}

QString localAction(const OutboxEntry &e)
{
    const QString state = e.state == OutboxEntry::State::Pending ? HistoryPane::tr("not sent yet")
                          : e.state == OutboxEntry::State::Conflict ? HistoryPane::tr("conflict")
                                                                    : HistoryPane::tr("failed");
    switch (e.kind) {
    case OutboxEntry::Kind::Verdict:
        return HistoryPane::tr("your verdict (%1): %2").arg(e.payload.value(QStringLiteral("decision")).toString(), state);
    case OutboxEntry::Kind::Assignment:
        return HistoryPane::tr("your assignment: %1").arg(state);
    case OutboxEntry::Kind::Comment:
        return HistoryPane::tr("your comment: %1").arg(state);
    }
    return state;
}
} // namespace

HistoryPane::HistoryPane(QWidget *parent)
    : QWidget(parent)
    , m_list(new QTreeWidget)
{
    setObjectName(QStringLiteral("HistoryPane"));
    m_list->setObjectName(QStringLiteral("HistoryList"));
    m_list->setAccessibleName(tr("History, newest first"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("When"), tr("Who"), tr("What"), tr("Detail")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
}

void HistoryPane::setContext(const ReviewContext *context)
{
    m_list->clear();
    if (!context)
        return;
    QList<OutboxEntry> local;
    for (const OutboxEntry &e : context->outbox)
        if (e.state != OutboxEntry::State::Sent)
            local.prepend(e);
    for (const OutboxEntry &e : local) {
        auto *row = new QTreeWidgetItem(m_list);
        row->setText(WhenColumn, when(e.createdAt));
        row->setText(WhoColumn, tr("you (local)"));
        row->setText(WhatColumn, localAction(e));
        QFont italic = row->font(WhatColumn);
        italic.setItalic(true);
        for (int c = 0; c <= DetailColumn; ++c)
            row->setFont(c, italic);
    }
    QList<HistoryEntry> entries = context->submission.history;
    std::stable_sort(entries.begin(), entries.end(),
                     [](const HistoryEntry &a, const HistoryEntry &b) { return a.at > b.at; });
    for (const HistoryEntry &h : entries) {
        auto *row = new QTreeWidgetItem(m_list);
        row->setText(WhenColumn, when(h.at));
        row->setText(WhoColumn, h.actor);
        row->setText(WhatColumn, h.action);
        if (!h.detail.isEmpty())
            row->setText(DetailColumn, QString::fromUtf8(QJsonDocument(h.detail).toJson(QJsonDocument::Compact)));
    }
}

} // namespace assay
