// What makes the demo start quickly (assay-marketplace --seed-cache DIR)
// changes nothing of what is served: the evidence kept between runs gives
// the bytes a fresh draw gives, a damaged file is made again, and a seeded
// template restores the same store with fresh tokens, never the old ones.

#include "server/EvidenceCache.h"
#include "server/SeedTemplate.h"
#include "server/Seeder.h"
#include "server/ServerStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace assay;
using namespace assay::server;
using namespace Qt::StringLiterals;

namespace {
constexpr int Count = 12;
constexpr quint32 Seed = 3;

// Every submission and evidence item with what identifies its content.
QStringList contents(ServerStore &store)
{
    QStringList out;
    QSqlQuery q(store.database());
    if (!q.exec(u"SELECT s.id, s.version, s.status, s.stage, e.id, e.filename, e.size, e.sha256, length(b.content) "
                u"FROM submissions s LEFT JOIN evidence e ON e.submission_id = s.id "
                u"LEFT JOIN blobs b ON b.sha256 = e.sha256 ORDER BY s.id, e.id"_s))
        return {u"query failed"_s};
    while (q.next()) {
        QStringList row;
        for (int i = 0; i < 9; ++i)
            row.append(q.value(i).toString());
        out.append(row.join(u'|'));
    }
    return out;
}

QList<User> users(const QString &tokenPrefix)
{
    QList<User> list = Seeder::demoUsers();
    for (User &u : list)
        u.token = tokenPrefix + u.id;
    return list;
}
} // namespace

class TestSeedCache : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;

    std::unique_ptr<ServerStore> seeded(const QString &evidenceCache, const QList<User> &list = users(u"t-"_s))
    {
        auto store = std::make_unique<ServerStore>();
        if (!store->open(m_dir.filePath(u"store-%1.sqlite"_s.arg(++m_n))))
            qFatal("cannot open a store: %s", qPrintable(store->errorString()));
        for (const User &u : list) {
            if (!store->addUser(u))
                qFatal("cannot add a user: %s", qPrintable(store->errorString()));
        }
        if (const QString error = Seeder::seed(*store, Count, Seed, evidenceCache); !error.isEmpty())
            qFatal("seeding failed: %s", qPrintable(error));
        return store;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void keptEvidenceIsWhatAFreshDrawGives()
    {
        const QString cache = m_dir.filePath(u"evidence"_s);
        const QStringList fresh = contents(*seeded({}));
        QVERIFY(fresh.size() > Count); // several evidence items each
        QCOMPARE(contents(*seeded(cache)), fresh); // drawn and kept
        const QStringList blobs = QDir(cache + u"/blobs"_s).entryList(QDir::Files);
        QVERIFY(blobs.size() >= 6);
        QCOMPARE(contents(*seeded(cache)), fresh); // taken from the cache

        // A damaged file fails its digest: made again, and mended.
        const QString damaged = cache + u"/blobs/"_s + blobs.first();
        {
            QFile f(damaged);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.write("damaged") == 7);
        }
        QCOMPARE(contents(*seeded(cache)), fresh);
        QFile mended(damaged);
        QVERIFY(mended.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(mended.readAll(), QCryptographicHash::Sha256).toHex()),
                 blobs.first());
    }

    void aTemplateRestoresTheSameStoreWithFreshTokens()
    {
        const QString dir = m_dir.filePath(u"templates"_s);
        const SeedTemplate seedTemplate(dir, Count, Seed, users(u"first-"_s));
        // A template is only for the same parameters.
        QVERIFY(SeedTemplate(dir, Count + 1, Seed, users(u"first-"_s)).path() != seedTemplate.path());
        QVERIFY(SeedTemplate(dir, Count, Seed + 1, users(u"first-"_s)).path() != seedTemplate.path());
        QList<User> fewer = users(u"first-"_s);
        fewer.removeLast();
        QVERIFY(SeedTemplate(dir, Count, Seed, fewer).path() != seedTemplate.path());
        // Tokens are not among them: they are never kept.
        QCOMPARE(SeedTemplate(dir, Count, Seed, users(u"other-"_s)).path(), seedTemplate.path());

        const QString copy = m_dir.filePath(u"restored.sqlite"_s);
        QCOMPARE(seedTemplate.restore(copy).value_or(true), false); // none yet
        QVERIFY(!QFile::exists(copy));
        const std::unique_ptr<ServerStore> first = seeded({}, users(u"first-"_s));
        QCOMPARE(seedTemplate.save(*first).errorString(), QString());
        QVERIFY(QFile::exists(seedTemplate.path()));

        QCOMPARE(seedTemplate.restore(copy).value_or(false), true);
        ServerStore restored;
        QVERIFY2(restored.open(copy), qPrintable(restored.errorString()));
        QCOMPARE(contents(restored), contents(*first));
        // The first store's tokens are not in the template, so not in the copy.
        for (const User &u : users(u"first-"_s))
            QVERIFY(!restored.userByToken(u.token));
        for (const User &u : users(u"second-"_s))
            QVERIFY2(restored.setToken(u.id, u.token), qPrintable(restored.errorString()));
        for (const User &u : users(u"second-"_s)) {
            const std::optional<User> found = restored.userByToken(u.token);
            QVERIFY(found);
            QCOMPARE(found->id, u.id);
        }
        QVERIFY(!restored.setToken(u"u_nobody"_s, u"x"_s));
    }
};

QTEST_MAIN(TestSeedCache)
#include "tst_seedcache.moc"
