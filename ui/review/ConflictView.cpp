#include "ui/review/ConflictView.h"

#include "domain/JsonReader.h"
#include "domain/Questionnaire.h"
#include "domain/Submission.h"
#include "models/Cache.h"
#include "models/Outbox.h"
#include "models/ReviewBasis.h"
#include "models/ReviewWork.h"
#include "models/SubmissionStore.h"

#include <QFont>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace assay {

namespace {
enum Column { FieldColumn, BasedOnColumn, NowColumn, ChangedColumn };

QString assigneeText(const SubmissionSummary &s)
{
    return s.assignee ? *s.assignee : QObject::tr("nobody");
}
} // namespace

ConflictView::ConflictView(Cache &cache, qint64 outboxEntryId, QWidget *parent)
    : QWidget(parent)
    , m_cache(cache)
    , m_entryId(outboxEntryId)
{
    build();
    reload();
}

void ConflictView::build()
{
    setAccessibleName(tr("Verdict in conflict"));
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("conflictTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    m_title->setAccessibleName(tr("What happened"));

    m_changes = new QTableWidget(0, 4, this);
    m_changes->setObjectName(QStringLiteral("conflictChanges"));
    m_changes->setAccessibleName(tr("Your verdict's basis against the server's state"));
    m_changes->setHorizontalHeaderLabels({tr("Field"), tr("Your verdict was based on"), tr("The server now"), tr("Changed")});
    m_changes->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_changes->horizontalHeader()->setStretchLastSection(true);
    m_changes->verticalHeader()->hide();
    m_changes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_changes->setTabKeyNavigation(false);

    m_draft = new QTextBrowser(this);
    m_draft->setObjectName(QStringLiteral("conflictDraft"));
    m_draft->setAccessibleName(tr("Your verdict, as recorded"));
    m_draft->setOpenLinks(false);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("conflictStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Why re-basing is not possible yet"));

    m_rebase = new QPushButton(tr("Re-&base and record again"), this);
    m_rebase->setObjectName(QStringLiteral("rebase"));
    m_rebase->setAccessibleName(tr("Re-base the verdict on the server's version and record it again"));
    m_rebase->setToolTip(tr("Records the same verdict against the new version, with a new idempotency key; "
                            "the old entry is marked superseded. The sync sends it."));
    m_discard = new QPushButton(tr("&Discard the verdict"), this);
    m_discard->setObjectName(QStringLiteral("discard"));
    m_discard->setAccessibleName(tr("Discard the verdict; the draft stays"));
    m_discard->setToolTip(tr("The outbox entry is never sent; your draft stays for a new decision."));
    connect(m_rebase, &QPushButton::clicked, this, &ConflictView::rebase);
    connect(m_discard, &QPushButton::clicked, this, &ConflictView::discard);

    auto *sides = new QHBoxLayout;
    sides->addWidget(m_changes, 3);
    sides->addWidget(m_draft, 2);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_rebase);
    buttons->addWidget(m_discard);
    auto *root = new QVBoxLayout(this);
    root->addWidget(m_title);
    root->addLayout(sides, 1);
    root->addLayout(buttons);
}

bool ConflictView::read()
{
    m_loadError.clear();
    m_server.reset();
    m_cached.reset();
    const Result<std::optional<OutboxEntry>> e = m_cache.outbox().entry(m_entryId);
    if (!e) {
        m_loadError = e.error().message;
        return false;
    }
    const std::optional<OutboxEntry> &found = *e;
    if (!found) {
        m_loadError = tr("Outbox entry %1 is gone.").arg(m_entryId);
        return false;
    }
    m_entry = *found;
    if (m_entry.kind != OutboxEntry::Kind::Verdict) {
        m_loadError = tr("Outbox entry %1 is not a verdict.").arg(m_entryId);
        return false;
    }
    JsonReader verdictReader(m_entry.payload);
    m_verdict = Verdict::fromJson(verdictReader);
    if (!verdictReader.ok()) {
        m_loadError = tr("Outbox entry %1 holds no readable verdict: %2").arg(m_entryId).arg(verdictReader.error());
        return false;
    }
    if (!m_entry.serverState.isEmpty()) {
        JsonReader serverReader(m_entry.serverState);
        SubmissionSummary server = SubmissionSummary::fromJson(serverReader);
        if (serverReader.ok())
            m_server = server;
    }
    const Result<std::optional<SubmissionSummary>> cached = m_cache.submissions().summary(m_entry.submissionId);
    if (!cached) {
        m_loadError = cached.error().message;
        return false;
    }
    m_cached = *cached;
    m_answers = answersSinceTicks();
    return true;
}

// The server's state names no answers. Once a sync has brought the new
// version, the ticks say which categories' answers or evidence changed since
// they were made (each tick is stamped with a digest of its category).
QString ConflictView::answersSinceTicks()
{
    m_answersChanged = false;
    if (!m_server || !m_cached)
        return tr("(not known)");
    if (m_cached->version < m_server->version)
        return tr("not in the cache yet: sync to see them");
    QString unknown = tr("(not known)");
    const Result<std::optional<Submission>> s = m_cache.submissions().submission(m_entry.submissionId);
    if (!s)
        return unknown;
    const std::optional<Submission> &submission = *s;
    const Result<std::optional<Questionnaire>> q = m_cache.submissions().questionnaire(m_cached->questionnaireVersion);
    if (!q)
        return unknown;
    const std::optional<Questionnaire> &questionnaire = *q;
    const Result<QHash<QString, ReviewWork::Tick>> ticks = m_cache.work().checklistTicks(m_entry.submissionId);
    if (!submission || !questionnaire || !ticks)
        return unknown;
    const QHash<QString, QString> now = ReviewBasis::ofAll(*questionnaire, *submission);
    QStringList changed;
    bool stamped = false;
    for (const Questionnaire::Category &c : std::as_const(questionnaire->categories)) {
        for (const Questionnaire::ChecklistItem &item : c.checklist) {
            const ReviewWork::Tick t = ticks->value(item.key);
            if (t.basis.isEmpty())
                continue;
            stamped = true;
            if (t.basis != now.value(c.key)) {
                changed.append(c.title);
                break;
            }
        }
    }
    if (!stamped)
        return tr("version %1 in the cache; no ticks to compare with").arg(m_cached->version);
    if (changed.isEmpty())
        return tr("unchanged where you ticked");
    m_answersChanged = true;
    return tr("changed since your ticks in: %1").arg(changed.join(QStringLiteral(", ")));
}

void ConflictView::addRow(const QString &field, const QString &basedOn, const QString &now, bool changed)
{
    const int r = m_changes->rowCount();
    m_changes->insertRow(r);
    const QStringList cells{field, basedOn, now, changed ? tr("changed") : QString()};
    for (int c = 0; c < cells.size(); ++c) {
        auto *item = new QTableWidgetItem(cells.at(c));
        if (changed) {
            QFont f = item->font();
            f.setBold(true);
            item->setFont(f);
        }
        m_changes->setItem(r, c, item);
    }
}

void ConflictView::fill()
{
    m_changes->setRowCount(0);
    m_draft->clear();
    m_rebaseBlocker.clear();
    if (!m_loadError.isEmpty()) {
        m_title->setText(m_loadError);
        m_rebaseBlocker = m_loadError;
        return;
    }
    const bool inConflict = m_entry.state == OutboxEntry::State::Conflict;
    m_title->setText(inConflict ? tr("Your verdict on %1 was not accepted: the server had moved on (%2). Nothing is "
                                     "sent again unless you re-base it.")
                                      .arg(m_entry.submissionId, m_entry.lastError)
                                : tr("Your verdict on %1 is %2, no longer in conflict.")
                                      .arg(m_entry.submissionId, OutboxEntry::stateName(m_entry.state)));

    // The cache still at the verdict's version is what the reviewer decided
    // on; once a sync brought the new version, only the version is known.
    const qint64 base = m_verdict.baseVersion;
    const std::optional<SubmissionSummary> before =
        m_cached && m_cached->version == base ? m_cached : std::optional<SubmissionSummary>();
    const QString unknown = tr("(not kept)");
    auto side = [&](const std::optional<SubmissionSummary> &s, auto get) { return s ? get(*s) : unknown; };
    auto row = [&](const QString &field, auto get) {
        const QString b = side(before, get);
        const QString n = side(m_server, get);
        addRow(field, b, n, before && m_server && b != n);
    };
    addRow(tr("Version"), QString::number(base), m_server ? QString::number(m_server->version) : unknown,
           !m_server || m_server->version != base);
    row(tr("Status"), [](const SubmissionSummary &s) { return SubmissionSummary::statusName(s.status); });
    row(tr("Stage"), [](const SubmissionSummary &s) { return SubmissionSummary::stageName(s.stage); });
    row(tr("Assignee"), [](const SubmissionSummary &s) { return assigneeText(s); });
    row(tr("Updated"), [](const SubmissionSummary &s) { return QLocale().toString(s.updatedAt.toLocalTime(), QLocale::ShortFormat); });
    addRow(tr("Answers and evidence"), before ? tr("as you read them") : unknown, m_answers, m_answersChanged);

    QString draft = tr("<p><b>Your verdict:</b> %1 on version %2, recorded %3.</p>")
                        .arg(Verdict::decisionName(m_verdict.decision))
                        .arg(base)
                        .arg(QLocale().toString(m_entry.createdAt.toLocalTime(), QLocale::ShortFormat));
    draft += tr("<p><b>Summary:</b> %1</p>")
                 .arg(m_verdict.summary.isEmpty() ? tr("(none)") : m_verdict.summary.toHtmlEscaped());
    if (!m_verdict.reasons.isEmpty()) {
        draft += QStringLiteral("<ul>");
        for (const Verdict::Reason &r : std::as_const(m_verdict.reasons)) {
            draft += QStringLiteral("<li>%1: %2%3</li>")
                         .arg(r.category.toHtmlEscaped(), r.code.toHtmlEscaped(),
                              r.note.isEmpty() ? QString() : QStringLiteral(" — ") + r.note.toHtmlEscaped());
        }
        draft += QStringLiteral("</ul>");
    }
    m_draft->setHtml(draft);

    if (!inConflict)
        m_rebaseBlocker = tr("Only a verdict in conflict is re-based.");
    else if (m_server && m_server->stage == SubmissionSummary::Stage::Done)
        m_rebaseBlocker = tr("The submission is already decided (%1): no verdict can follow. Discard yours.")
                              .arg(SubmissionSummary::statusName(m_server->status));
    else if (!m_cached)
        m_rebaseBlocker = tr("Submission %1 is not in the cache; sync first.").arg(m_entry.submissionId);
    else if (m_server && m_cached->version < m_server->version)
        m_rebaseBlocker = tr("Sync first: the cache has version %1, the server is at version %2; re-basing now "
                             "would meet the same conflict.")
                              .arg(m_cached->version)
                              .arg(m_server->version);
}

void ConflictView::reload()
{
    read();
    fill();
    const bool inConflict = m_loadError.isEmpty() && m_entry.state == OutboxEntry::State::Conflict;
    m_rebase->setEnabled(m_rebaseBlocker.isEmpty());
    m_discard->setEnabled(inConflict);
    m_status->setText(m_rebaseBlocker);
}

void ConflictView::done(const QString &message)
{
    reload();
    m_status->setText(message);
}

void ConflictView::rebase()
{
    if (!m_rebaseBlocker.isEmpty())
        return;
    const Result<qint64> id = m_cache.outbox().rebase(m_entryId);
    if (!id) {
        m_status->setText(tr("Not re-based: %1").arg(id.error().message));
        return;
    }
    done(tr("Recorded again against version %1: pending upload.").arg(m_cached ? m_cached->version : 0));
    Q_EMIT rebased(*id);
}

void ConflictView::discard()
{
    if (const Result<> r = m_cache.outbox().discard(m_entryId); !r) {
        m_status->setText(tr("Not discarded: %1").arg(r.error().message));
        return;
    }
    done(tr("Discarded: it will not be sent. Your draft stays."));
    Q_EMIT discarded();
}

} // namespace assay
