#include "ui/review/EvidencePane.h"

#include "models/Cache.h"
#include "models/EvidenceFindings.h"
#include "sync/EvidenceStore.h"
#include "ui/evidence/EvidenceViewer.h"

#include <QLocale>
#include <QToolButton>
#include <QVBoxLayout>

namespace assay {

EvidencePane::EvidencePane(QWidget *parent)
    : QWidget(parent)
    , m_viewer(new EvidenceViewer)
    , m_windowButton(new QToolButton)
{
    setObjectName(QStringLiteral("EvidencePane"));
    setAccessibleName(tr("Evidence"));
    m_windowButton->setObjectName(QStringLiteral("evidenceOpenWindow"));
    m_windowButton->setText(tr("Open in a &window"));
    m_windowButton->setAccessibleName(tr("Open the evidence in a window of its own"));
    m_windowButton->setToolTip(tr("Show this evidence in a window of its own, as large as you like (Alt+W)"));
    m_viewer->addHeaderWidget(m_windowButton);
    connect(m_windowButton, &QToolButton::clicked, this, [this] { std::ignore = openWindow(); });
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
    m_windowButton->setEnabled(false);
}

void EvidencePane::showItem(const EvidenceItem &item)
{
    m_item = item;
    m_windowButton->setEnabled(true);
    showIn(m_viewer, item);
}

EvidenceViewer *EvidencePane::windowViewer() const
{
    return m_window ? m_window->findChild<EvidenceViewer *>() : nullptr;
}

EvidenceViewer *EvidencePane::openWindow()
{
    if (!m_item)
        return nullptr;
    if (!m_window) {
        // A window of the main window's: it closes with it.
        m_window = new QWidget(window(), Qt::Window);
        m_window->setObjectName(QStringLiteral("EvidenceWindow"));
        m_window->setAttribute(Qt::WA_DeleteOnClose);
        auto *viewer = new EvidenceViewer;
        connect(viewer, &EvidenceViewer::referenceRequested, this, &EvidencePane::referenceRequested);
        auto *layout = new QVBoxLayout(m_window);
        layout->addWidget(viewer);
        m_window->resize(1100, 800);
    }
    EvidenceViewer *viewer = windowViewer();
    m_window->setWindowTitle(tr("%1 — Assay").arg(EvidenceViewer::displayName(m_item->filename)));
    showIn(viewer, *m_item);
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
    return viewer;
}

void EvidencePane::showIn(EvidenceViewer *viewer, const EvidenceItem &item) const
{
    if (item.localState != EvidenceItem::LocalState::Present || !m_profile) {
        viewer->showUnavailable(item);
        return;
    }
    // Only the store's verified copy is opened: named by its sha256, never
    // by the partner's filename.
    const QString path = EvidenceStore(*m_profile).verifiedPath(item.sha256);
    if (path.isEmpty()) {
        viewer->showUnavailable(item);
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
        if (const Result<std::optional<EvidenceFindings::Scan>> scan = m_cache->findings().scanOf(item.sha256); scan) {
            if (const std::optional<EvidenceFindings::Scan> &known = *scan;
                known && known->outcome == EvidenceFindings::Scan::Outcome::Failed)
                scanFailure = known->error;
        }
    }
    viewer->open(path, item, findings);
    if (!scanFailure.isEmpty())
        viewer->setScanFailed(scanFailure);
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
