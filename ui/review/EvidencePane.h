#pragma once

#include "domain/EvidenceItem.h"

#include <QWidget>

#include <optional>

class QLabel;

namespace assay {

// Where an opened evidence item is shown. For now the item's facts (name,
// declared type, size, sha256 and whether the local copy was verified); this
// is the single place the evidence viewer plugs into.
class EvidencePane : public QWidget
{
    Q_OBJECT

public:
    explicit EvidencePane(QWidget *parent = nullptr);

    void showItem(const EvidenceItem &item);
    void clear();
    std::optional<EvidenceItem> item() const { return m_item; }

    static QString sizeText(qint64 bytes);
    static QString stateText(EvidenceItem::LocalState state);

private:
    std::optional<EvidenceItem> m_item;
    QLabel *m_facts;
};

} // namespace assay
