#pragma once

#include "domain/Result.h"

#include <QByteArrayView>
#include <QFuture>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace assay {

// Where the lines of a large text file start, for a view that shows a window
// of it without reading it whole.
//
// The file is mapped read-only (QFile::map) and scanned on a worker thread;
// what is indexed is published in blocks, the first one small so the first
// screen can be drawn at once, each announced with grown(). A line longer
// than the segment limit becomes several display *segments* (cut at a UTF-8
// boundary), so a 20 MB single line is never decoded or laid out whole: the
// view works in segments ("rows"), and a short line is one row.
//
// Text is UTF-8 with invalid sequences replaced (U+FFFD). Lines end at "\n"
// or "\r\n" (the "\r" is not part of the line); a last line without a newline
// is a line; an empty file has no lines. Lines count from 0 here; columns
// are UTF-16 code units from the start of the line, as in SecretFinding.
class LineIndex : public QObject
{
    Q_OBJECT

public:
    // At most this many bytes (and so at most this many UTF-16 units) a row.
    static constexpr int DefaultSegmentBytes = 4000;

    // What is indexed so far, as an immutable value: cheap to copy, safe to
    // read from any thread, and it keeps the file's mapping alive.
    class Snapshot
    {
    public:
        Snapshot() = default;
        qsizetype segmentCount() const { return m_segments; }
        int lineCount() const { return m_lines; }
        bool isComplete() const { return m_complete; }
        qint64 fileSize() const;
        // 0-based line of a row.
        int lineOfSegment(qsizetype segment) const;
        // The first row of a 0-based line, or -1 when it is not indexed (yet).
        qsizetype firstSegmentOfLine(int line) const;
        // The UTF-16 column of the row's first unit within its line.
        qint64 segmentColumn(qsizetype segment) const;
        // The row's bytes (no line terminator); valid while the snapshot lives.
        QByteArrayView segmentBytes(qsizetype segment) const;
        // The row decoded, invalid UTF-8 replaced.
        QString segmentText(qsizetype segment) const;
        // The whole mapped file (for searching it).
        QByteArrayView bytes() const;

    private:
        friend class LineIndex;
        struct Block;
        struct Mapping;
        qsizetype blockOf(qsizetype segment) const;
        std::shared_ptr<const Mapping> m_mapping;
        QList<std::shared_ptr<const Block>> m_blocks;
        qsizetype m_segments = 0;
        int m_lines = 0;
        bool m_complete = false;
        int m_limit = DefaultSegmentBytes;
    };

    explicit LineIndex(QObject *parent = nullptr);
    ~LineIndex() override;

    // Maps the file and starts indexing it; returns at once (the first block
    // follows with grown()). A file that cannot be opened or mapped fails here.
    Result<> open(const QString &path, int segmentBytes = DefaultSegmentBytes);
    // Stops indexing and forgets the file (snapshots keep their mapping).
    void close();

    Snapshot snapshot() const;
    bool isFinished() const;

    // Decodes bytes as the index does: UTF-8, invalid sequences replaced.
    static QString decode(QByteArrayView bytes);

Q_SIGNALS:
    // More rows are indexed (the first time: the first screen's worth).
    void grown();
    // The whole file is indexed.
    void finished();

private:
    struct Shared;
    void publish(quint64 generation);
    std::shared_ptr<Shared> m_shared;
    QFuture<void> m_worker;
    quint64 m_generation = 0;
    bool m_finished = false;
};

} // namespace assay
