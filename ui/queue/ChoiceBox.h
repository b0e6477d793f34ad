#pragma once

#include <QComboBox>

namespace assay {

// A combo box that says when its list is about to open, so that choices
// costly to read (every partner of a large cache) are read only when a
// reviewer looks at them.
class ChoiceBox : public QComboBox
{
    Q_OBJECT

public:
    using QComboBox::QComboBox;

    void showPopup() override;

Q_SIGNALS:
    void popupAboutToShow();
};

} // namespace assay
