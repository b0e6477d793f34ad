#pragma once

#include "domain/Result.h"
#include "domain/SubmissionSummary.h"
#include "domain/Verdict.h"
#include "models/OutboxEntry.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTableWidget;
class QTextBrowser;

namespace assay {

class Cache;

// A verdict that came back 409: the server had moved on. Shows the server's
// state at the conflict (server_state) next to what the reviewer's verdict
// was based on — status, stage, assignee, version, answers where the cache
// knows them — and offers the two ways out: re-base (the same verdict
// recorded against the new version with a new Idempotency-Key, the old entry
// superseded) or discard. Nothing is resent unless the reviewer says so.
class ConflictView : public QWidget
{
    Q_OBJECT

public:
    ConflictView(Cache &cache, qint64 outboxEntryId, QWidget *parent = nullptr);

    // Empty when the entry is a verdict in conflict and could be read; else
    // why not (shown, and both actions are off).
    QString loadError() const { return m_loadError; }
    // Why re-basing is not possible now (e.g. the cache has not caught up
    // with the server's version yet); empty when it is.
    QString rebaseBlocker() const { return m_rebaseBlocker; }

public Q_SLOTS:
    // Reads the entry and the cached submission again (after a sync).
    void reload();
    void rebase();
    void discard();

Q_SIGNALS:
    void rebased(qint64 newEntryId);
    void discarded();

private:
    void build();
    bool read();
    void fill();
    void addRow(const QString &field, const QString &basedOn, const QString &now, bool changed);
    void done(const QString &message);
    QString answersSinceTicks();

    Cache &m_cache;
    qint64 m_entryId;
    QString m_loadError;
    QString m_rebaseBlocker;
    OutboxEntry m_entry;
    Verdict m_verdict;
    std::optional<SubmissionSummary> m_server;
    // The cache's copy of the submission; what the verdict was based on
    // while it still holds the verdict's base version.
    std::optional<SubmissionSummary> m_cached;
    QString m_answers;
    bool m_answersChanged = false;

    QLabel *m_title = nullptr;
    QTableWidget *m_changes = nullptr;
    QTextBrowser *m_draft = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_rebase = nullptr;
    QPushButton *m_discard = nullptr;
};

} // namespace assay
