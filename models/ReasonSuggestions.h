#pragma once

#include "domain/Questionnaire.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace assay {

// The ready reasons a rejection is offered: every required checklist item
// left unticked stands for the rejection codes its `reason_codes` name (the
// mapping lives in the questionnaire data, not here). A code two items stand
// for is offered once, seeded with both items.
class ReasonSuggestions
{
public:
    struct Suggestion
    {
        QString category;
        QString code;
        // The rubric's text for the code.
        QString reasonText;
        // The unticked items it stands for, in checklist order.
        QStringList itemKeys;
        // A seed for the reason's note: the items' texts, one a line.
        QString note;
        friend bool operator==(const Suggestion &, const Suggestion &) = default;
    };

    // In the questionnaire's order: categories, then their items, then each
    // item's codes. `ticked` holds the ticked items' keys.
    static QList<Suggestion> of(const Questionnaire &questionnaire, const QSet<QString> &ticked);
};

} // namespace assay
