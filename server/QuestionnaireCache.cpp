#include "server/QuestionnaireCache.h"

namespace assay::server {

const Questionnaire *QuestionnaireCache::find(const QString &version)
{
    auto it = m_loaded.find(version);
    if (it == m_loaded.end()) {
        auto q = Questionnaire::builtin(version);
        if (!q)
            return nullptr;
        it = m_loaded.insert(version, *q);
    }
    return &it.value();
}

} // namespace assay::server
