#pragma once

#include "common/LoopbackMarketplace.h"
#include "models/Cache.h"
#include "models/SubmissionStore.h"
#include "models/Profile.h"
#include "sync/MarketplaceClient.h"
#include "sync/SyncCycle.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace assay::test {

// What a test of one part of the sync engine needs around it, and nothing
// of the engine itself: the reference marketplace over loopback, a profile
// with its cache, a client, and a running cycle.
class PartFixture
{
public:
    static constexpr int Submissions = 6;

    explicit PartFixture(const QString &templateStore, int parallel = 4,
                         const QString &user = QStringLiteral("u_alice"))
        : market(templateStore, LoopbackMarketplace::quietOptions())
        , profile(dir.path())
        , client(market.url(), LoopbackMarketplace::token(user))
        , cycle(BackoffPolicy(3, 100), parallel)
    {
        client.setTransferTimeout(10000);
        cacheOpen = profile.ensureExists().has_value() && cache.open(profile.cachePath()).has_value();
        cycle.begin();
    }

    bool ok() const { return market.ok() && cacheOpen; }

    // The feed as the server has it, stored as FeedPuller would (with a
    // cursor no test reads back).
    bool storeSummaries()
    {
        const auto page = market.store().feed(0, 1000);
        return page && cache.submissions().applyFeedPage(page->items, QStringLiteral("fixture")).has_value();
    }
    // Details as the server has them, stored as the CacheWriter would.
    bool storeDetails()
    {
        const auto page = market.store().feed(0, 1000);
        for (const SubmissionSummary &s : page->items) {
            if (!cache.submissions().store(*market.store().submission(s.id)))
                return false;
        }
        return true;
    }

    // Waits for a part's signal, or for the cycle to be asked to stop.
    static bool wait(QSignalSpy &spy, QSignalSpy &stopped, int ms = 60000)
    {
        // The spies say what happened; a timeout leaves both empty.
        std::ignore = QTest::qWaitFor([&] { return !spy.isEmpty() || !stopped.isEmpty(); }, ms);
        return !spy.isEmpty();
    }

    QTemporaryDir dir;
    LoopbackMarketplace market;
    Profile profile;
    Cache cache;
    bool cacheOpen = false;
    MarketplaceClient client;
    SyncCycle cycle;
};

// The reference marketplace's store for the part tests, seeded once per test
// binary and copied by every PartFixture.
struct PartTemplate
{
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("t.sqlite"));
    // Empty on success, else why the seeding failed.
    QString make() const { return LoopbackMarketplace::makeTemplate(path, PartFixture::Submissions); }
};

} // namespace assay::test
