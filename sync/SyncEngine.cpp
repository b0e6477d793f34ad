#include "sync/SyncEngine.h"

#include "models/Cache.h"
#include "models/EvidenceStates.h"
#include "models/Outbox.h"
#include "models/SubmissionStore.h"
#include "models/Profile.h"
#include "sync/CacheWriter.h"
#include "sync/DetailFetcher.h"
#include "sync/DirectoryFetcher.h"
#include "sync/EvidenceDownloader.h"
#include "sync/EvidenceStore.h"
#include "sync/FeedPuller.h"
#include "sync/MarketplaceClient.h"
#include "sync/OutboxPusher.h"
#include "sync/QuestionnaireFetcher.h"
#include "sync/SyncCycle.h"

#include <QEventLoop>

using namespace Qt::StringLiterals;

namespace assay {

// The cycle's order and its end. What is made on first use (the cache, the
// store, the writer, the client and the parts that use them) lives as long
// as the engine: a second cycle reuses the connections.
class SyncEngine::Private
{
public:
    enum class Phase { Idle, Push, Feed, Questionnaires, Details, Evidence };

    Private(SyncEngine *q, Options options);
    ~Private();

    Result<> open();
    void begin();
    void setPhase(Phase phase);
    // Details start when the questionnaires are in and the users' fetch,
    // which runs beside the feed, has ended.
    void maybeStartDetails();
    void detailsStored(const QStringList &ids);
    void detailsDrained();
    void finish(const QString &error);
    void settleReport(const QString &error);

    SyncEngine *q;
    Options options;
    SyncCycle cycle;
    Phase phase = Phase::Idle;
    // finish() was asked for while details were still being written: it
    // runs when the writer is done, and nothing new starts meanwhile.
    QString stopError;
    QSet<QString> earlyPriorities;
    bool questionnairesDone = false;

    std::unique_ptr<Cache> cache;
    std::unique_ptr<EvidenceStore> store;
    std::unique_ptr<CacheWriter> writer;
    MarketplaceClient *client = nullptr;
    OutboxPusher *pusher = nullptr;
    FeedPuller *feed = nullptr;
    QuestionnaireFetcher *questionnaires = nullptr;
    DirectoryFetcher *directory = nullptr;
    DetailFetcher *details = nullptr;
    EvidenceDownloader *evidence = nullptr;
};

SyncEngine::Private::Private(SyncEngine *q, Options o)
    : q(q)
    , options(std::move(o))
    // A child, so that it (and its retry timers) move with the engine to the
    // sync thread.
    , cycle(BackoffPolicy(options.maxAttempts, options.maxBackoffMs), options.parallel, q)
{
    connect(&cycle, &SyncCycle::stopRequested, q, [this](const QString &error) { finish(error); });
    connect(&cycle, &SyncCycle::submissionsChanged, q, &SyncEngine::submissionsChanged);
    connect(&cycle, &SyncCycle::progress, q, &SyncEngine::progress);
    connect(&cycle, &SyncCycle::retrying, q, &SyncEngine::retrying);
    connect(&cycle, &SyncCycle::retrying, q, [this](const QString &why, int delayMs) {
        // For a status line only: a count that cannot be read shows as 0,
        // the cycle's end says what failed.
        const int waiting = cache ? cache->outbox().count(OutboxEntry::State::Pending).value_or(0) : 0;
        Q_EMIT this->q->statusChanged(u"offline (%1), retrying in %2 s, %3 changes waiting"_s.arg(why)
                                          .arg(double(delayMs) / 1000.0, 0, 'f', 1)
                                          .arg(waiting));
    });
}

// The parts go before what they hold references to (the cache, the store,
// the writer); they are the engine's children only so that they move with it
// to its thread.
SyncEngine::Private::~Private()
{
    delete evidence;
    delete details;
    delete questionnaires;
    delete directory;
    delete feed;
    delete pusher;
    delete client;
}

// Everything a cycle needs, made on first use in the engine's thread.
Result<> SyncEngine::Private::open()
{
    if (!cache) {
        const Profile profile(options.profileDir);
        if (const Result<> made = profile.ensureExists(); !made)
            return made.error();
        auto opened = std::make_unique<Cache>();
        if (const Result<> ok = opened->open(profile.cachePath()); !ok)
            return ok.error();
        cache = std::move(opened);
        store = std::make_unique<EvidenceStore>(profile);
        // Items whose file another item brought already are stored present
        // (a copy of the store: the writer asks on its own thread).
        writer = std::make_unique<CacheWriter>(profile.cachePath(),
                                               [store = *store](const QString &sha256) { return store.hasVerified(sha256); });
    }
    if (!client) {
        // The client keeps to its own rules (plain HTTP only to loopback):
        // one that refuses its server says why before a cycle starts.
        auto made = std::make_unique<MarketplaceClient>(options.server, options.token, q);
        if (const QString refusal = made->refusal(); !refusal.isEmpty())
            return Error{refusal};
        client = made.release();
        client->setTransferTimeout(options.transferTimeoutMs);
        pusher = new OutboxPusher(*cache, *client, cycle, q);
        feed = new FeedPuller(*cache, *client, cycle, options.pageSize, q);
        questionnaires = new QuestionnaireFetcher(*cache, *client, cycle, q);
        directory = new DirectoryFetcher(*cache, *client, cycle, q);
        details = new DetailFetcher(*cache, *client, cycle, *writer, q);
        evidence = new EvidenceDownloader(*cache, *client, cycle, *store, options.maxEvidenceBytes, q);
        for (const QString &id : std::as_const(earlyPriorities))
            details->prioritize(id);
        earlyPriorities.clear();

        connect(pusher, &OutboxPusher::done, q, [this] {
            setPhase(Phase::Feed);
            feed->start();
        });
        connect(feed, &FeedPuller::done, q, [this] {
            setPhase(Phase::Questionnaires);
            // After the feed, not beside it: its requests then reuse the
            // feed's connection (a second one, opened in parallel, cost a
            // new engine's sync with nothing new more than a round trip).
            directory->start();
            questionnaires->start();
        });
        connect(questionnaires, &QuestionnaireFetcher::done, q, [this] {
            questionnairesDone = true;
            maybeStartDetails();
        });
        connect(directory, &DirectoryFetcher::done, q, [this] { maybeStartDetails(); });
        // Files waiting beside the details keep a quarter of the requests.
        details->setReservedSlots([this] { return evidence->hasWork() ? evidence->besideDetailsSlots() : 0; });
        connect(details, &DetailFetcher::stored, q, [this](const QStringList &ids) { detailsStored(ids); });
        connect(details, &DetailFetcher::drained, q, [this] { detailsDrained(); });
        connect(details, &DetailFetcher::slotFreed, evidence, &EvidenceDownloader::pump);
        connect(evidence, &EvidenceDownloader::slotFreed, q, [this] {
            if (phase == Phase::Details)
                details->pump();
        });
        connect(evidence, &EvidenceDownloader::drained, q, [this] { finish({}); });
    }
    return {};
}

void SyncEngine::Private::begin()
{
    cycle.begin();
    stopError.clear();
    if (const Result<> opened = open(); !opened) {
        finish(opened.error().message);
        return;
    }
    evidence->reset();
    questionnairesDone = false;
    setPhase(Phase::Push);
    pusher->start();
}

void SyncEngine::Private::maybeStartDetails()
{
    if (!questionnairesDone || directory->isActive() || phase != Phase::Questionnaires || !cycle.accepting())
        return;
    setPhase(Phase::Details);
    details->start();
}

void SyncEngine::Private::setPhase(Phase p)
{
    phase = p;
    static const QStringList names = {u"idle"_s, u"pushing decisions"_s, u"reading the change feed"_s,
                                      u"fetching questionnaires"_s, u"fetching details"_s, u"downloading evidence"_s};
    Q_EMIT q->phaseChanged(names.at(int(p)));
}

void SyncEngine::Private::detailsStored(const QStringList &ids)
{
    // Their evidence can start now, beside the remaining details.
    if (!ids.isEmpty() && options.evidence && !cycle.isStopping()) {
        const Result<QList<EvidenceItem>> absent = cache->evidence().inState(EvidenceItem::LocalState::Absent, ids);
        if (!absent)
            cycle.problem(u"could not read the evidence of stored details: %1"_s.arg(absent.error().message));
        else
            evidence->queue(*absent);
        for (const QString &id : ids) {
            if (details->isPriority(id))
                evidence->prioritize(id);
        }
    }
    if (cycle.isStopping())
        finish(stopError); // waits again while the writer has work
}

void SyncEngine::Private::detailsDrained()
{
    if (!options.evidence) {
        finish({});
        return;
    }
    setPhase(Phase::Evidence);
    evidence->startPhase(details->priorities());
}

void SyncEngine::Private::finish(const QString &error)
{
    if (!cycle.isRunning())
        return;
    if (evidence) {
        // Files verified so far count, however the cycle ends.
        evidence->flushMarks();
    }
    if (details) {
        // What was fetched is kept: the cycle ends when it is stored.
        details->flush();
        if (details->isStoring()) {
            if (!cycle.isStopping()) {
                cycle.setStopping(true);
                stopError = error;
            }
            return;
        }
    }
    cycle.end();
    // Nothing of this cycle lingers: a reply still on its way (a page asked
    // for ahead, a download beside a failure) is dropped.
    if (client)
        client->abortAll();
    phase = Phase::Idle;
    settleReport(error);
    const Report &report = cycle.report();
    Q_EMIT q->statusChanged(report.inStep ? u"in step"_s : report.error);
    Q_EMIT q->finished(report);
}

void SyncEngine::Private::settleReport(const QString &error)
{
    Report &report = cycle.report();
    report.error = error;
    report.elapsedMs = cycle.elapsedMs();
    if (!cache)
        return;
    // Whether the cache is in step; a count that cannot be read says no,
    // and why.
    const Result<int> pendingOutbox = cache->outbox().count(OutboxEntry::State::Pending);
    const Result<QStringList> needed = cache->submissions().needingDetails();
    const Result<int> absent = options.evidence ? cache->evidence().count(EvidenceItem::LocalState::Absent) : Result<int>(0);
    const Result<int> mismatched = options.evidence ? cache->evidence().count(EvidenceItem::LocalState::Mismatch) : Result<int>(0);
    for (const QString &failure : {pendingOutbox.errorString(), needed.errorString(), absent.errorString(), mismatched.errorString()}) {
        if (!failure.isEmpty())
            cycle.problem(u"could not check the cache: %1"_s.arg(failure));
    }
    report.pendingOutbox = pendingOutbox.value_or(-1);
    const bool detailsFresh = needed && needed->isEmpty();
    const bool evidenceDone = absent && mismatched && *absent == 0 && *mismatched == 0;
    report.inStep = error.isEmpty() && report.problems.isEmpty() && report.pendingOutbox == 0 && detailsFresh && evidenceDone;
    if (error.isEmpty() && !report.inStep && report.problems.isEmpty())
        report.error = u"the cache is not complete yet"_s;
    if (report.error.isEmpty() && !report.problems.isEmpty())
        report.error = u"%1 problems, the first: %2"_s.arg(report.problems.size()).arg(report.problems.first());
}

// --- the public face ----------------------------------------------------------------

SyncEngine::SyncEngine(Options options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, std::move(options)))
{
    qRegisterMetaType<assay::SyncReport>();
    qRegisterMetaType<assay::SyncReport>("assay::SyncEngine::Report");
}

SyncEngine::~SyncEngine() = default;

bool SyncEngine::isRunning() const
{
    return d->cycle.isRunning();
}

SyncEngine::Report SyncEngine::runOnce()
{
    Report report;
    QEventLoop loop;
    const auto connection = connect(this, &SyncEngine::finished, &loop, [&](const Report &r) {
        report = r;
        loop.quit();
    });
    start();
    if (isRunning())
        loop.exec();
    disconnect(connection);
    return report;
}

void SyncEngine::start()
{
    if (d->cycle.isRunning())
        return;
    d->begin();
}

void SyncEngine::prioritize(const QString &submissionId)
{
    if (!d->details) {
        d->earlyPriorities.insert(submissionId);
        return;
    }
    d->details->prioritize(submissionId);
    d->evidence->prioritize(submissionId);
}

void SyncEngine::cancel()
{
    d->cycle.cancel();
    if (d->client)
        d->client->abortAll();
    d->finish(u"cancelled"_s);
}

} // namespace assay
