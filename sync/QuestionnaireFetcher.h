#pragma once

#include <QObject>
#include <QStringList>

namespace assay {

class Cache;
class MarketplaceClient;
class SyncCycle;

// After the feed: fetches the questionnaire versions that stored submissions
// use and the cache lacks (the review screen cannot show a submission
// without its questionnaire). One that cannot be had is a problem, not the
// end of the cycle.
class QuestionnaireFetcher : public QObject
{
    Q_OBJECT

public:
    QuestionnaireFetcher(Cache &cache, MarketplaceClient &client, SyncCycle &cycle, QObject *parent = nullptr);

    void start();

Q_SIGNALS:
    void done();

private:
    void fetchNext();

    Cache &m_cache;
    MarketplaceClient &m_client;
    SyncCycle &m_cycle;
    QStringList m_versions;
    int m_attempts = 0;
};

} // namespace assay
