#include "ui/review/EvidencePane.h"

#include "models/Cache.h"
#include "models/EvidenceFindings.h"
#include "sync/EvidenceStore.h"
#include "ui/evidence/EvidenceViewer.h"

#include <QLocale>
#include <QVBoxLayout>

namespace assay {

EvidencePane::EvidencePane(QWidget *parent)
    : QWidget(parent)
    , m_viewer(new EvidenceViewer)
{
    setObjectName(QStringLiteral("EvidencePane"));
    setAccessibleName(tr("Evidence"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_viewer);
    connect(m_viewer, &EvidenceViewer::referenceRequested, this, &EvidencePane::referenceRequested);
    clear();
}

void EvidencePane::setSources(Cache *cache, const Profile &profile)
{
    m_cache = cache;
    m_profile = profile;
}

void EvidencePane::clear()
{
    m_item.reset();
    m_viewer->clear();
}

void EvidencePane::showItem(const EvidenceItem &item)
{
    m_item = item;
    if (item.localState != EvidenceItem::LocalState::Present || !m_profile) {
        m_viewer->showUnavailable(item);
        return;
    }
    // Only the store's verified copy is opened: named by its sha256, never
    // by the partner's filename.
    const QString path = EvidenceStore(*m_profile).verifiedPath(item.sha256);
    if (path.isEmpty()) {
        m_viewer->showUnavailable(item);
        return;
    }
    // What the sync's scan stored for the file; unknown (the viewer says "not
    // scanned yet") when it has not run, and said when it failed.
    std::optional<QList<SecretFinding>> findings;
    QString scanFailure;
    if (m_cache) {
        const Result<std::optional<QList<SecretFinding>>> stored = m_cache->findings().forSha256(item.sha256);
        if (stored)
            findings = *stored;
        else
            scanFailure = stored.error().message;
        const Result<std::optional<EvidenceFindings::Scan>> scan = m_cache->findings().scanOf(item.sha256);
        if (scan && scan->has_value() && (*scan)->outcome == EvidenceFindings::Scan::Outcome::Failed)
            scanFailure = (*scan)->error;
    }
    m_viewer->open(path, item, findings);
    if (!scanFailure.isEmpty())
        m_viewer->setScanFailed(scanFailure);
}

QString EvidencePane::sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes);
}

QString EvidencePane::stateText(EvidenceItem::LocalState state)
{
    switch (state) {
    case EvidenceItem::LocalState::Absent:
        return tr("not downloaded yet");
    case EvidenceItem::LocalState::Present:
        return tr("verified (sha256)");
    case EvidenceItem::LocalState::Mismatch:
        return tr("sha256 mismatch — quarantined");
    case EvidenceItem::LocalState::Refused:
        return tr("refused by the sync");
    }
    return {};
}

} // namespace assay
