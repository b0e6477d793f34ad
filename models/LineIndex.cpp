#include "models/LineIndex.h"

#include <QFile>
#include <QMutex>
#include <QMutexLocker>
#include <QStringDecoder>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cstring>

namespace assay {

// The file's mapping, unmapped when the last snapshot that reads it is gone.
struct LineIndex::Snapshot::Mapping
{
    QFile file;
    const uchar *data = nullptr;
    qint64 size = 0;
    ~Mapping()
    {
        if (data)
            file.unmap(const_cast<uchar *>(data));
    }
};

// A run of rows, immutable once published: snapshots share blocks, so a
// snapshot is a short list of pointers however large the file.
struct LineIndex::Snapshot::Block
{
    qsizetype firstSegment = 0;
    int firstLine = 0;
    QList<qint64> starts; // byte offset of each row
    QList<int> lines;     // 0-based line of each row
    // Column of rows that continue a long line (by global row); the first
    // row of a line is at column 0 and not stored.
    QHash<qsizetype, qint64> columns;
};

struct LineIndex::Shared
{
    QMutex mutex;
    std::shared_ptr<const Snapshot::Mapping> mapping;
    QList<std::shared_ptr<const Snapshot::Block>> blocks;
    qsizetype segments = 0;
    int lines = 0;
    bool complete = false;
    int limit = LineIndex::DefaultSegmentBytes;
    std::atomic_bool cancel = false;
};

namespace {

// The first block is small so the first screen is there at once; later ones
// are large so publishing costs the GUI thread nothing noticeable.
constexpr qint64 FirstBlockBytes = 64 * 1024;
constexpr qint64 BlockBytes = 8 * 1024 * 1024;

// Where the row that starts at `start` ends, from the bytes alone: at its
// line's end ("\r\n" or "\n" not included) when that is within `limit`
// bytes, else `limit` bytes on, moved back so no UTF-8 sequence is cut
// (continuation bytes are 10xxxxxx). The indexer cuts rows with this, and a
// snapshot finds a row's end with it, so a row's end needs no storage and a
// long line can be published before its end is found.
qint64 rowEnd(const char *data, qint64 size, qint64 start, int limit)
{
    const qint64 window = std::min<qint64>(size - start, qint64(limit) + 2);
    const void *nl = std::memchr(data + start, '\n', size_t(window));
    qint64 contentEnd = nl ? static_cast<const char *>(nl) - data : start + window;
    if (nl && contentEnd > start && data[contentEnd - 1] == '\r')
        --contentEnd;
    if (contentEnd - start <= limit)
        return contentEnd;
    qint64 e = start + limit;
    qint64 back = e;
    while (back > start + limit - 4 && (uchar(data[back]) & 0xC0) == 0x80)
        --back;
    if ((uchar(data[back]) & 0xC0) != 0x80 && back > start)
        e = back;
    return e;
}

} // namespace

QString LineIndex::decode(QByteArrayView bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    return decoder.decode(bytes);
}

qint64 LineIndex::Snapshot::fileSize() const
{
    return m_mapping ? m_mapping->size : 0;
}

QByteArrayView LineIndex::Snapshot::bytes() const
{
    if (!m_mapping || !m_mapping->data)
        return {};
    return QByteArrayView(m_mapping->data, m_mapping->size);
}

qsizetype LineIndex::Snapshot::blockOf(qsizetype segment) const
{
    const auto it = std::upper_bound(m_blocks.cbegin(), m_blocks.cend(), segment,
                                     [](qsizetype s, const auto &b) { return s < b->firstSegment; });
    return (it - m_blocks.cbegin()) - 1;
}

int LineIndex::Snapshot::lineOfSegment(qsizetype segment) const
{
    if (segment < 0 || segment >= m_segments)
        return -1;
    const auto &b = m_blocks.at(blockOf(segment));
    return b->lines.at(segment - b->firstSegment);
}

qsizetype LineIndex::Snapshot::firstSegmentOfLine(int line) const
{
    if (line < 0 || line >= m_lines)
        return -1;
    // A long line may run over several blocks: its first row is in the first
    // block that reaches it.
    const auto it = std::partition_point(m_blocks.cbegin(), m_blocks.cend(),
                                         [line](const auto &b) { return b->lines.last() < line; });
    if (it == m_blocks.cend())
        return -1;
    const auto &b = *it;
    const auto at = std::lower_bound(b->lines.cbegin(), b->lines.cend(), line);
    return b->firstSegment + (at - b->lines.cbegin());
}

qint64 LineIndex::Snapshot::segmentColumn(qsizetype segment) const
{
    if (segment < 0 || segment >= m_segments)
        return 0;
    return m_blocks.at(blockOf(segment))->columns.value(segment, 0);
}

QByteArrayView LineIndex::Snapshot::segmentBytes(qsizetype segment) const
{
    if (segment < 0 || segment >= m_segments)
        return {};
    const auto &b = m_blocks.at(blockOf(segment));
    const qint64 start = b->starts.at(segment - b->firstSegment);
    const char *data = reinterpret_cast<const char *>(m_mapping->data);
    return QByteArrayView(data + start, rowEnd(data, m_mapping->size, start, m_limit) - start);
}

QString LineIndex::Snapshot::segmentText(qsizetype segment) const
{
    return decode(segmentBytes(segment));
}

LineIndex::LineIndex(QObject *parent)
    : QObject(parent)
{
}

LineIndex::~LineIndex()
{
    close();
}

void LineIndex::close()
{
    if (m_shared)
        m_shared->cancel = true;
    // The worker posts to this object: it must be done before we go.
    m_worker.waitForFinished();
    m_shared.reset();
    m_finished = false;
    ++m_generation;
}

LineIndex::Snapshot LineIndex::snapshot() const
{
    Snapshot s;
    if (!m_shared)
        return s;
    QMutexLocker lock(&m_shared->mutex);
    s.m_mapping = m_shared->mapping;
    s.m_blocks = m_shared->blocks;
    s.m_segments = m_shared->segments;
    s.m_lines = m_shared->lines;
    s.m_complete = m_shared->complete;
    s.m_limit = m_shared->limit;
    return s;
}

bool LineIndex::isFinished() const
{
    return m_finished;
}

void LineIndex::publish(quint64 generation)
{
    if (generation != m_generation || !m_shared)
        return;
    bool complete;
    {
        QMutexLocker lock(&m_shared->mutex);
        complete = m_shared->complete;
    }
    Q_EMIT grown();
    if (complete && !m_finished) {
        m_finished = true;
        Q_EMIT finished();
    }
}

Result<> LineIndex::open(const QString &path, int segmentBytes)
{
    close();
    auto mapping = std::make_shared<Snapshot::Mapping>();
    mapping->file.setFileName(path);
    if (!mapping->file.open(QIODevice::ReadOnly))
        return Error{tr("Cannot open the file: %1").arg(mapping->file.errorString())};
    mapping->size = mapping->file.size();
    // An empty file cannot be mapped and has nothing to map.
    if (mapping->size > 0) {
        mapping->data = mapping->file.map(0, mapping->size);
        if (!mapping->data)
            return Error{tr("Cannot map the file: %1").arg(mapping->file.errorString())};
    }
    auto shared = std::make_shared<Shared>();
    shared->mapping = mapping;
    shared->limit = std::max(segmentBytes, 8);
    m_shared = shared;
    const quint64 generation = m_generation;
    const int limit = shared->limit;

    m_worker = QtConcurrent::run([this, shared, mapping, generation, limit] {
        const char *data = reinterpret_cast<const char *>(mapping->data);
        const qint64 size = mapping->size;
        qint64 pos = 0;
        int line = 0;
        qsizetype segment = 0;
        auto block = std::make_shared<Snapshot::Block>();
        qint64 blockFrom = 0;
        qint64 blockLimit = FirstBlockBytes;
        // midLine: the current line goes on in the next block, but its rows
        // so far are published (and it counts as a line already).
        auto flush = [&](bool complete, bool midLine) {
            {
                QMutexLocker lock(&shared->mutex);
                if (!block->starts.isEmpty())
                    shared->blocks.append(block);
                shared->segments = segment;
                shared->lines = line + (midLine ? 1 : 0);
                shared->complete = complete;
            }
            QMetaObject::invokeMethod(this, [this, generation] { publish(generation); }, Qt::QueuedConnection);
            block = std::make_shared<Snapshot::Block>();
            block->firstSegment = segment;
            block->firstLine = line;
            blockFrom = pos;
            blockLimit = BlockBytes;
        };
        while (pos < size) {
            if (shared->cancel)
                return;
            // Row by row: a line within the limit is one row; a longer one
            // is cut into rows, and may be published part by part.
            qint64 column = 0;
            qint64 s = pos;
            for (;;) {
                const qint64 e = rowEnd(data, size, s, limit);
                block->starts.append(s);
                block->lines.append(line);
                if (column > 0)
                    block->columns.insert(segment, column);
                ++segment;
                // Past the row: its line's terminator, or the next row.
                qint64 next = e;
                if (next < size && data[next] == '\r' && next + 1 < size && data[next + 1] == '\n')
                    ++next;
                if (next < size && data[next] == '\n') {
                    pos = next + 1;
                    break;
                }
                if (next >= size) {
                    pos = size;
                    break;
                }
                // The line goes on: the next row continues it.
                column += decode(QByteArrayView(data + s, e - s)).size();
                s = e;
                if (s - blockFrom >= blockLimit) {
                    flush(false, true);
                    blockFrom = s;
                }
                if (shared->cancel)
                    return;
            }
            ++line;
            if (pos - blockFrom >= blockLimit && pos < size)
                flush(false, false);
        }
        flush(true, false);
    });
    return {};
}

} // namespace assay
