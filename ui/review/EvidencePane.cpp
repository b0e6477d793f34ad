#include "ui/review/EvidencePane.h"

#include "models/Cache.h"
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
    std::optional<QList<SecretFinding>> findings;
    // TODO(lead): once scan's EvidenceFindings is in main, read the stored findings:
    //   if (const auto stored = m_cache->findings().forSha256(item.sha256); stored) findings = *stored;
    //   (a failed read leaves them unknown: the viewer says "not scanned yet").
    std::ignore = m_cache;
    m_viewer->open(path, item, findings);
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
