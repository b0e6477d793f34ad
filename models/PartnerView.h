#pragma once

#include "domain/Questionnaire.h"
#include "domain/Result.h"
#include "domain/Verdict.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>

namespace assay {

// What a verdict tells the partner, beside what stays internal, as api.md
// fixes it: a reject sends the summary and every reason (the rubric's text
// for its code, and its note); an approve sends nothing but the badge; a
// return sends nothing. The checklist and the notes never leave the house,
// nor does the summary of an approve or a return. The verdict dialog shows
// both sides before anything is recorded.
class PartnerView
{
    Q_DECLARE_TR_FUNCTIONS(PartnerView)

public:
    struct Reason
    {
        QString category;
        QString categoryTitle;
        QString code;
        QString text; // the rubric's
        QString note;
        friend bool operator==(const Reason &, const Reason &) = default;
    };
    struct ChecklistLine
    {
        QString key;
        QString text; // the item's, or the key when the questionnaire lacks it
        bool checked = false;
        friend bool operator==(const ChecklistLine &, const ChecklistLine &) = default;
    };
    struct NoteLine
    {
        QString key;
        QString about; // the item's text or the category's title
        QString note;
        friend bool operator==(const NoteLine &, const NoteLine &) = default;
    };

    // Fails for a reason whose code is not its category's in this
    // questionnaire, or for reasons on an approve or a return.
    static Result<PartnerView> of(const Verdict &verdict, const Questionnaire &questionnaire);

    Verdict::Decision decision = Verdict::Decision::Approve;

    // What the partner receives.
    bool partnerNotified = false; // false for a return
    bool badge = false;           // an approve's only message
    QString partnerSummary;       // a reject's summary
    QList<Reason> reasons;

    // What stays internal.
    QString internalSummary; // an approve's or a return's summary
    QList<ChecklistLine> checklist;
    QList<NoteLine> notes;

    // Plain-text and (escaped) HTML renderings of each side.
    QString partnerText() const;
    QString partnerHtml() const;
    QString internalText() const;
    QString internalHtml() const;
};

} // namespace assay
