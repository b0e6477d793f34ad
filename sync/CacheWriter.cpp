#include "sync/CacheWriter.h"

#include "models/Cache.h"
#include "models/SubmissionStore.h"

using namespace Qt::StringLiterals;

namespace assay {

// Lives in the writer's thread; its Cache is opened, used and closed there
// (a connection belongs to the thread that opened it).
class CacheWriter::Worker : public QObject
{
    Q_OBJECT

public:
    Worker(QString path, std::function<bool(const QString &)> verifiedContent)
        : m_path(std::move(path))
    {
        m_cache.submissions().setVerifiedContent(std::move(verifiedContent));
    }

    void store(const QList<Submission> &batch)
    {
        QStringList ids;
        QStringList problems;
        const Result<> opened = m_cache.isOpen() ? Result<>() : m_cache.open(m_path);
        if (!opened) {
            for (const Submission &s : batch)
                problems.append(u"submission %1 could not be stored: %2"_s.arg(s.summary.id, opened.error().message));
        } else if (m_cache.submissions().store(batch)) {
            for (const Submission &s : batch)
                ids.append(s.summary.id);
        } else {
            // One bad submission must not cost the batch: each alone, so
            // the others are kept and the bad one says why.
            for (const Submission &s : batch) {
                if (const Result<> stored = m_cache.submissions().store(s); stored)
                    ids.append(s.summary.id);
                else
                    problems.append(u"submission %1 could not be stored: %2"_s.arg(s.summary.id, stored.error().message));
            }
        }
        Q_EMIT stored(ids, problems);
    }

    void close() { m_cache.close(); }

Q_SIGNALS:
    void stored(const QStringList &ids, const QStringList &problems);

private:
    QString m_path;
    Cache m_cache;
};

CacheWriter::CacheWriter(const QString &cachePath, std::function<bool(const QString &)> verifiedContent, QObject *parent)
    : QObject(parent)
    , m_worker(new Worker(cachePath, std::move(verifiedContent)))
{
    m_thread.setObjectName(u"cache-writer"_s);
    m_worker->moveToThread(&m_thread);
    connect(m_worker, &Worker::stored, this, [this](const QStringList &ids, const QStringList &problems) {
        --m_pending;
        Q_EMIT stored(ids, problems);
    });
    m_thread.start();
}

CacheWriter::~CacheWriter()
{
    // Queued behind any batches still waiting: they are stored first.
    QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->close(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

void CacheWriter::store(QList<Submission> batch)
{
    if (batch.isEmpty())
        return;
    ++m_pending;
    QMetaObject::invokeMethod(m_worker, [w = m_worker, b = std::move(batch)] { w->store(b); }, Qt::QueuedConnection);
}

} // namespace assay

#include "CacheWriter.moc"
