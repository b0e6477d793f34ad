#include "ui/review/EvidencePane.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace assay {

EvidencePane::EvidencePane(QWidget *parent)
    : QWidget(parent)
    , m_facts(new QLabel)
{
    setObjectName(QStringLiteral("EvidencePane"));
    setAccessibleName(tr("Evidence"));
    // Partner filenames are shown as text, never interpreted as markup.
    m_facts->setTextFormat(Qt::PlainText);
    m_facts->setWordWrap(true);
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_facts->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_facts->setAccessibleName(tr("Evidence details"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_facts);
    clear();
}

void EvidencePane::clear()
{
    m_item.reset();
    m_facts->setText(tr("Open an evidence item to see it here."));
}

void EvidencePane::showItem(const EvidenceItem &item)
{
    m_item = item;
    m_facts->setText(tr("%1\n\nDeclared type: %2\nSize: %3\nsha256: %4\nLocal copy: %5\n\n"
                        "The evidence viewer is not part of this version; the item's facts are shown instead.")
                         .arg(item.filename, item.mediaType, sizeText(item.size), item.sha256, stateText(item.localState)));
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
