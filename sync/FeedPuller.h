#pragma once

#include <QObject>

namespace assay {

class Cache;
class MarketplaceClient;
class SyncCycle;

// Reads the change feed from the stored cursor, page by page. Each page is
// stored in one transaction together with the cursor that follows it: a
// crash between pages loses nothing and repeats nothing.
class FeedPuller : public QObject
{
    Q_OBJECT

public:
    FeedPuller(Cache &cache, MarketplaceClient &client, SyncCycle &cycle, int pageSize, QObject *parent = nullptr);

    void start();

Q_SIGNALS:
    // The last page is stored.
    void done();

private:
    void pull(const QString &cursor);

    Cache &m_cache;
    MarketplaceClient &m_client;
    SyncCycle &m_cycle;
    int m_pageSize;
    int m_attempts = 0;
};

} // namespace assay
