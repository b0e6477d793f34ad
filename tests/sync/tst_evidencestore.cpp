#include "sync/EvidenceStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace assay;
using namespace Qt::StringLiterals;

namespace {

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// Every message logged while the test runs, to check what is said and what
// never is.
QStringList logged;
QtMessageHandler previousHandler = nullptr;
void collect(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    logged.append(message);
    previousHandler(type, context, message);
}

} // namespace

// The content-addressed evidence files: names only from checked hashes,
// verified bytes moved into place, wrong bytes into a bounded quarantine.
class TestEvidenceStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;

    Profile profile() const { return Profile(m_dir->path()); }

    // Receives `bytes` for a file declared as `declared` and finishes it.
    static EvidenceStore::Outcome receive(const EvidenceStore &store, const QString &declared, const QByteArray &bytes,
                                          QString *error)
    {
        auto part = store.openPartial(declared, error);
        if (!part)
            return EvidenceStore::Outcome::Failed;
        part->write(bytes);
        part->close();
        return store.finish(declared, bytes.size(), error);
    }

    // Quarantines `count` files of `size` bytes each; returns their
    // declared hashes, oldest first.
    QStringList quarantineSome(const EvidenceStore &store, int count, int size, int first = 0)
    {
        QStringList declared;
        for (int i = first; i < first + count; ++i) {
            const QString sha = sha256Hex("declared " + QByteArray::number(i));
            QByteArray bytes = "CONTENT-" + QByteArray::number(i) + '-';
            bytes = bytes.leftJustified(size, 'x', true);
            QString error;
            if (receive(store, sha, bytes, &error) != EvidenceStore::Outcome::Mismatch)
                qFatal("expected a mismatch: %s", qPrintable(error));
            declared.append(sha);
        }
        return declared;
    }

    // The hashes in quarantine, as declared (the file name's first part).
    QStringList quarantined() const
    {
        QStringList shas;
        const QStringList names = QDir(profile().quarantineDir()).entryList(QDir::Files, QDir::Name);
        for (const QString &n : names)
            shas.append(n.section(u'-', 0, 0));
        return shas;
    }

    static QSet<QString> setOf(const QStringList &list) { return QSet<QString>(list.cbegin(), list.cend()); }
    static QSet<QString> setOf(QStringList::const_iterator from, QStringList::const_iterator to) { return QSet<QString>(from, to); }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QVERIFY(profile().ensureExists());
        logged.clear();
        previousHandler = qInstallMessageHandler(collect);
    }
    void cleanup()
    {
        qInstallMessageHandler(previousHandler);
        m_dir.reset();
    }

    void hashesAreAnchored_data()
    {
        QTest::addColumn<QString>("sha256");
        QTest::addColumn<bool>("valid");
        const QString hex = sha256Hex("x");
        QTest::newRow("64 hex digits") << hex << true;
        QTest::newRow("trailing \\n") << hex + u"\n"_s << false;
        QTest::newRow("leading \\n") << u"\n"_s + hex << false;
        QTest::newRow("upper case") << hex.toUpper() << false;
        QTest::newRow("63 digits") << hex.left(63) << false;
        QTest::newRow("a path") << u"../"_s + hex.left(61) << false;
    }
    void hashesAreAnchored()
    {
        QFETCH(QString, sha256);
        QFETCH(bool, valid);
        QCOMPARE(EvidenceStore::isValidSha256(sha256), valid);
        // A name that is refused never becomes a file.
        const EvidenceStore store(profile());
        QString error;
        auto part = store.openPartial(sha256, &error);
        QCOMPARE(part != nullptr, valid);
        if (!valid) {
            QCOMPARE(error, u"not a sha256"_s);
            QCOMPARE(QDir(profile().evidenceDir()).entryList(QDir::Files), QStringList());
        }
    }

    void rightBytesAreVerifiedWrongOnesQuarantined()
    {
        const EvidenceStore store(profile());
        const QByteArray bytes = "the evidence";
        QString error;
        QCOMPARE(receive(store, sha256Hex(bytes), bytes, &error), EvidenceStore::Outcome::Verified);
        QVERIFY(store.hasVerified(sha256Hex(bytes)));
        QVERIFY(store.reverify(sha256Hex(bytes)));

        const QString declared = sha256Hex("something else");
        QCOMPARE(receive(store, declared, bytes, &error), EvidenceStore::Outcome::Mismatch);
        QVERIFY2(error.startsWith(u"declared sha256 %1, received %2 (12 bytes)"_s.arg(declared.left(12), sha256Hex(bytes).left(12))),
                 qPrintable(error));
        QVERIFY(!store.hasVerified(declared));
        QCOMPARE(quarantined(), QStringList{declared});
    }

    void quarantineKeepsTheNewestFiles()
    {
        EvidenceStore::Options options;
        options.maxQuarantineFiles = 3;
        const EvidenceStore store(profile(), options);
        const QStringList declared = quarantineSome(store, 5, 100);
        QCOMPARE(quarantined().size(), 3);
        QCOMPARE(setOf(quarantined()), setOf(declared.cbegin() + 2, declared.cend()));
        // Each drop is logged by name and size; no byte of content is.
        QStringList drops;
        for (const QString &line : std::as_const(logged)) {
            QVERIFY2(!line.contains(u"CONTENT"_s), qPrintable(line));
            if (line.startsWith(u"quarantine: dropped"_s))
                drops.append(line);
        }
        QCOMPARE(drops.size(), 2);
        QVERIFY2(drops.at(0).startsWith(u"quarantine: dropped %1-"_s.arg(declared.at(0))), qPrintable(drops.at(0)));
        QVERIFY2(drops.at(1).startsWith(u"quarantine: dropped %1-"_s.arg(declared.at(1))), qPrintable(drops.at(1)));
        QVERIFY2(drops.at(0).contains(u"(100 bytes)"_s), qPrintable(drops.at(0)));
    }

    void quarantineIsBoundedInBytes()
    {
        EvidenceStore::Options options;
        options.maxQuarantineBytes = 250;
        const EvidenceStore store(profile(), options);
        const QStringList small = quarantineSome(store, 3, 100);
        // 300 bytes: the oldest goes.
        QCOMPARE(setOf(quarantined()), setOf(small.cbegin() + 1, small.cend()));
        // A file over the bound by itself is not kept either, and takes
        // nothing else with it that would not have had to go anyway.
        quarantineSome(store, 1, 400, 10);
        QCOMPARE(quarantined(), QStringList());
        qint64 total = 0;
        for (const QFileInfo &f : QDir(profile().quarantineDir()).entryInfoList(QDir::Files))
            total += f.size();
        QCOMPARE(total, 0);
    }

    void theDefaultBoundHolds()
    {
        const EvidenceStore store(profile());
        const QStringList declared = quarantineSome(store, 40, 10);
        QCOMPARE(EvidenceStore::Options().maxQuarantineFiles, 32);
        QCOMPARE(quarantined().size(), 32);
        QCOMPARE(setOf(quarantined()), setOf(declared.cbegin() + 8, declared.cend()));
    }

    // Only files this store named are counted and deleted.
    void foreignFilesAreLeftAlone()
    {
        QFile foreign(profile().quarantineDir() + u"/notes.txt"_s);
        QVERIFY(foreign.open(QIODevice::WriteOnly));
        foreign.write(QByteArray(1000, 'n'));
        foreign.close();
        EvidenceStore::Options options;
        options.maxQuarantineFiles = 1;
        options.maxQuarantineBytes = 500;
        const EvidenceStore store(profile(), options);
        const QStringList declared = quarantineSome(store, 2, 10);
        QVERIFY(foreign.exists());
        QCOMPARE(QDir(profile().quarantineDir()).entryList(QDir::Files).size(), 2);
        QVERIFY(QDir(profile().quarantineDir()).entryList(QDir::Files).join(u' ').contains(declared.at(1)));
    }
};

QTEST_GUILESS_MAIN(TestEvidenceStore)
#include "tst_evidencestore.moc"
