#include "sync/QuestionnaireFetcher.h"

#include "models/Cache.h"
#include "sync/MarketplaceClient.h"
#include "sync/SyncCycle.h"

using namespace Qt::StringLiterals;

namespace assay {

QuestionnaireFetcher::QuestionnaireFetcher(Cache &cache, MarketplaceClient &client, SyncCycle &cycle, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_client(client)
    , m_cycle(cycle)
{
}

void QuestionnaireFetcher::start()
{
    m_attempts = 0;
    m_versions = m_cache.missingQuestionnaires();
    fetchNext();
}

void QuestionnaireFetcher::fetchNext()
{
    if (!m_cycle.accepting())
        return;
    if (m_versions.isEmpty()) {
        Q_EMIT done();
        return;
    }
    const QString version = m_versions.first();
    m_client.questionnaire(version, [this, version, cycle = m_cycle.id()](MarketplaceClient::Result<Questionnaire> result) {
        if (!m_cycle.isCurrent(cycle))
            return;
        if (!result.ok()) {
            if (m_cycle.retryLater(result.error, m_attempts, [this] { fetchNext(); }))
                return;
            if (result.error.kind == ApiError::Kind::Unauthorized) {
                m_cycle.refuseToken();
                return;
            }
            m_cycle.problem(u"questionnaire %1: %2"_s.arg(version, result.error.describe()));
        } else if (!m_cache.storeQuestionnaire(*result.value)) {
            m_cycle.problem(u"questionnaire %1 could not be stored: %2"_s.arg(version, m_cache.errorString()));
        }
        m_attempts = 0;
        m_versions.removeFirst();
        fetchNext();
    });
}

} // namespace assay
