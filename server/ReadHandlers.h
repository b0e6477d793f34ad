#pragma once

#include "server/Reply.h"

class QHttpServerRequest;

namespace assay::server {

class QuestionnaireCache;
class ServerStore;
struct User;

// The API's GET resources: each turns a checked request into a Reply.
// Authentication and the method were checked by ApiServer's router.
class ReadHandlers
{
public:
    ReadHandlers(ServerStore *store, QuestionnaireCache *questionnaires);

    Reply me(const User &user);
    Reply users();
    Reply questionnaire(const QString &version);
    Reply feed(const QHttpServerRequest &request);
    Reply submission(const QString &id);
    Reply evidence(const QString &id, const QHttpServerRequest &request);
    Reply reviewers(const User &user);

private:
    ServerStore *m_store;
    QuestionnaireCache *m_questionnaires;
};

} // namespace assay::server
