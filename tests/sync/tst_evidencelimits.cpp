#include "HttpStub.h"
#include "common/LoopbackMarketplace.h"
#include "models/Cache.h"
#include "models/EvidenceStates.h"
#include "common/ResultCheck.h"
#include "sync/EvidenceStore.h"
#include "sync/MarketplaceClient.h"
#include "sync/SyncEngine.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace assay;
using namespace assay::test;
using namespace Qt::StringLiterals;

// Evidence is held to the size its details declare. A server (HttpStub in
// front of the reference marketplace) that sends more than it declared,
// answers a Range request from the wrong offset, or declares a size over the
// limit: the file is given up for that cycle with the reason in the report,
// not retried, and nothing of it stays in evidence/.
class TestEvidenceLimits : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_templateDir;
    QString m_template;
    std::unique_ptr<QTemporaryDir> m_profileDir;
    std::unique_ptr<LoopbackMarketplace> m_market;
    std::unique_ptr<HttpStub> m_stub;
    // The file the stub misbehaves with: one whose content no other item shares.
    EvidenceItem m_victim;
    QString m_victimSubmission;
    QByteArray m_victimContent;

    Profile profile() const { return Profile(m_profileDir->path()); }

    SyncEngine::Options options() const
    {
        SyncEngine::Options o;
        o.server = m_stub->url();
        o.token = LoopbackMarketplace::token(u"u_alice"_s);
        o.profileDir = m_profileDir->path();
        o.maxBackoffMs = 200;
        o.transferTimeoutMs = 10000;
        return o;
    }

    static SyncEngine::Report run(SyncEngine &engine)
    {
        QSignalSpy done(&engine, &SyncEngine::finished);
        engine.start();
        if (done.isEmpty() && !done.wait(120000))
            qFatal("sync did not finish");
        return done.takeFirst().at(0).value<SyncEngine::Report>();
    }

    bool isVictimFile(const QByteArray &path)
    {
        if (!path.startsWith("/api/v1/evidence/"))
            return false;
        const auto e = m_market->store().evidence(QString::fromLatin1(path.mid(17)));
        return e && e->item.sha256 == m_victim.sha256;
    }

    int victimRequests()
    {
        int n = 0;
        for (const QByteArray &path : m_stub->seen())
            n += isVictimFile(path) ? 1 : 0;
        return n;
    }

    // What a finished cycle must leave whatever went wrong with the victim:
    // no partial file at all, only verified files under their own hash, the
    // victim's items refused, every other item present.
    void verifyNothingHalfWritten()
    {
        const EvidenceStore store{profile()};
        const QStringList files = QDir(profile().evidenceDir()).entryList(QDir::Files);
        for (const QString &f : files) {
            QVERIFY2(EvidenceStore::isValidSha256(f), qPrintable(f + u" is not a verified file"_s));
            QVERIFY2(store.reverify(f), qPrintable(f));
        }
        QVERIFY(!files.contains(m_victim.sha256));
        Cache cache;
        QVERIFY(test::ok(cache.open(profile().cachePath())));
        const QList<EvidenceItem> refused = test::ok(cache.evidence().inState(EvidenceItem::LocalState::Refused));
        QVERIFY(!refused.isEmpty());
        for (const EvidenceItem &e : refused)
            QCOMPARE(e.sha256, m_victim.sha256);
        QCOMPARE(test::ok(cache.evidence().count(EvidenceItem::LocalState::Absent)), 0);
        QCOMPARE(test::ok(cache.evidence().count(EvidenceItem::LocalState::Mismatch)), 0);
    }

    static QString problems(const SyncEngine::Report &r) { return r.problems.join(u"; "_s); }

    // One evidence call of the client, waited for.
    MarketplaceClient::Result<MarketplaceClient::Download> download(QIODevice *sink, qint64 offset, qint64 declared)
    {
        MarketplaceClient client(m_stub->url(), LoopbackMarketplace::token(u"u_alice"_s));
        std::optional<MarketplaceClient::Result<MarketplaceClient::Download>> result;
        client.evidence(m_victim.id, sink, offset, declared, [&](auto r) { result = std::move(r); });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 30000))
            qFatal("the download did not end");
        return *result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_template = m_templateDir.filePath(u"t.sqlite"_s);
        QCOMPARE(LoopbackMarketplace::makeTemplate(m_template, 12), QString());
    }

    void init()
    {
        m_profileDir = std::make_unique<QTemporaryDir>();
        m_market = std::make_unique<LoopbackMarketplace>(m_template, LoopbackMarketplace::quietOptions());
        QVERIFY(m_market->ok());
        m_stub = std::make_unique<HttpStub>(m_market->url());
        QVERIFY(m_stub->isListening());
        QHash<QString, int> uses;
        QList<std::pair<QString, EvidenceItem>> all;
        const auto page = m_market->store().feed(0, 1000);
        QVERIFY(page);
        for (const SubmissionSummary &s : page->items) {
            const auto submission = m_market->store().submission(s.id);
            QVERIFY(submission);
            for (const EvidenceItem &e : submission->evidence) {
                ++uses[e.sha256];
                all.append({s.id, e});
            }
        }
        m_victim = {};
        for (const auto &[submission, e] : all) {
            if (uses.value(e.sha256) == 1 && e.size > 1000) {
                m_victim = e;
                m_victimSubmission = submission;
                break;
            }
        }
        QVERIFY2(!m_victim.id.isEmpty(), "the seeded store has no evidence file of its own");
        const auto victim = m_market->store().evidence(m_victim.id);
        QVERIFY(victim);
        m_victimContent = victim->content;
        QCOMPARE(m_victimContent.size(), m_victim.size);
    }

    void cleanup()
    {
        m_stub.reset();
        m_market.reset();
    }

    // The client itself: not one byte past the declared size reaches the
    // sink, and the error says why (not a transient one).
    void theClientStopsAtTheDeclaredSize()
    {
        m_stub->setHandler([&](const HttpStub::ExchangePtr &x) {
            HttpStub::Response more;
            more.body = m_victimContent + QByteArray(qsizetype(1) << 20, 'x');
            more.contentLength = -1;
            x->respond(more);
            return true;
        });
        QBuffer sink;
        QVERIFY(sink.open(QIODevice::ReadWrite));
        const auto r = download(&sink, 0, m_victim.size);
        QVERIFY(!r.ok());
        QCOMPARE(r.error.kind, ApiError::Kind::Oversize);
        QVERIFY(!r.error.isTransient());
        QVERIFY(sink.size() <= m_victim.size);
        QCOMPARE(qint64(r.error.details.value(u"written"_s).toDouble()), sink.size());
        // The declared size itself is no trouble.
        QBuffer exact;
        QVERIFY(exact.open(QIODevice::ReadWrite));
        m_stub->setHandler({});
        const auto whole = download(&exact, 0, m_victim.size);
        QVERIFY2(whole.ok(), qPrintable(whole.error.describe()));
        QCOMPARE(exact.data(), m_victimContent);
    }

    void theClientRefusesARangeFromTheWrongOffset()
    {
        m_stub->setHandler([&](const HttpStub::ExchangePtr &x) {
            HttpStub::Response r;
            r.status = 206;
            r.setHeader("Content-Range", "bytes 10-" + QByteArray::number(m_victim.size - 1) + '/'
                                             + QByteArray::number(m_victim.size));
            r.body = m_victimContent.mid(10);
            x->respond(r);
            return true;
        });
        QBuffer sink;
        QVERIFY(sink.open(QIODevice::ReadWrite));
        QCOMPARE(sink.write(m_victimContent.left(100)), 100);
        const auto r = download(&sink, 100, m_victim.size);
        QVERIFY(!r.ok());
        QCOMPARE(r.error.kind, ApiError::Kind::BadRange);
        QVERIFY(!r.error.isTransient());
        QCOMPARE(r.error.message, u"asked for bytes from 100, the server answered with bytes from 10"_s);
        // What was there is untouched.
        QCOMPARE(sink.data(), m_victimContent.left(100));
    }

    void moreThanDeclaredIsRefused_data()
    {
        QTest::addColumn<bool>("announced");
        // The length says so up front: not a byte is written.
        QTest::newRow("Content-Length over the declared size") << true;
        // No length, the bytes just keep coming: the transfer stops at the
        // declared size.
        QTest::newRow("no length, more bytes") << false;
    }

    void moreThanDeclaredIsRefused()
    {
        QFETCH(bool, announced);
        m_stub->setHandler([&](const HttpStub::ExchangePtr &x) {
            if (!isVictimFile(x->request().path()))
                return false;
            HttpStub::Response more;
            more.setHeader("Content-Type", "application/octet-stream");
            more.body = m_victimContent + QByteArray(qsizetype(256) * 1024, 'x');
            more.contentLength = announced ? more.body.size() : -1;
            x->respond(more);
            return true;
        });
        SyncEngine engine(options());
        const auto r = run(engine);
        QVERIFY(!r.inStep);
        QCOMPARE(r.evidenceRefused, 1);
        QVERIFY2(problems(r).contains(u"evidence %1 refused"_s.arg(m_victim.id)), qPrintable(problems(r)));
        QVERIFY2(problems(r).contains(u"more than the %1 bytes declared"_s.arg(m_victim.size)), qPrintable(problems(r)));
        QCOMPARE(victimRequests(), 1);
        // Nothing past a file's declared size was written, for any file.
        qint64 declared = 0;
        QSet<QString> counted;
        const auto page = m_market->store().feed(0, 1000);
        QVERIFY(page);
        for (const SubmissionSummary &s : page->items) {
            const auto submission = m_market->store().submission(s.id);
            QVERIFY(submission);
            for (const EvidenceItem &e : submission->evidence) {
                if (!counted.contains(e.sha256))
                    declared += e.size;
                counted.insert(e.sha256);
            }
        }
        QVERIFY2(r.bytes <= declared, qPrintable(u"%1 bytes written, %2 declared"_s.arg(r.bytes).arg(declared)));
        verifyNothingHalfWritten();

        // Permanent: the next cycle does not ask for the file again, and
        // with nothing else to do it is in step.
        SyncEngine again(options());
        const auto second = run(again);
        QVERIFY2(second.inStep, qPrintable(second.summaryLine() + u" "_s + problems(second)));
        QCOMPARE(second.evidenceRefused, 0);
        QCOMPARE(victimRequests(), 1);
    }

    void aRangeAnsweredFromTheWrongOffsetIsRefused()
    {
        // Half the file is here from an earlier, cut download.
        const qint64 half = m_victim.size / 2;
        {
            QString error;
            const auto part = EvidenceStore(profile()).openPartial(m_victim.sha256, &error);
            QVERIFY2(part, qPrintable(error));
            QCOMPARE(part->write(m_victimContent.left(half)), half);
        }
        QByteArray askedRange;
        m_stub->setHandler([&](const HttpStub::ExchangePtr &x) {
            if (!isVictimFile(x->request().path()))
                return false;
            askedRange = x->request().headers.value("range");
            HttpStub::Response whole;
            whole.status = 206;
            whole.setHeader("Content-Type", "application/octet-stream");
            whole.setHeader("Content-Range", "bytes 0-" + QByteArray::number(m_victim.size - 1) + '/'
                                                 + QByteArray::number(m_victim.size));
            whole.body = m_victimContent;
            x->respond(whole);
            return true;
        });
        SyncEngine engine(options());
        const auto r = run(engine);
        QCOMPARE(askedRange, "bytes=" + QByteArray::number(half) + '-');
        QVERIFY(!r.inStep);
        QCOMPARE(r.evidenceRefused, 1);
        QVERIFY2(problems(r).contains(u"asked for bytes from %1, the server answered with bytes from 0"_s.arg(half)),
                 qPrintable(problems(r)));
        QCOMPARE(victimRequests(), 1);
        verifyNothingHalfWritten();
    }

    // The other way a server may answer a Range request: the whole file, 200.
    // The partial file starts over; appended, it would be neither.
    void aRangeAnsweredWithTheWholeFileStartsOver()
    {
        const qint64 half = m_victim.size / 2;
        {
            QString error;
            const auto part = EvidenceStore(profile()).openPartial(m_victim.sha256, &error);
            QVERIFY2(part, qPrintable(error));
            QCOMPARE(part->write(QByteArray(half, '\x5a')), half);
        }
        QByteArray askedRange;
        m_stub->setHandler([&](const HttpStub::ExchangePtr &x) {
            if (!isVictimFile(x->request().path()))
                return false;
            askedRange = x->request().headers.value("range");
            HttpStub::Response whole;
            whole.setHeader("Content-Type", "application/octet-stream");
            whole.body = m_victimContent;
            x->respond(whole);
            return true;
        });
        SyncEngine engine(options());
        const auto r = run(engine);
        QCOMPARE(askedRange, "bytes=" + QByteArray::number(half) + '-');
        QVERIFY2(r.inStep, qPrintable(r.summaryLine() + u" "_s + problems(r)));
        QCOMPARE(victimRequests(), 1);
        QVERIFY(EvidenceStore(profile()).reverify(m_victim.sha256));
        QVERIFY(!QFile::exists(profile().evidenceDir() + u"/"_s + m_victim.sha256 + u".part"_s));
    }

    void aHugeDeclaredSizeIsRefusedBeforeAnyRequest()
    {
        const qint64 huge = qint64(3) * 1024 * 1024 * 1024;
        const QByteArray detail = "/api/v1/submissions/" + m_victimSubmission.toLatin1();
        m_stub->setHandler([&](const HttpStub::ExchangePtr &x) {
            if (x->request().path() != detail)
                return false;
            x->forward([&](HttpStub::Response &response) {
                QJsonObject s = QJsonDocument::fromJson(response.body).object();
                QJsonArray evidence = s.value(u"evidence"_s).toArray();
                for (qsizetype i = 0; i < evidence.size(); ++i) {
                    QJsonObject e = evidence.at(i).toObject();
                    if (e.value(u"id"_s).toString() == m_victim.id)
                        e.insert(u"size"_s, huge);
                    evidence[i] = e;
                }
                s.insert(u"evidence"_s, evidence);
                response.body = QJsonDocument(s).toJson(QJsonDocument::Compact);
            });
            return true;
        });
        SyncEngine engine(options());
        const auto r = run(engine);
        QVERIFY(!r.inStep);
        QCOMPARE(r.evidenceRefused, 1);
        QVERIFY2(problems(r).contains(u"evidence %1 refused: declares 3.00 GiB, over the limit of 2.00 GiB"_s.arg(m_victim.id)),
                 qPrintable(problems(r)));
        QCOMPARE(victimRequests(), 0);
        verifyNothingHalfWritten();
    }

    void theLimitIsAnOption()
    {
        SyncEngine::Options o = options();
        o.maxEvidenceBytes = m_victim.size - 1;
        SyncEngine engine(o);
        const auto r = run(engine);
        QVERIFY(!r.inStep);
        QVERIFY(r.evidenceRefused >= 1);
        QVERIFY2(problems(r).contains(u"evidence %1 refused: declares"_s.arg(m_victim.id)), qPrintable(problems(r)));
        QCOMPARE(victimRequests(), 0);
    }
};

QTEST_MAIN(TestEvidenceLimits)
#include "tst_evidencelimits.moc"
