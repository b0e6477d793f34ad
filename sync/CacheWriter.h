#pragma once

#include "domain/Submission.h"

#include <QObject>
#include <QStringList>
#include <QThread>

#include <functional>

namespace assay {

// Stores fetched submission details on a thread of its own, through a Cache
// connection of its own, so that the sync engine keeps requests going while
// SQLite writes. A sync of 10k submissions writes some 200 MB (answers and
// their search index); done in line, the network sat idle for all of it.
//
// Batches are stored in the order they were queued, each in one transaction.
// A batch that fails as a whole is retried one submission at a time, so one
// bad record costs only itself.
class CacheWriter : public QObject
{
    Q_OBJECT

public:
    // `verifiedContent` (optional, called on the writer's thread): which
    // evidence contents are in the store verified, so that their items are
    // stored present (see Cache::setVerifiedContent).
    explicit CacheWriter(const QString &cachePath, std::function<bool(const QString &)> verifiedContent = {},
                         QObject *parent = nullptr);
    // Stores what is queued, then stops the thread.
    ~CacheWriter() override;

    void store(QList<Submission> batch);
    // Batches queued and not reported yet.
    int pending() const { return m_pending; }

Q_SIGNALS:
    // A batch is done: the ids now in the cache, and what could not be
    // stored (one line each).
    void stored(const QStringList &ids, const QStringList &problems);

private:
    class Worker;
    QThread m_thread;
    Worker *m_worker;
    int m_pending = 0;
};

} // namespace assay
