#include "models/LineIndex.h"

#include "common/ResultCheck.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace assay;
using namespace Qt::StringLiterals;

namespace {

// Every row's text, one string per line (the rows of a line joined).
QStringList linesOf(const LineIndex::Snapshot &s)
{
    QStringList lines;
    for (qsizetype row = 0; row < s.segmentCount(); ++row) {
        const int line = s.lineOfSegment(row);
        if (line == lines.size())
            lines.append(QString());
        lines.last() += s.segmentText(row);
    }
    return lines;
}

} // namespace

class TestLineIndex : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            qFatal("cannot write the test file");
        return path;
    }

    // Opens and waits for the whole file to be indexed.
    LineIndex::Snapshot indexed(LineIndex &index, const QString &path, int segmentBytes = LineIndex::DefaultSegmentBytes)
    {
        QSignalSpy finished(&index, &LineIndex::finished);
        if (!test::ok(index.open(path, segmentBytes)))
            return {};
        if (!finished.wait(20000))
            qWarning("indexing did not finish");
        return index.snapshot();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void linesAndTheirEnds_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QStringList>("lines");
        QTest::newRow("empty file") << QByteArray() << QStringList();
        QTest::newRow("no trailing newline") << "one\ntwo"_ba << QStringList{u"one"_s, u"two"_s};
        QTest::newRow("trailing newline") << "one\ntwo\n"_ba << QStringList{u"one"_s, u"two"_s};
        QTest::newRow("CRLF") << "one\r\ntwo\r\n"_ba << QStringList{u"one"_s, u"two"_s};
        QTest::newRow("CRLF without the last") << "one\r\ntwo"_ba << QStringList{u"one"_s, u"two"_s};
        QTest::newRow("a lone CR stays in its line") << "a\rb\n"_ba << QStringList{u"a\rb"_s};
        QTest::newRow("only a newline") << "\n"_ba << QStringList{QString()};
        QTest::newRow("empty lines") << "a\n\n\nb"_ba << QStringList{u"a"_s, QString(), QString(), u"b"_s};
        QTest::newRow("UTF-8") << "grüße\n日本語\n😀"_ba << QStringList{u"grüße"_s, u"日本語"_s, u"😀"_s};
        QTest::newRow("invalid UTF-8 is replaced")
            << "ok \xff\xfe end\n\xc3("_ba << QStringList{u"ok \uFFFD\uFFFD end"_s, u"\uFFFD("_s};
    }

    void linesAndTheirEnds()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QStringList, lines);
        LineIndex index;
        const LineIndex::Snapshot s = indexed(index, write(u"lines.txt"_s, bytes));
        QVERIFY(s.isComplete());
        QVERIFY(index.isFinished());
        QCOMPARE(s.lineCount(), lines.size());
        QCOMPARE(s.segmentCount(), lines.size());
        QCOMPARE(linesOf(s), lines);
        QCOMPARE(s.fileSize(), bytes.size());
        for (int i = 0; i < lines.size(); ++i) {
            QCOMPARE(s.firstSegmentOfLine(i), i);
            QCOMPARE(s.segmentColumn(i), 0);
        }
        QCOMPARE(s.firstSegmentOfLine(int(lines.size())), -1);
    }

    // A long line becomes rows of at most the limit, cut between UTF-8
    // sequences, whose columns add up to the line's decoded text.
    void longLineIsSegmentedAtUtf8Boundaries()
    {
        QByteArray line;
        const QByteArray pieces[] = {"ascii "_ba, "grüße "_ba, "日本語 "_ba, "😀😀 "_ba, "\xff"_ba};
        for (int i = 0; line.size() < 50000; ++i)
            line += pieces[i % 5];
        const QByteArray bytes = "before\n"_ba + line + "\r\nafter"_ba;
        LineIndex index;
        const int limit = 101;
        const LineIndex::Snapshot s = indexed(index, write(u"long.txt"_s, bytes), limit);
        QCOMPARE(s.lineCount(), 3);
        const QString expected = LineIndex::decode(line);
        QCOMPARE(linesOf(s), (QStringList{u"before"_s, expected, u"after"_s}));
        const qsizetype first = s.firstSegmentOfLine(1);
        const qsizetype last = s.firstSegmentOfLine(2) - 1;
        QCOMPARE(first, 1);
        QVERIFY(last - first + 1 >= line.size() / limit);
        qint64 column = 0;
        for (qsizetype row = first; row <= last; ++row) {
            const QByteArrayView b = s.segmentBytes(row);
            QVERIFY(b.size() <= limit);
            QVERIFY(!b.isEmpty());
            // A row never starts inside a multi-byte sequence.
            QVERIFY2((uchar(b.front()) & 0xC0) != 0x80, qPrintable(u"row %1"_s.arg(row)));
            QCOMPARE(s.lineOfSegment(row), 1);
            QCOMPARE(s.segmentColumn(row), column);
            QVERIFY(s.segmentText(row).size() <= limit);
            column += s.segmentText(row).size();
        }
        QCOMPARE(column, expected.size());
        QCOMPARE(s.segmentColumn(last + 1), 0);
    }

    // A 20 MB single line is published part by part: the first rows long
    // before the line's end is found, each row whole and within the limit.
    void singleLineIsPublishedBeforeItsEnd()
    {
        QByteArray line;
        while (line.size() < 20 * 1024 * 1024)
            line += "{\"key\":\"grüße 😀\"},";
        const QByteArray bytes = line + "\nnext\n"_ba;
        LineIndex index;
        QSignalSpy grown(&index, &LineIndex::grown);
        QSignalSpy finished(&index, &LineIndex::finished);
        QVERIFY(test::ok(index.open(write(u"single.json"_s, bytes))));
        QVERIFY(grown.wait(5000));
        const LineIndex::Snapshot early = index.snapshot();
        QVERIFY(!early.isComplete());
        QCOMPARE(early.lineCount(), 1);
        QVERIFY(early.segmentCount() > 1);
        QVERIFY(early.segmentCount() < line.size() / LineIndex::DefaultSegmentBytes);
        QCOMPARE(early.firstSegmentOfLine(0), 0);
        QString start;
        for (qsizetype row = 0; row < early.segmentCount(); ++row) {
            QVERIFY(early.segmentBytes(row).size() <= LineIndex::DefaultSegmentBytes);
            QVERIFY(early.segmentBytes(row).size() >= LineIndex::DefaultSegmentBytes - 3);
            QCOMPARE(early.segmentColumn(row), start.size());
            start += early.segmentText(row);
        }
        QVERIFY(LineIndex::decode(line).startsWith(start));
        QVERIFY(finished.wait(30000));
        const LineIndex::Snapshot s = index.snapshot();
        QCOMPARE(s.lineCount(), 2);
        QCOMPARE(s.firstSegmentOfLine(0), 0);
        QCOMPARE(s.segmentText(s.firstSegmentOfLine(1)), u"next"_s);
        QCOMPARE(linesOf(s), (QStringList{LineIndex::decode(line), u"next"_s}));
    }

    // A generated file larger than a block: published in several steps, the
    // first one small, and every line where the generator put it.
    void largeFileIsPublishedInBlocks()
    {
        const quint32 seed = qEnvironmentVariableIsSet("ASSAY_TEST_SEED")
            ? qEnvironmentVariableIntValue("ASSAY_TEST_SEED")
            : QRandomGenerator::global()->generate();
        qInfo("seed %u (replay with ASSAY_TEST_SEED=%u)", seed, seed);
        QRandomGenerator random(seed);
        QByteArray bytes;
        QList<qint64> starts;
        for (int i = 0; bytes.size() < 20 * 1024 * 1024; ++i) {
            starts.append(bytes.size());
            bytes += "2026-11-30T01:00:00Z INFO request " + QByteArray::number(i) + ' '
                + QByteArray(int(random.bounded(120)), 'x') + (i % 7 ? "\n" : "\r\n");
        }
        const QString path = write(u"large.log"_s, bytes);
        LineIndex index;
        QSignalSpy grown(&index, &LineIndex::grown);
        QSignalSpy finished(&index, &LineIndex::finished);
        QVERIFY(test::ok(index.open(path)));
        QVERIFY(grown.wait(5000));
        // The first block is small: it covers the start, not the file.
        const LineIndex::Snapshot early = index.snapshot();
        QVERIFY(early.lineCount() > 0);
        QVERIFY(early.fileSize() == bytes.size());
        QVERIFY(early.lineCount() < starts.size());
        // Line 0 ends with CRLF (i % 7 == 0): the CR is not part of it.
        QCOMPARE(early.segmentText(0), QString::fromLatin1(bytes.left(bytes.indexOf("\r\n"))));
        QVERIFY(finished.wait(30000));
        QVERIFY(grown.size() >= 3);
        const LineIndex::Snapshot s = index.snapshot();
        QCOMPARE(s.lineCount(), starts.size());
        for (int n = 0; n < 200; ++n) {
            const int line = int(random.bounded(qint64(starts.size())));
            const qsizetype row = s.firstSegmentOfLine(line);
            QCOMPARE(row, line); // no line is long enough to be cut
            const qint64 end = bytes.indexOf('\n', starts.at(line));
            QByteArray expected = bytes.mid(starts.at(line), end - starts.at(line));
            if (expected.endsWith('\r'))
                expected.chop(1);
            QCOMPARE(s.segmentBytes(row).toByteArray(), expected);
            QCOMPARE(s.lineOfSegment(row), line);
        }
    }

    // Closing or reopening while the worker runs neither crashes nor mixes
    // the old file's rows into the new one.
    void reopenWhileIndexing()
    {
        QByteArray big;
        for (int i = 0; big.size() < 30 * 1024 * 1024; ++i)
            big += "old line " + QByteArray::number(i) + '\n';
        const QString bigPath = write(u"old.txt"_s, big);
        const QString smallPath = write(u"new.txt"_s, "new\nfile\n"_ba);
        LineIndex index;
        QVERIFY(test::ok(index.open(bigPath)));
        const LineIndex::Snapshot s = indexed(index, smallPath);
        QCOMPARE(linesOf(s), (QStringList{u"new"_s, u"file"_s}));
        QVERIFY(test::ok(index.open(bigPath)));
        index.close();
        QCOMPARE(index.snapshot().segmentCount(), 0);
    }

    void missingFileFails()
    {
        LineIndex index;
        const Result<> r = index.open(m_dir.filePath(u"absent.txt"_s));
        QVERIFY(!r);
        QVERIFY(r.error().message.contains(u"Cannot open"_s));
    }
};

QTEST_GUILESS_MAIN(TestLineIndex)
#include "tst_lineindex.moc"
