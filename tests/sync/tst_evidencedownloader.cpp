#include "models/EvidenceStates.h"
#include "common/ResultCheck.h"
#include "PartFixture.h"
#include "sync/EvidenceDownloader.h"
#include "sync/EvidenceStore.h"

#include <QDir>

using namespace assay;
using namespace assay::test;
using namespace Qt::StringLiterals;

// EvidenceDownloader alone: one download per distinct content, verified,
// every item of that content marked present; sizes held to the declared.
class TestEvidenceDownloader : public QObject
{
    Q_OBJECT

    PartTemplate m_template;

private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(m_template.make(), QString());
    }

    void declaredSizes_data()
    {
        QTest::addColumn<qint64>("size");
        QTest::addColumn<qint64>("limit");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty") << qint64(0) << qint64(10) << QString();
        QTest::newRow("at the limit") << qint64(10) << qint64(10) << QString();
        QTest::newRow("one byte over") << qint64(11) << qint64(10)
                                       << u"declares 11 bytes, over the limit of 10 bytes for one file: not downloaded"_s;
        QTest::newRow("a tebibyte against 2 GiB") << (qint64(1) << 40) << (qint64(2) << 30)
                                                  << u"declares 1.00 TiB, over the limit of 2.00 GiB for one file: not downloaded"_s;
        QTest::newRow("negative") << qint64(-1) << qint64(10) << u"declares a negative size"_s;
    }

    void declaredSizes()
    {
        QFETCH(qint64, size);
        QFETCH(qint64, limit);
        QFETCH(QString, error);
        QCOMPARE(EvidenceDownloader::checkDeclaredSize(size, limit).errorString(), error);
    }

    void oneDownloadPerContentEveryItemPresent()
    {
        PartFixture f(m_template.path);
        QVERIFY(f.ok());
        QVERIFY(f.storeSummaries());
        QVERIFY(f.storeDetails());
        const QList<EvidenceItem> absent = test::ok(f.cache.evidence().inState(EvidenceItem::LocalState::Absent));
        QSet<QString> contents;
        for (const EvidenceItem &e : absent)
            contents.insert(e.sha256);
        QVERIFY(!absent.isEmpty());

        const EvidenceStore store(f.profile);
        EvidenceDownloader evidence(f.cache, f.client, f.cycle, store, qint64(1) << 31);
        QSignalSpy drained(&evidence, &EvidenceDownloader::drained);
        QSignalSpy stopped(&f.cycle, &SyncCycle::stopRequested);
        QSignalSpy served(&f.market.api(), &server::ApiServer::requestServed);
        evidence.startPhase({});
        QVERIFY2(PartFixture::wait(drained, stopped), qPrintable(stopped.value(0).value(0).toString()));
        evidence.flushMarks();
        QCOMPARE(served.size(), contents.size());
        QCOMPARE(f.cycle.report().evidenceDownloaded, contents.size());
        QCOMPARE(f.cycle.report().evidencePresent, absent.size());
        QVERIFY(f.cycle.report().problems.isEmpty());
        QCOMPARE(test::ok(f.cache.evidence().count(EvidenceItem::LocalState::Absent)), 0);
        for (const QString &sha256 : std::as_const(contents))
            QVERIFY(store.reverify(sha256));
        const QStringList parts = QDir(f.profile.evidenceDir()).entryList({u"*.part"_s}, QDir::Files);
        QVERIFY2(parts.isEmpty(), qPrintable(parts.join(u", "_s)));
    }

    void aFileOverTheLimitIsNeverAskedFor()
    {
        PartFixture f(m_template.path);
        QVERIFY(f.ok());
        QVERIFY(f.storeSummaries());
        QVERIFY(f.storeDetails());
        const EvidenceStore store(f.profile);
        // Nothing is small enough.
        EvidenceDownloader evidence(f.cache, f.client, f.cycle, store, 0);
        QSignalSpy drained(&evidence, &EvidenceDownloader::drained);
        QSignalSpy stopped(&f.cycle, &SyncCycle::stopRequested);
        QSignalSpy served(&f.market.api(), &server::ApiServer::requestServed);
        evidence.startPhase({});
        QVERIFY(PartFixture::wait(drained, stopped));
        QCOMPARE(served.size(), 0);
        QVERIFY(f.cycle.report().evidenceRefused > 0);
        QCOMPARE(f.cycle.report().problems.size(), f.cycle.report().evidenceRefused);
        QVERIFY(QDir(f.profile.evidenceDir()).entryList(QDir::Files).isEmpty());
    }
};

QTEST_MAIN(TestEvidenceDownloader)
#include "tst_evidencedownloader.moc"
