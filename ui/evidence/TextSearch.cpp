#include "ui/evidence/TextSearch.h"

#include <QElapsedTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <cstring>

namespace assay {

namespace {

constexpr qint64 ChunkBytes = 1024 * 1024;
// Results go to the GUI thread at most this often (and at the end).
constexpr int PostEveryMs = 30;

} // namespace

TextSearch::TextSearch(QObject *parent)
    : QObject(parent)
{
}

TextSearch::~TextSearch()
{
    cancel();
}

void TextSearch::cancel()
{
    if (m_cancel)
        *m_cancel = true;
    // The worker posts to this object: it must be done before we go on.
    m_future.waitForFinished();
    m_cancel.reset();
    ++m_generation;
    m_running = false;
}

void TextSearch::start(const LineIndex::Snapshot &snapshot, const QString &text)
{
    cancel();
    m_hits.clear();
    m_truncated = false;
    if (text.isEmpty()) {
        Q_EMIT finished(0, false);
        return;
    }
    m_running = true;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    const quint64 generation = m_generation;
    m_future = QtConcurrent::run([this, snapshot, text, generation, cancel = m_cancel] {
        const QByteArrayView all = snapshot.bytes();
        const char *data = all.data();
        const qint64 size = all.size();
        QList<Hit> batch;
        QElapsedTimer sincePost;
        sincePost.start();
        qsizetype total = 0;
        int line = 0;
        qint64 columnBase = 0; // the chunk starts this far into its line
        qint64 pos = 0;
        while (pos < size && !*cancel) {
            // Chunks end after a newline; a line longer than a chunk is cut
            // at a UTF-8 boundary (a match across that cut is missed).
            qint64 end = std::min(pos + ChunkBytes, size);
            if (end < size) {
                const void *nl = std::memchr(data + end, '\n', size_t(std::min<qint64>(size - end, ChunkBytes)));
                if (nl) {
                    end = static_cast<const char *>(nl) - data + 1;
                } else {
                    while (end > pos + 1 && (uchar(data[end]) & 0xC0) == 0x80)
                        --end;
                }
            }
            const QString chunk = LineIndex::decode(QByteArrayView(data + pos, end - pos));
            qsizetype lineStart = 0; // in chunk, where the current line begins
            qsizetype counted = 0;   // newlines counted up to here
            for (qsizetype at = chunk.indexOf(text, 0, Qt::CaseInsensitive); at >= 0 && !*cancel;
                 at = chunk.indexOf(text, at + text.size(), Qt::CaseInsensitive)) {
                for (qsizetype i = counted; i < at; ++i) {
                    if (chunk.at(i) == u'\n') {
                        ++line;
                        lineStart = i + 1;
                        columnBase = 0;
                    }
                }
                counted = at;
                batch.append(Hit{line, columnBase + (at - lineStart), int(text.size())});
                if (++total >= MaxHits)
                    break;
            }
            for (qsizetype i = counted; i < chunk.size(); ++i) {
                if (chunk.at(i) == u'\n') {
                    ++line;
                    lineStart = i + 1;
                    columnBase = 0;
                }
            }
            columnBase += chunk.size() - lineStart;
            pos = end;
            const bool truncated = total >= MaxHits;
            const bool done = truncated || pos >= size;
            if (done || (!batch.isEmpty() && sincePost.elapsed() >= PostEveryMs)) {
                QMetaObject::invokeMethod(
                    this, [this, generation, batch, done, truncated] { receive(generation, batch, done, truncated); },
                    Qt::QueuedConnection);
                batch.clear();
                sincePost.restart();
            }
            if (done)
                return;
        }
        if (!*cancel && size == 0)
            QMetaObject::invokeMethod(
                this, [this, generation] { receive(generation, {}, true, false); }, Qt::QueuedConnection);
    });
}

void TextSearch::receive(quint64 generation, const QList<Hit> &hits, bool done, bool truncated)
{
    if (generation != m_generation)
        return;
    m_hits.append(hits);
    if (!hits.isEmpty())
        Q_EMIT found(m_hits.size());
    if (done) {
        m_running = false;
        m_truncated = truncated;
        Q_EMIT finished(m_hits.size(), truncated);
    }
}

} // namespace assay
