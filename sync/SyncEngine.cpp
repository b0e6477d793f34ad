#include "sync/SyncEngine.h"

#include "models/Cache.h"
#include "models/EvidenceStates.h"
#include "models/Outbox.h"
#include "models/SubmissionStore.h"
#include "domain/JsonReader.h"
#include "sync/CacheWriter.h"
#include "sync/EvidenceStore.h"
#include "sync/MarketplaceClient.h"
#include "sync/SyncLogging.h"

#include <QEventLoop>
#include <QFile>
#include <QRandomGenerator>
#include <QtConcurrent/QtConcurrentRun>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace assay {

QString SyncEngine::Report::summaryLine() const
{
    QString line = inStep ? u"in step"_s : u"not in step"_s;
    line += u": %1 submissions updated in %2 pages, %3 details, %4 evidence files downloaded (%5 KiB), "
            "%6 decisions pushed, %7 conflicts, %8 failed, %9 waiting"_s.arg(summaries)
                .arg(pages)
                .arg(details)
                .arg(evidenceDownloaded)
                .arg(bytes / 1024)
                .arg(pushed)
                .arg(conflicts)
                .arg(failed)
                .arg(pendingOutbox);
    if (retries > 0)
        line += u", %1 retries"_s.arg(retries);
    line += u" in %1 s"_s.arg(double(elapsedMs) / 1000.0, 0, 'f', 1);
    if (!error.isEmpty())
        line += u" — "_s + error;
    return line;
}

SyncEngine::SyncEngine(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    // A child, so that it moves with the engine to the sync thread.
    , m_flushTimer(this)
{
    qRegisterMetaType<assay::SyncEngine::Report>();
}

SyncEngine::~SyncEngine() = default;

SyncEngine::Report SyncEngine::runOnce()
{
    Report report;
    QEventLoop loop;
    const auto connection = connect(this, &SyncEngine::finished, &loop, [&](const Report &r) {
        report = r;
        loop.quit();
    });
    start();
    if (m_running)
        loop.exec();
    disconnect(connection);
    return report;
}

void SyncEngine::start()
{
    if (m_running)
        return;
    m_report = Report();
    m_timer.start();
    m_cancelled = false;
    m_stopping = false;
    const Profile profile(m_options.profileDir);
    if (!m_cache) {
        if (const Result<> made = profile.ensureExists(); !made) {
            m_running = true;
            finish(made.errorString());
            return;
        }
        m_cache = std::make_unique<Cache>();
        if (const Result<> opened = m_cache->open(profile.cachePath()); !opened) {
            const QString error = opened.error().message;
            m_cache.reset();
            m_running = true;
            finish(error);
            return;
        }
        m_store = std::make_unique<EvidenceStore>(profile);
        // Items whose file another item brought already are stored present
        // (a copy of the store: the writer asks on its own thread).
        m_writer = std::make_unique<CacheWriter>(profile.cachePath(),
                                                 [store = *m_store](const QString &sha256) { return store.hasVerified(sha256); });
        connect(m_writer.get(), &CacheWriter::stored, this, &SyncEngine::detailsStored);
        m_flushTimer.setSingleShot(true);
        m_flushTimer.setInterval(MaxBatchDelay);
        connect(&m_flushTimer, &QTimer::timeout, this, [this] {
            flushEvidenceMarks();
            // Time is up: the batch goes now, or as soon as the writer is free.
            if (m_writer->pending() == 0)
                flushDetails();
            else
                m_flushTimer.start();
        });
    }
    if (!m_client) {
        if (const QString error = MarketplaceClient::checkServerUrl(m_options.server); !error.isEmpty()) {
            m_running = true;
            finish(error);
            return;
        }
        m_client = new MarketplaceClient(m_options.server, m_options.token, this);
        m_client->setTransferTimeout(m_options.transferTimeoutMs);
    }
    m_running = true;
    ++m_cycle;
    m_blobQueue.clear();
    m_blobQueued.clear();
    m_blobAttempts.clear();
    m_blobMismatches.clear();
    m_blobTotal = 0;
    m_pushAttempts = m_feedAttempts = m_questionnaireAttempts = 0;
    setPhase(Phase::Push);
    pushNext();
}

void SyncEngine::cancel()
{
    m_cancelled = true;
    if (m_client)
        m_client->abortAll();
    if (m_running)
        finish(u"cancelled"_s);
}

void SyncEngine::prioritize(const QString &submissionId)
{
    m_priority.insert(submissionId);
    if (m_detailQueue.removeOne(submissionId))
        m_detailQueue.prepend(submissionId);
    if (m_cache)
        prioritizeEvidence(submissionId);
}

void SyncEngine::setPhase(Phase phase)
{
    m_phase = phase;
    static const QStringList names = {u"idle"_s, u"pushing decisions"_s, u"reading the change feed"_s,
                                      u"fetching questionnaires"_s, u"fetching details"_s, u"downloading evidence"_s};
    Q_EMIT phaseChanged(names.at(int(phase)));
}

void SyncEngine::tokenRefused()
{
    // The whole cycle stops: every other request would be refused as well.
    m_report.tokenRejected = true;
    finish(u"the marketplace refused the token (401); sign in again (assay login) or set a new ASSAY_TOKEN"_s);
}

void SyncEngine::problem(const QString &text)
{
    qCWarning(lcSync).noquote() << text;
    m_report.problems.append(text);
}

int SyncEngine::backoffMs(const ApiError &error, int attempts)
{
    if (error.retryAfterSeconds >= 0)
        return std::min(error.retryAfterSeconds * 1000, 60000) + int(QRandomGenerator::global()->bounded(100));
    // Exponential with full jitter: many clients coming back at once do not
    // knock the server over again in step.
    const int ceiling = std::min(m_options.maxBackoffMs, 100 << std::min(attempts, 10));
    return ceiling / 2 + int(QRandomGenerator::global()->bounded(ceiling / 2 + 1));
}

bool SyncEngine::retryLater(const ApiError &error, int &attempts, std::function<void()> again)
{
    if (error.kind == ApiError::Kind::Unauthorized) {
        m_report.tokenRejected = true;
        return false;
    }
    if (!error.isTransient() || ++attempts > m_options.maxAttempts)
        return false;
    ++m_report.retries;
    const int delay = backoffMs(error, attempts);
    // Only for the status line: an unreadable count shows as 0 here, and
    // the cycle's end reads it again and reports the failure.
    const int waiting = m_cache ? m_cache->outbox().count(OutboxEntry::State::Pending).value_or(0) : 0;
    Q_EMIT statusChanged(u"offline (%1), retrying in %2 s, %3 changes waiting"_s.arg(error.describe())
                             .arg(double(delay) / 1000.0, 0, 'f', 1)
                             .arg(waiting));
    qCInfo(lcSync).noquote() << "transient:" << error.describe() << "retry in" << delay << "ms";
    QTimer::singleShot(delay, this, [this, again] {
        if (m_running && !m_cancelled)
            again();
    });
    return true;
}

// --- 1. the outbox ---------------------------------------------------------------

void SyncEngine::pushNext()
{
    const Result<QList<OutboxEntry>> pending = m_cache->outbox().inState(OutboxEntry::State::Pending);
    if (!pending) {
        finish(u"could not read the outbox: %1"_s.arg(pending.error().message));
        return;
    }
    if (pending->isEmpty()) {
        setPhase(Phase::Feed);
        const Result<QString> cursor = m_cache->submissions().feedCursor();
        if (!cursor) {
            finish(u"could not read the feed cursor: %1"_s.arg(cursor.error().message));
            return;
        }
        pullPage(*cursor);
        return;
    }
    const OutboxEntry entry = pending->first();
    // An attempt that cannot be counted is not made: the count is what
    // shows a crash mid-request.
    if (const Result<> noted = m_cache->outbox().noteAttempt(entry.id); !noted) {
        finish(u"could not record an attempt of decision %1: %2"_s.arg(entry.id).arg(noted.error().message));
        return;
    }
    m_client->write(entry.kind, entry.submissionId, entry.payload, entry.idempotencyKey,
                    [this, entry](MarketplaceClient::Result<MarketplaceClient::WriteResult> result) {
        if (result.ok()) {
            if (const Result<> settled = m_cache->outbox().settle(entry.id, OutboxEntry::State::Sent, {}, {}, result.value->body);
                !settled) {
                // The server has it; the next push sends the same key again
                // and the server answers as it did.
                problem(u"decision %1 was accepted but could not be marked sent: %2"_s.arg(entry.id).arg(settled.error().message));
            }
            ++m_report.pushed;
            // The server's answer carries the submission as it now is.
            JsonReader reader(result.value->body.value(u"submission"_s).toObject());
            const SubmissionSummary s = SubmissionSummary::fromJson(reader);
            const auto keep = [this, &s]() -> Result<> {
                SubmissionStore &store = m_cache->submissions();
                const Result<std::optional<SubmissionSummary>> known = store.summary(s.id);
                if (!known)
                    return known.error();
                if (!*known)
                    return {}; // not cached (yet): the feed brings it
                const Result<QString> cursor = store.feedCursor();
                if (!cursor)
                    return cursor.error();
                return store.applyFeedPage({s}, *cursor);
            };
            if (reader.ok()) {
                if (const Result<> kept = keep(); !kept)
                    problem(u"submission %1 after decision %2: %3"_s.arg(s.id).arg(entry.id).arg(kept.error().message));
            }
            Q_EMIT submissionsChanged({entry.submissionId});
            m_pushAttempts = 0;
            pushNext();
            return;
        }
        const ApiError &e = result.error;
        if (e.kind == ApiError::Kind::Conflict) {
            // Held: the reviewer's draft stays, with what the server has now.
            if (const Result<> settled = m_cache->outbox().settle(entry.id, OutboxEntry::State::Conflict, e.describe(),
                                                                  e.details.value(u"current"_s).toObject());
                !settled) {
                finish(u"could not hold decision %1 in conflict: %2"_s.arg(entry.id).arg(settled.error().message));
                return;
            }
            ++m_report.conflicts;
            Q_EMIT submissionsChanged({entry.submissionId});
            m_pushAttempts = 0;
            pushNext();
            return;
        }
        if (retryLater(e, m_pushAttempts, [this] { pushNext(); }))
            return;
        if (e.kind == ApiError::Kind::Unauthorized) {
            tokenRefused();
            return;
        }
        if (e.isTransient()) {
            finish(u"could not push decisions: %1"_s.arg(e.describe()));
            return;
        }
        // Refused for good (403, 404, 422 ...): failed, with the server's
        // words; the other entries go on.
        if (const Result<> settled = m_cache->outbox().settle(entry.id, OutboxEntry::State::Failed, e.describe()); !settled) {
            finish(u"could not mark decision %1 refused: %2"_s.arg(entry.id).arg(settled.error().message));
            return;
        }
        ++m_report.failed;
        problem(u"decision %1 on %2 refused: %3"_s.arg(entry.id).arg(entry.submissionId, e.describe()));
        m_pushAttempts = 0;
        pushNext();
    });
}

// --- 2. the change feed ------------------------------------------------------------

void SyncEngine::pullPage(const QString &cursor)
{
    m_client->feed(cursor, m_options.pageSize, [this, cursor, cycle = m_cycle](MarketplaceClient::Result<MarketplaceClient::FeedPage> result) {
        // A page asked for ahead of time can come back after its cycle ended
        // (the page before it could not be stored).
        if (!m_running || cycle != m_cycle)
            return;
        if (!result.ok()) {
            if (retryLater(result.error, m_feedAttempts, [this, cursor] { pullPage(cursor); }))
                return;
            if (result.error.kind == ApiError::Kind::Unauthorized)
                tokenRefused();
            else
                finish(u"could not read the change feed: %1"_s.arg(result.error.describe()));
            return;
        }
        m_feedAttempts = 0;
        const MarketplaceClient::FeedPage &page = *result.value;
        const bool more = page.hasMore && !page.items.isEmpty();
        // The next page is asked for before this one is stored: the server
        // prepares it while this thread writes. The stored cursor still moves
        // only with a stored page.
        if (more)
            pullPage(page.nextCursor);
        for (const auto &[id, why] : page.invalid)
            problem(u"feed item %1 could not be read: %2"_s.arg(id.isEmpty() ? u"(no id)"_s : id, why));
        if (const Result<> stored = m_cache->submissions().applyFeedPage(page.items, page.nextCursor); !stored) {
            finish(u"could not store the feed page: %1"_s.arg(stored.error().message));
            return;
        }
        ++m_report.pages;
        m_report.summaries += int(page.items.size());
        QStringList ids;
        for (const SubmissionSummary &s : page.items)
            ids.append(s.id);
        if (!ids.isEmpty())
            Q_EMIT submissionsChanged(ids);
        Q_EMIT progress(m_report.summaries, -1, m_report.bytes);
        if (more)
            return;
        setPhase(Phase::Questionnaires);
        const Result<QStringList> missing = m_cache->submissions().missingQuestionnaires();
        if (!missing) {
            finish(u"could not read which questionnaires are missing: %1"_s.arg(missing.error().message));
            return;
        }
        m_questionnaires = *missing;
        fetchQuestionnaires();
    });
}

void SyncEngine::fetchQuestionnaires()
{
    if (m_questionnaires.isEmpty()) {
        setPhase(Phase::Details);
        const Result<QStringList> needed = m_cache->submissions().needingDetails();
        if (!needed) {
            finish(u"could not read which details are needed: %1"_s.arg(needed.error().message));
            return;
        }
        m_detailQueue = *needed;
        // What the reviewer opened goes first.
        std::stable_partition(m_detailQueue.begin(), m_detailQueue.end(),
                              [this](const QString &id) { return m_priority.contains(id); });
        m_detailAttempts.clear();
        m_detailTotal = int(m_detailQueue.size());
        pumpDetails();
        return;
    }
    const QString version = m_questionnaires.first();
    m_client->questionnaire(version, [this, version](MarketplaceClient::Result<Questionnaire> result) {
        if (!result.ok()) {
            if (retryLater(result.error, m_questionnaireAttempts, [this] { fetchQuestionnaires(); }))
                return;
            if (result.error.kind == ApiError::Kind::Unauthorized) {
                tokenRefused();
                return;
            }
            problem(u"questionnaire %1: %2"_s.arg(version, result.error.describe()));
        } else if (const Result<> stored = m_cache->submissions().storeQuestionnaire(*result.value); !stored) {
            problem(stored.error().message);
        }
        m_questionnaireAttempts = 0;
        m_questionnaires.removeFirst();
        fetchQuestionnaires();
    });
}

// --- 3. details -----------------------------------------------------------------

void SyncEngine::pumpDetails()
{
    if (m_cancelled || !m_running || m_stopping)
        return;
    // Back-pressure: when the writer is behind by a full batch, no more
    // requests until it catches up (memory stays bounded).
    // Files waiting beside the details keep a quarter of the requests.
    const bool filesWait = !m_blobQueue.isEmpty() || !m_blobInFlight.isEmpty();
    const qsizetype detailSlots = m_options.parallel - (filesWait ? evidenceSlots() : 0);
    while (m_inFlight < m_options.parallel && m_detailInFlight.size() < detailSlots && !m_detailQueue.isEmpty()
           && !(m_writer->pending() > 0 && m_detailBatch.size() >= MaxDetailBatch)) {
        const QString id = m_detailQueue.takeFirst();
        if (m_detailInFlight.contains(id))
            continue;
        m_detailInFlight.insert(id);
        ++m_inFlight;
        m_client->submission(id, [this, id](MarketplaceClient::Result<Submission> result) {
            --m_inFlight;
            m_detailInFlight.remove(id);
            if (result.ok()) {
                // Stored in batches, one transaction each, by the writer's
                // thread: see maybeFlushDetails().
                const bool urgent = m_priority.contains(id);
                m_detailBatch.append(std::move(*result.value));
                maybeFlushDetails(urgent);
            } else if (result.error.kind == ApiError::Kind::Unauthorized) {
                tokenRefused();
                return;
            } else {
                int &attempts = m_detailAttempts[id];
                ++m_detailWaiting;
                if (!retryLater(result.error, attempts, [this, id] {
                        --m_detailWaiting;
                        m_detailQueue.prepend(id);
                        pumpDetails();
                    })) {
                    --m_detailWaiting;
                    problem(u"submission %1: %2"_s.arg(id, result.error.describe()));
                }
            }
            pumpDetails();
            pumpEvidence();
        });
    }
    if (m_detailInFlight.isEmpty() && m_detailWaiting == 0 && m_detailQueue.isEmpty() && m_phase == Phase::Details) {
        flushDetails();
        // The evidence list comes from the stored details.
        if (m_writer->pending() > 0)
            return;
        if (!m_options.evidence) {
            finish();
            return;
        }
        setPhase(Phase::Evidence);
        // Most files are under way already (queued as their details were
        // stored); this picks up the rest, from earlier cycles too.
        const Result<QList<EvidenceItem>> absent = m_cache->evidence().inState(EvidenceItem::LocalState::Absent);
        if (!absent) {
            finish(u"could not read which evidence is missing: %1"_s.arg(absent.error().message));
            return;
        }
        queueEvidence(*absent);
        for (const QString &p : std::as_const(m_priority))
            prioritizeEvidence(p);
        m_blobTotal = int(m_blobQueued.size());
        pumpEvidence();
    }
}

// One download per distinct content: every evidence item with that hash is
// present once the file is verified (Cache::markFilesVerified).
void SyncEngine::queueEvidence(const QList<EvidenceItem> &items)
{
    QHash<QString, qsizetype> added;
    for (const EvidenceItem &e : items) {
        if (const auto it = added.constFind(e.sha256); it != added.cend()) {
            m_blobQueue[*it].evidenceIds.append(e.id);
            continue;
        }
        if (m_blobQueued.contains(e.sha256))
            continue;
        m_blobQueued.insert(e.sha256);
        added.insert(e.sha256, m_blobQueue.size());
        m_blobQueue.append(Blob{e.sha256, e.size, {e.id}, {}});
    }
}

// The files of what the reviewer opened go first (the last opened first).
void SyncEngine::prioritizeEvidence(const QString &submissionId)
{
    // Nothing waits: no need to read the submission.
    if (m_blobQueue.isEmpty())
        return;
    const Result<std::optional<Submission>> read = m_cache->submissions().submission(submissionId);
    if (!read) {
        problem(u"submission %1: %2"_s.arg(submissionId, read.error().message));
        return;
    }
    const std::optional<Submission> &s = *read;
    if (!s)
        return;
    QSet<QString> shas;
    for (const EvidenceItem &e : s->evidence)
        shas.insert(e.sha256);
    for (Blob &b : m_blobQueue) {
        if (shas.contains(b.sha256) && !b.submissionIds.contains(submissionId))
            b.submissionIds.append(submissionId);
    }
    std::stable_partition(m_blobQueue.begin(), m_blobQueue.end(),
                          [&submissionId](const Blob &b) { return b.submissionIds.contains(submissionId); });
}

// A batch goes to the writer when the writer is free and the batch is worth
// a transaction (each commit flushes a search segment and appends to the
// WAL: 10k submissions in batches of ~15 spent 4.7 s committing), or when it
// holds what the reviewer is waiting for, or when its first item has waited
// long enough (a slow network still shows progress).
void SyncEngine::maybeFlushDetails(bool urgent)
{
    if (m_detailBatch.isEmpty())
        return;
    if (urgent || (m_writer->pending() == 0 && m_detailBatch.size() >= MinDetailBatch)) {
        flushDetails();
        return;
    }
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void SyncEngine::flushDetails()
{
    m_flushTimer.stop();
    if (m_detailBatch.isEmpty())
        return;
    m_writer->store(std::exchange(m_detailBatch, {}));
}

void SyncEngine::detailsStored(const QStringList &ids, const QStringList &problems)
{
    m_report.details += int(ids.size());
    for (const QString &p : problems)
        problem(p);
    if (!ids.isEmpty()) {
        Q_EMIT submissionsChanged(ids);
        // Done means stored; the total is what the phase set out to fetch.
        if (m_phase == Phase::Details)
            Q_EMIT progress(m_report.details, m_detailTotal, m_report.bytes);
        // Their evidence can start now, beside the remaining details.
        if (m_options.evidence && !m_stopping) {
            if (const Result<QList<EvidenceItem>> absent = m_cache->evidence().inState(EvidenceItem::LocalState::Absent, ids); absent)
                queueEvidence(*absent);
            else
                problem(u"evidence of stored details: %1"_s.arg(absent.error().message));
            for (const QString &id : ids) {
                if (m_priority.contains(id))
                    prioritizeEvidence(id);
            }
        }
    }
    if (m_stopping) {
        finish(m_stopError); // waits again while the writer has work
        return;
    }
    maybeFlushDetails();
    if (m_phase == Phase::Details) {
        pumpDetails();
        pumpEvidence();
    }
}

// --- 4. evidence ------------------------------------------------------------------

// Verified files are marked present in batches, like details are stored:
// at once for what the reviewer opened, else within MaxBatchDelay, and
// before the cycle ends.
void SyncEngine::markPresent(const Blob &blob)
{
    m_presentShas.append(blob.sha256);
    m_report.evidencePresent += int(blob.evidenceIds.size());
    if (!blob.submissionIds.isEmpty())
        flushEvidenceMarks();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void SyncEngine::flushEvidenceMarks()
{
    if (m_presentShas.isEmpty() || !m_cache)
        return;
    const QStringList shas = std::exchange(m_presentShas, {});
    if (const Result<> marked = m_cache->evidence().markFilesVerified(shas); !marked)
        problem(u"evidence: %1"_s.arg(marked.error().message));
}

// Beside details, files get a quarter of the requests: details are what the
// queue shows, and a file holds its request much longer.
qsizetype SyncEngine::evidenceSlots() const
{
    return std::max(1, m_options.parallel / 4);
}

void SyncEngine::pumpEvidence()
{
    if (m_cancelled || !m_running || m_stopping)
        return;
    const qsizetype slots = m_phase == Phase::Evidence ? m_options.parallel : evidenceSlots();
    while (m_inFlight < m_options.parallel && m_blobInFlight.size() < slots && !m_blobQueue.isEmpty()) {
        const Blob blob = m_blobQueue.takeFirst();
        if (!EvidenceStore::isValidSha256(blob.sha256)) {
            problem(u"evidence %1 has no valid sha256"_s.arg(blob.evidenceIds.value(0)));
            continue;
        }
        if (m_store->hasVerified(blob.sha256)) {
            markPresent(blob);
            continue;
        }
        QString error;
        std::shared_ptr<QFile> file(m_store->openPartial(blob.sha256, &error).release());
        if (!file) {
            problem(u"evidence %1: cannot write: %2"_s.arg(blob.evidenceIds.value(0), error));
            continue;
        }
        const qint64 offset = file->size();
        if (offset >= blob.size && blob.size > 0) {
            // Complete already (a crash came between the last byte and the
            // check): just check.
            file->close();
            verify(blob, false);
            continue;
        }
        ++m_inFlight;
        m_blobInFlight.insert(blob.sha256);
        m_client->evidence(blob.evidenceIds.first(), file.get(), offset,
                           [this, blob, file, offset](MarketplaceClient::Result<MarketplaceClient::Download> result) {
            --m_inFlight;
            m_blobInFlight.remove(blob.sha256);
            file->flush();
            file->close();
            const qint64 got = result.ok() ? result.value->written : qint64(result.error.details.value(u"written"_s).toDouble());
            m_report.bytes += got;
            if (result.ok() && offset + got < blob.size) {
                // Short of the declared size: a cut, whatever the transfer
                // said. Resumed with Range like any other cut.
                ApiError cut;
                cut.kind = ApiError::Kind::Offline;
                cut.message = u"the download ended after %1 of %2 bytes"_s.arg(offset + got).arg(blob.size);
                result.value.reset();
                result.error = cut;
            }
            if (result.ok()) {
                verify(blob, true);
            } else if (result.error.kind == ApiError::Kind::Unauthorized) {
                tokenRefused();
                return;
            } else {
                int &attempts = m_blobAttempts[blob.sha256];
                // Bytes that arrived stay in the partial file: the retry
                // asks for the rest with Range.
                ++m_blobWaiting;
                if (!retryLater(result.error, attempts, [this, blob] {
                        --m_blobWaiting;
                        m_blobQueue.prepend(blob);
                        pumpEvidence();
                    })) {
                    --m_blobWaiting;
                    problem(u"evidence %1: %2"_s.arg(blob.evidenceIds.value(0), result.error.describe()));
                }
            }
            evidenceProgress();
            pumpEvidence();
            if (m_phase == Phase::Details)
                pumpDetails();
        });
    }
    if (m_blobInFlight.isEmpty() && m_blobWaiting == 0 && m_verifying == 0 && m_blobQueue.isEmpty()
        && m_phase == Phase::Evidence) {
        // Items stored while their file was being checked share the check
        // (the writer stores the others present right away).
        QSet<QString> late;
        const Result<QList<EvidenceItem>> absent = m_cache->evidence().inState(EvidenceItem::LocalState::Absent);
        if (!absent)
            problem(u"evidence: %1"_s.arg(absent.error().message));
        for (const EvidenceItem &e : absent.value_or(QList<EvidenceItem>()))
            late.insert(e.sha256);
        for (const QString &sha256 : std::as_const(late)) {
            if (m_store->hasVerified(sha256))
                m_presentShas.append(sha256);
        }
        finish();
    }
}

void SyncEngine::evidenceProgress()
{
    // Files that go beside the details show in the evidence phase's count.
    if (m_phase != Phase::Evidence)
        return;
    Q_EMIT progress(m_blobTotal - int(m_blobQueue.size() + m_blobInFlight.size()) - m_verifying, m_blobTotal, m_report.bytes);
}

// The sha256 is checked on a worker thread: it reads the whole file again,
// and this thread meanwhile goes on receiving the other downloads (on 360
// files of 157 MiB the check was a third of the evidence phase).
void SyncEngine::verify(const Blob &blob, bool downloaded)
{
    ++m_verifying;
    QtConcurrent::run([store = *m_store, blob] {
        QString error;
        const EvidenceStore::Outcome outcome = store.finish(blob.sha256, blob.size, &error);
        return std::make_pair(outcome, error);
    }).then(this, [this, blob, downloaded, cycle = m_cycle](const std::pair<EvidenceStore::Outcome, QString> &checked) {
        --m_verifying;
        // A file verified after its cycle ended is found in place next time.
        if (!m_running || cycle != m_cycle)
            return;
        verified(blob, downloaded, checked.first, checked.second);
        evidenceProgress();
        pumpEvidence();
    });
}

void SyncEngine::verified(const Blob &blob, bool downloaded, EvidenceStore::Outcome outcome, const QString &error)
{
    switch (outcome) {
    case EvidenceStore::Outcome::Verified:
        markPresent(blob);
        if (downloaded)
            ++m_report.evidenceDownloaded;
        break;
    case EvidenceStore::Outcome::Mismatch:
        // The bad copy is in quarantine. Bytes damaged on the way deserve one
        // fresh download; a second mismatch is the server's file, and stays
        // a problem. (Counted apart from transient retries, which must not
        // use up this one.)
        if (downloaded && m_blobMismatches[blob.sha256]++ < 1) {
            qCWarning(lcSync).noquote() << "evidence" << blob.evidenceIds.value(0) << "did not match its sha256; downloading it again";
            ++m_report.retries;
            m_blobQueue.prepend(blob);
            break;
        }
        if (const Result<> set = m_cache->evidence().set(blob.evidenceIds, EvidenceItem::LocalState::Mismatch); !set)
            problem(u"evidence %1: %2"_s.arg(blob.evidenceIds.value(0), set.error().message));
        ++m_report.evidenceMismatched;
        problem(u"evidence %1 quarantined: %2"_s.arg(blob.evidenceIds.value(0), error));
        break;
    case EvidenceStore::Outcome::Failed:
        problem(u"evidence %1: %2"_s.arg(blob.evidenceIds.value(0), error));
        break;
    }
}

// --- the end of a cycle ------------------------------------------------------------

void SyncEngine::finish(const QString &error)
{
    if (!m_running)
        return;
    // Files verified so far count, however the cycle ends.
    flushEvidenceMarks();
    if (m_writer) {
        // What was fetched is kept: the cycle ends when it is stored.
        flushDetails();
        if (m_writer->pending() > 0) {
            if (!m_stopping) {
                m_stopping = true;
                m_stopError = error;
            }
            return;
        }
    }
    m_stopping = false;
    m_running = false;
    m_phase = Phase::Idle;
    m_report.error = error;
    m_report.elapsedMs = m_timer.elapsed();
    if (m_cache) {
        // Whether the cache is in step; a count that cannot be read says
        // no, and why.
        const Result<int> pendingOutbox = m_cache->outbox().count(OutboxEntry::State::Pending);
        const Result<QStringList> needed = m_cache->submissions().needingDetails();
        const Result<int> absent = m_options.evidence ? m_cache->evidence().count(EvidenceItem::LocalState::Absent) : Result<int>(0);
        const Result<int> mismatched = m_options.evidence ? m_cache->evidence().count(EvidenceItem::LocalState::Mismatch) : Result<int>(0);
        for (const QString &failure : {pendingOutbox.errorString(), needed.errorString(), absent.errorString(), mismatched.errorString()}) {
            if (!failure.isEmpty())
                problem(u"could not check the cache: %1"_s.arg(failure));
        }
        m_report.pendingOutbox = pendingOutbox.value_or(-1);
        const bool detailsFresh = needed && needed->isEmpty();
        const bool evidenceDone = absent && mismatched && *absent == 0 && *mismatched == 0;
        m_report.inStep = error.isEmpty() && m_report.problems.isEmpty() && m_report.pendingOutbox == 0 && detailsFresh
            && evidenceDone;
        if (error.isEmpty() && !m_report.inStep && m_report.problems.isEmpty())
            m_report.error = u"the cache is not complete yet"_s;
        if (m_report.error.isEmpty() && !m_report.problems.isEmpty())
            m_report.error = u"%1 problems, the first: %2"_s.arg(m_report.problems.size()).arg(m_report.problems.first());
    }
    Q_EMIT statusChanged(m_report.inStep ? u"in step"_s : m_report.error);
    Q_EMIT finished(m_report);
}

} // namespace assay
