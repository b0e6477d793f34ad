#pragma once

#include "domain/Result.h"

#include <QString>

#include <memory>

namespace assay {

class CacheConnection;
class EvidenceFindings;
class EvidenceStates;
class Outbox;
class ReviewWork;
class SearchIndex;
class SubmissionStore;
class UserDirectory;

// The local store of one profile: a SQLite file (WAL, foreign keys on) with
// what the marketplace said and the reviewer's own work. Every SQL statement
// of the client lives behind this class, in the piece that does one job:
//
//   connection()   opening, pragmas, schema version, checkpointing, integrity
//   submissions()  feed pages and cursor, details, summaries, questionnaires,
//                  the sync's values
//   search()       the full-text index and its query
//   evidence()     each evidence item's local state
//   findings()     what the secrets finder saw in each file, and what the
//                  reviewer has opened
//   work()         the reviewer's checklist ticks, notes and drafts
//   outbox()       the writes waiting for the marketplace
//   users()        the marketplace's users and the signed-in one
//
// A Cache owns one database connection, and a connection may only be used
// from the thread that opened it: make one Cache per thread (the UI has one,
// the sync engine another). Each write that belongs together is one
// transaction, so a crash keeps either all or none of it. What can fail
// returns a Result that says why.
class Cache
{
public:
    Cache();
    ~Cache();
    Cache(const Cache &) = delete;
    Cache &operator=(const Cache &) = delete;

    Result<> open(const QString &path);
    void close();
    bool isOpen() const;
    QString path() const;

    CacheConnection &connection() { return *m_connection; }
    SubmissionStore &submissions() { return *m_submissions; }
    SearchIndex &search() { return *m_search; }
    EvidenceStates &evidence() { return *m_evidence; }
    EvidenceFindings &findings() { return *m_findings; }
    ReviewWork &work() { return *m_work; }
    Outbox &outbox() { return *m_outbox; }
    UserDirectory &users() { return *m_users; }

private:
    std::unique_ptr<CacheConnection> m_connection;
    std::unique_ptr<SearchIndex> m_search;
    std::unique_ptr<SubmissionStore> m_submissions;
    std::unique_ptr<EvidenceStates> m_evidence;
    std::unique_ptr<EvidenceFindings> m_findings;
    std::unique_ptr<ReviewWork> m_work;
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<UserDirectory> m_users;
};

} // namespace assay
