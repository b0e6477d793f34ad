#include "sync/QuestionnaireFetcher.h"

#include "models/Cache.h"
#include "models/SubmissionStore.h"
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
    const Result<QStringList> missing = m_cache.submissions().missingQuestionnaires();
    if (!missing) {
        m_cycle.stop(u"could not read which questionnaires are missing: %1"_s.arg(missing.error().message));
        return;
    }
    m_versions = *missing;
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
                m_cycle.refuseToken(result.error);
                return;
            }
            m_cycle.problem(u"questionnaire %1: %2"_s.arg(version, result.error.describe()));
        } else if (const Result<> stored = m_cache.submissions().storeQuestionnaire(*result.value); !stored) {
            m_cycle.problem(u"questionnaire %1 could not be stored: %2"_s.arg(version, stored.error().message));
        }
        m_attempts = 0;
        m_versions.removeFirst();
        fetchNext();
    });
}

} // namespace assay
