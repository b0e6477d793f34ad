#pragma once

#include "models/LineIndex.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace assay {

// Finds every occurrence of a text (case-insensitive) in a mapped file on a
// worker thread, streaming what it finds: the file is decoded a chunk at a
// time and never held whole as text.
class TextSearch : public QObject
{
    Q_OBJECT

public:
    struct Hit
    {
        int line = 0;       // from 0
        qint64 column = 0;  // UTF-16 units from the line's start
        int length = 0;
    };
    // More than this and the search stops (and says so).
    static constexpr qsizetype MaxHits = 100000;

    explicit TextSearch(QObject *parent = nullptr);
    ~TextSearch() override;

    // Stops any search under way and starts this one (an empty text: none).
    void start(const LineIndex::Snapshot &snapshot, const QString &text);
    void cancel();
    const QList<Hit> &hits() const { return m_hits; }
    bool isRunning() const { return m_running; }
    bool isTruncated() const { return m_truncated; }

Q_SIGNALS:
    void found(qsizetype total);
    void finished(qsizetype total, bool truncated);

private:
    void receive(quint64 generation, const QList<assay::TextSearch::Hit> &hits, bool done, bool truncated);
    QList<Hit> m_hits;
    QFuture<void> m_future;
    std::shared_ptr<std::atomic_bool> m_cancel;
    quint64 m_generation = 0;
    bool m_running = false;
    bool m_truncated = false;
};

} // namespace assay
