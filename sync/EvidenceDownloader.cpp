#include "sync/EvidenceDownloader.h"

#include "models/Cache.h"
#include "models/EvidenceFindings.h"
#include "models/EvidenceStates.h"
#include "models/SubmissionStore.h"
#include "sync/EvidenceScanner.h"
#include "sync/MarketplaceClient.h"
#include "sync/SyncCycle.h"
#include "sync/SyncLogging.h"

#include <QFile>
#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace assay {

namespace {

// What the finder makes of a verified file, as the cache keeps it: a file
// that could not be scanned is recorded so (with why), not as clean.
EvidenceFindings::Record scanRecord(const EvidenceScanner &scanner, const QString &sha256, const QString &path,
                                    const QString &mediaType)
{
    EvidenceFindings::Record r;
    r.sha256 = sha256;
    r.scannerVersion = SecretsFinder::Version;
    if (path.isEmpty()) {
        r.outcome = EvidenceFindings::Scan::Outcome::Failed;
        r.error = u"the file is not in the evidence store"_s;
        return r;
    }
    Result<std::optional<SecretsFinder::FileScan>> scan = scanner.scan(path, mediaType);
    if (!scan) {
        r.outcome = EvidenceFindings::Scan::Outcome::Failed;
        r.error = scan.error().message;
        return r;
    }
    std::optional<SecretsFinder::FileScan> &found = *scan;
    if (!found) {
        r.outcome = EvidenceFindings::Scan::Outcome::NotText;
        return r;
    }
    r.outcome = EvidenceFindings::Scan::Outcome::Scanned;
    r.scan = std::move(*found);
    return r;
}

} // namespace

EvidenceDownloader::EvidenceDownloader(Cache &cache, MarketplaceClient &client, SyncCycle &cycle,
                                       const EvidenceStore &store, qint64 maxFileBytes, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_client(client)
    , m_cycle(cycle)
    , m_store(store)
    , m_maxFileBytes(maxFileBytes)
    // A child, so that it moves with the engine to the sync thread.
    , m_markTimer(this)
    , m_scanner(std::make_shared<const EvidenceScanner>())
{
    m_markTimer.setSingleShot(true);
    m_markTimer.setInterval(MaxMarkDelay);
    connect(&m_markTimer, &QTimer::timeout, this, &EvidenceDownloader::flushMarks);
}

EvidenceDownloader::~EvidenceDownloader() = default;

Result<> EvidenceDownloader::checkDeclaredSize(qint64 size, qint64 limit)
{
    if (size < 0)
        return Error{u"declares a negative size"_s};
    if (size > limit) {
        const QLocale c = QLocale::c();
        QString declared = c.formattedDataSize(size);
        QString allowed = c.formattedDataSize(limit);
        if (declared == allowed) {
            declared = u"%1 bytes"_s.arg(size);
            allowed = u"%1 bytes"_s.arg(limit);
        }
        return Error{u"declares %1, over the limit of %2 for one file: not downloaded"_s.arg(declared, allowed)};
    }
    return {};
}

void EvidenceDownloader::reset()
{
    m_allSlots = false;
    m_queue.clear();
    m_inFlight.clear();
    m_attempts.clear();
    m_mismatches.clear();
    m_total = 0;
    m_waiting = 0;
    m_verifying = 0;
    m_queued.clear();
    // Scans made stay in m_scans: they are stored with the next marks.
    m_scanQueue.clear();
    m_scanQueued.clear();
    m_scanning = 0;
    m_scansCaughtUp = false;
}

void EvidenceDownloader::queue(const QList<EvidenceItem> &items)
{
    QHash<QString, qsizetype> added;
    for (const EvidenceItem &e : items) {
        if (const auto it = added.constFind(e.sha256); it != added.cend()) {
            m_queue[*it].evidenceIds.append(e.id);
            continue;
        }
        if (m_queued.contains(e.sha256))
            continue;
        m_queued.insert(e.sha256);
        added.insert(e.sha256, m_queue.size());
        m_queue.append(Blob{e.sha256, e.size, {e.id}, {}, e.mediaType});
    }
}

void EvidenceDownloader::prioritize(const QString &submissionId)
{
    // Nothing waits: no need to read the submission.
    if (m_queue.isEmpty())
        return;
    const Result<std::optional<Submission>> s = m_cache.submissions().submission(submissionId);
    if (!s) {
        m_cycle.problem(u"submission %1 could not be read to put its evidence first: %2"_s.arg(submissionId, s.error().message));
        return;
    }
    const std::optional<Submission> &submission = *s;
    if (!submission)
        return;
    QSet<QString> shas;
    for (const EvidenceItem &e : submission->evidence)
        shas.insert(e.sha256);
    for (Blob &b : m_queue) {
        if (shas.contains(b.sha256) && !b.submissionIds.contains(submissionId))
            b.submissionIds.append(submissionId);
    }
    std::stable_partition(m_queue.begin(), m_queue.end(),
                          [&submissionId](const Blob &b) { return b.submissionIds.contains(submissionId); });
}

void EvidenceDownloader::startPhase(const QSet<QString> &priorities)
{
    // Most files are under way already (queued as their details were
    // stored); this picks up the rest, from earlier cycles too.
    const Result<QList<EvidenceItem>> absent = m_cache.evidence().inState(EvidenceItem::LocalState::Absent);
    if (!absent) {
        m_cycle.stop(u"could not read which evidence is missing: %1"_s.arg(absent.error().message));
        return;
    }
    queue(*absent);
    queueUnscanned();
    for (const QString &p : priorities)
        prioritize(p);
    m_total = int(m_queued.size());
    m_allSlots = true;
    pump();
}

qsizetype EvidenceDownloader::besideDetailsSlots() const
{
    return std::max(1, m_cycle.parallel() / 4);
}

void EvidenceDownloader::pump()
{
    if (!m_cycle.accepting())
        return;
    const qsizetype slots = m_allSlots ? m_cycle.parallel() : besideDetailsSlots();
    while (m_cycle.hasFreeSlot() && m_inFlight.size() < slots && !m_queue.isEmpty())
        download(m_queue.takeFirst());
    pumpScans();
    if (m_allSlots && m_inFlight.isEmpty() && m_waiting == 0 && m_verifying == 0 && m_queue.isEmpty() && m_scanning == 0
        && m_scanQueue.isEmpty()) {
        // Items stored while their file was being checked share the check
        // (the writer stores the others present right away).
        // Only a cycle that checked files can have such items: a cycle with
        // nothing new skips the read.
        if (!m_queued.isEmpty()) {
            const Result<QList<EvidenceItem>> absent = m_cache.evidence().inState(EvidenceItem::LocalState::Absent);
            if (!absent)
                m_cycle.problem(u"evidence: could not read the items still absent: %1"_s.arg(absent.error().message));
            QSet<QString> late;
            for (const EvidenceItem &e : absent.value_or(QList<EvidenceItem>()))
                late.insert(e.sha256);
            for (const QString &sha256 : std::as_const(late)) {
                if (m_store.hasVerified(sha256))
                    m_presentShas.append(sha256);
            }
        }
        // Files marked present without a check of their own (verified in a
        // cycle that ended before its marks, or shared late) have no scan
        // yet: once a phase, with the marks written, look for them.
        if (!m_scansCaughtUp) {
            m_scansCaughtUp = true;
            flushMarks();
            queueUnscanned();
            if (!m_scanQueue.isEmpty()) {
                pumpScans();
                return;
            }
        }
        m_allSlots = false;
        Q_EMIT drained();
    }
}

void EvidenceDownloader::download(const Blob &blob)
{
    const QString item = blob.evidenceIds.value(0);
    if (!EvidenceStore::isValidSha256(blob.sha256)) {
        m_cycle.problem(u"evidence %1 has no valid sha256"_s.arg(item));
        return;
    }
    if (m_store.hasVerified(blob.sha256)) {
        markPresent(blob);
        return;
    }
    // Before any request: a file this client would not keep is not asked for.
    if (const Result<> acceptable = checkDeclaredSize(blob.size, m_maxFileBytes); !acceptable) {
        refuse(blob, acceptable.error().message);
        return;
    }
    QString error;
    std::shared_ptr<QFile> file(m_store.openPartial(blob.sha256, &error).release());
    if (!file) {
        m_cycle.problem(u"evidence %1: cannot write: %2"_s.arg(item, error));
        return;
    }
    const qint64 offset = file->size();
    if (offset >= blob.size && blob.size > 0) {
        // Complete already (a crash came between the last byte and the
        // check): just check. (A partial longer than declared fails the
        // check and goes to quarantine.)
        file->close();
        verify(blob, false);
        return;
    }
    m_cycle.requestStarted();
    m_inFlight.insert(blob.sha256);
    m_client.evidence(item, file.get(), offset, blob.size,
                      [this, blob, file, offset, cycle = m_cycle.id()](MarketplaceClient::Result<MarketplaceClient::Download> result) {
        // A write that failed (a full disk) leaves the file short: the size
        // and sha256 check that follows refuses it; the log says why.
        if (!file->flush())
            qCWarning(lcSync).noquote() << "evidence" << blob.sha256.left(12) << "could not be written:" << file->errorString();
        file->close();
        if (!m_cycle.isCurrent(cycle))
            return;
        m_cycle.requestEnded();
        m_inFlight.remove(blob.sha256);
        const qint64 got = result.ok() ? result.value->written : qint64(result.error.details.value(u"written"_s).toDouble());
        // A 200 to a Range request started the file over.
        const bool restarted = result.ok() ? result.value->restarted : result.error.details.value(u"restarted"_s).toBool();
        m_cycle.report().bytes += got;
        const qint64 have = (restarted ? 0 : offset) + got;
        if (result.ok() && have < blob.size) {
            // Short of the declared size: a cut, whatever the transfer
            // said. Resumed with Range like any other cut.
            result.error.kind = ApiError::Kind::Offline;
            result.error.message = u"the download ended after %1 of %2 bytes"_s.arg(have).arg(blob.size);
            result.value.reset();
        }
        if (result.ok()) {
            verify(blob, true);
        } else if (result.error.kind == ApiError::Kind::Unauthorized) {
            m_cycle.refuseToken(result.error);
            return;
        } else {
            failed(blob, result.error);
        }
        progress();
        pump();
        Q_EMIT slotFreed();
    });
}

void EvidenceDownloader::failed(const Blob &blob, const ApiError &error)
{
    if (error.kind == ApiError::Kind::Oversize || error.kind == ApiError::Kind::BadRange) {
        // The server broke its own declaration: asking again gets the same.
        refuse(blob, error.describe());
        return;
    }
    // Bytes that arrived stay in the partial file: the retry asks for the
    // rest with Range.
    ++m_waiting;
    if (!m_cycle.retryLater(error, m_attempts[blob.sha256], [this, blob] {
            --m_waiting;
            m_queue.prepend(blob);
            pump();
        })) {
        --m_waiting;
        m_cycle.problem(u"evidence %1: %2"_s.arg(blob.evidenceIds.value(0), error.describe()));
    }
}

// Given up for good: no partial bytes are kept (they may be the start of a
// file that is not the one declared), and its items are marked refused, so
// no later cycle asks for the file again (until its content changes, which
// makes the items absent) and the reviewer sees why it is missing.
void EvidenceDownloader::refuse(const Blob &blob, const QString &why)
{
    m_store.discardPartial(blob.sha256);
    ++m_cycle.report().evidenceRefused;
    m_cycle.problem(u"evidence %1 refused: %2"_s.arg(blob.evidenceIds.value(0), why));
    if (const Result<> set = m_cache.evidence().set(blob.evidenceIds, EvidenceItem::LocalState::Refused); !set)
        m_cycle.problem(u"evidence %1: %2"_s.arg(blob.evidenceIds.value(0), set.error().message));
}

void EvidenceDownloader::progress()
{
    // Files that go beside the details show in the evidence phase's count.
    if (!m_allSlots)
        return;
    Q_EMIT m_cycle.progress(m_total - int(m_queue.size() + m_inFlight.size()) - m_verifying, m_total, m_cycle.report().bytes);
}

// The sha256 is checked on a worker thread: it reads the whole file again,
// and this thread meanwhile goes on receiving the other downloads (on 360
// files of 157 MiB the check was a third of the evidence phase).
void EvidenceDownloader::verify(const Blob &blob, bool downloaded)
{
    ++m_verifying;
    // The scan goes in the same job: the file was just read, and is likely
    // still in the page cache.
    QtConcurrent::run([store = m_store, blob, scanner = m_scanner] {
        Checked checked;
        checked.outcome = store.finish(blob.sha256, blob.size, &checked.error);
        if (checked.outcome == EvidenceStore::Outcome::Verified)
            checked.scan = scanRecord(*scanner, blob.sha256, store.verifiedPath(blob.sha256), blob.mediaType);
        return checked;
    }).then(this, [this, blob, downloaded, cycle = m_cycle.id()](const Checked &checked) {
        // A file verified after its cycle ended is found in place next time
        // (and scanned then: it is present without a scan).
        if (!m_cycle.isCurrent(cycle))
            return;
        --m_verifying;
        verified(blob, downloaded, checked);
        progress();
        pump();
    });
}

void EvidenceDownloader::verified(const Blob &blob, bool downloaded, const Checked &checked)
{
    const QString item = blob.evidenceIds.value(0);
    const QString &error = checked.error;
    switch (checked.outcome) {
    case EvidenceStore::Outcome::Verified:
        if (checked.scan)
            scanned(*checked.scan);
        markPresent(blob);
        if (downloaded)
            ++m_cycle.report().evidenceDownloaded;
        break;
    case EvidenceStore::Outcome::Mismatch:
        // The bad copy is in quarantine. Bytes damaged on the way deserve one
        // fresh download; a second mismatch is the server's file, and stays
        // a problem. (Counted apart from transient retries, which must not
        // use up this one.)
        if (downloaded && m_mismatches[blob.sha256]++ < 1) {
            qCWarning(lcSync).noquote() << "evidence" << item << "did not match its sha256; downloading it again";
            ++m_cycle.report().retries;
            m_queue.prepend(blob);
            break;
        }
        if (const Result<> set = m_cache.evidence().set(blob.evidenceIds, EvidenceItem::LocalState::Mismatch); !set)
            m_cycle.problem(u"evidence %1: %2"_s.arg(item, set.error().message));
        ++m_cycle.report().evidenceMismatched;
        m_cycle.problem(u"evidence %1 quarantined: %2"_s.arg(item, error));
        break;
    case EvidenceStore::Outcome::Failed:
        m_cycle.problem(u"evidence %1: %2"_s.arg(item, error));
        break;
    }
}

void EvidenceDownloader::markPresent(const Blob &blob)
{
    m_presentShas.append(blob.sha256);
    m_cycle.report().evidencePresent += int(blob.evidenceIds.size());
    if (!blob.submissionIds.isEmpty())
        flushMarks();
    else if (!m_markTimer.isActive())
        m_markTimer.start();
}

void EvidenceDownloader::queueUnscanned()
{
    const Result<QList<EvidenceFindings::Unscanned>> due = m_cache.findings().unscanned(SecretsFinder::Version);
    if (!due) {
        m_cycle.problem(u"evidence: could not read which files to scan for secrets: %1"_s.arg(due.error().message));
        return;
    }
    for (const EvidenceFindings::Unscanned &u : *due) {
        if (!m_scanQueued.contains(u.sha256)) {
            m_scanQueued.insert(u.sha256);
            m_scanQueue.append(u);
        }
    }
}

void EvidenceDownloader::pumpScans()
{
    // One at a time: the pool's threads are the downloads' checks' too.
    if (m_scanning > 0 || m_scanQueue.isEmpty() || !m_cycle.accepting())
        return;
    const EvidenceFindings::Unscanned next = m_scanQueue.takeFirst();
    ++m_scanning;
    QtConcurrent::run([scanner = m_scanner, path = m_store.verifiedPath(next.sha256), next] {
        return scanRecord(*scanner, next.sha256, path, next.mediaType);
    }).then(this, [this, cycle = m_cycle.id()](const EvidenceFindings::Record &record) {
        // A scan after its cycle ended is lost; the file is still unscanned.
        if (!m_cycle.isCurrent(cycle))
            return;
        --m_scanning;
        scanned(record);
        if (!m_markTimer.isActive())
            m_markTimer.start();
        pump();
    });
}

void EvidenceDownloader::scanned(const EvidenceFindings::Record &record)
{
    // The reason names the file's state, never its content.
    if (record.outcome == EvidenceFindings::Scan::Outcome::Failed)
        qCWarning(lcSync).noquote() << "evidence" << record.sha256.left(12) << "could not be scanned for secrets:" << record.error;
    m_scans.append(record);
}

void EvidenceDownloader::flushMarks()
{
    m_markTimer.stop();
    // The scans first: a file marked present has its scan with it (or
    // is found unscanned next phase, if this write fails).
    if (!m_scans.isEmpty()) {
        const QList<EvidenceFindings::Record> scans = std::exchange(m_scans, {});
        if (const Result<> stored = m_cache.findings().storeAll(scans); !stored)
            m_cycle.problem(u"evidence: %1 secrets scans not stored (scanned again next time): %2"_s.arg(scans.size()).arg(stored.error().message));
    }
    if (m_presentShas.isEmpty())
        return;
    const QStringList shas = std::exchange(m_presentShas, {});
    if (const Result<> marked = m_cache.evidence().markFilesVerified(shas); !marked)
        m_cycle.problem(u"evidence: %1"_s.arg(marked.error().message));
}

} // namespace assay
