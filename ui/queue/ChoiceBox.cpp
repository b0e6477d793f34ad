#include "ui/queue/ChoiceBox.h"

namespace assay {

void ChoiceBox::showPopup()
{
    Q_EMIT popupAboutToShow();
    QComboBox::showPopup();
}

} // namespace assay
