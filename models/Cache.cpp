#include "models/Cache.h"

#include "models/CacheConnection.h"
#include "models/EvidenceFindings.h"
#include "models/EvidenceStates.h"
#include "models/Outbox.h"
#include "models/ReviewWork.h"
#include "models/SearchIndex.h"
#include "models/SubmissionStore.h"
#include "models/UserDirectory.h"

namespace assay {

Cache::Cache()
    : m_connection(std::make_unique<CacheConnection>())
    , m_search(std::make_unique<SearchIndex>(*m_connection))
    , m_submissions(std::make_unique<SubmissionStore>(*m_connection, *m_search))
    , m_evidence(std::make_unique<EvidenceStates>(*m_connection))
    , m_findings(std::make_unique<EvidenceFindings>(*m_connection))
    , m_work(std::make_unique<ReviewWork>(*m_connection))
    , m_outbox(std::make_unique<Outbox>(*m_connection, *m_submissions, *m_work))
    , m_users(std::make_unique<UserDirectory>(*m_connection))
{
}

Cache::~Cache() = default;

Result<> Cache::open(const QString &path)
{
    return m_connection->open(path);
}

void Cache::close()
{
    m_connection->close();
}

bool Cache::isOpen() const
{
    return m_connection->isOpen();
}

QString Cache::path() const
{
    return m_connection->path();
}

} // namespace assay
