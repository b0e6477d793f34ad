#pragma once

#include "domain/EvidenceItem.h"
#include "models/Profile.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QToolButton;

namespace assay {

class Cache;
class EvidenceViewer;

// Where an opened evidence item is shown: the evidence viewer on the
// profile's verified copy of the file, with the findings the sync stored for
// it; an item not downloaded, quarantined or refused says so.
class EvidencePane : public QWidget
{
    Q_OBJECT

public:
    explicit EvidencePane(QWidget *parent = nullptr);

    // Where the files and their findings are: the profile's evidence store
    // and the cache. Until this is called, items say there is no store.
    void setSources(Cache *cache, const Profile &profile);
    void showItem(const EvidenceItem &item);
    void clear();
    std::optional<EvidenceItem> item() const { return m_item; }
    EvidenceViewer *viewer() const { return m_viewer; }
    // The open item again in a window of its own, as large as the reviewer
    // makes it (the pane beside the answer is small). The same window is
    // used for the next item; it closes with the main window.
    EvidenceViewer *openWindow();
    EvidenceViewer *windowViewer() const;

    static QString sizeText(qint64 bytes);
    static QString stateText(EvidenceItem::LocalState state);

Q_SIGNALS:
    // "Add to rejection note" in the findings panel: where and what, never the secret.
    void referenceRequested(const QString &reference);

private:
    void showIn(EvidenceViewer *viewer, const EvidenceItem &item) const;

    std::optional<EvidenceItem> m_item;
    Cache *m_cache = nullptr;
    std::optional<Profile> m_profile;
    EvidenceViewer *m_viewer;
    QToolButton *m_windowButton;
    QPointer<QWidget> m_window;
};

} // namespace assay
