#include "models/PartnerView.h"

#include <QSet>

namespace assay {

namespace {

QString paragraph(const QString &text)
{
    QString html = text.toHtmlEscaped();
    html.replace(QLatin1Char('\n'), QLatin1String("<br>"));
    return QLatin1String("<p>") + html + QLatin1String("</p>");
}

} // namespace

Result<PartnerView> PartnerView::of(const Verdict &verdict, const Questionnaire &questionnaire)
{
    PartnerView v;
    v.decision = verdict.decision;
    switch (verdict.decision) {
    case Verdict::Decision::Reject:
        v.partnerNotified = true;
        v.partnerSummary = verdict.summary;
        break;
    case Verdict::Decision::Approve:
        v.partnerNotified = true;
        v.badge = true;
        v.internalSummary = verdict.summary;
        break;
    case Verdict::Decision::Return:
        v.internalSummary = verdict.summary;
        break;
    }
    if (verdict.decision != Verdict::Decision::Reject && !verdict.reasons.isEmpty())
        return Error{tr("Only a reject carries reasons (%1 with %2 given)").arg(Verdict::decisionName(verdict.decision)).arg(verdict.reasons.size())};

    for (const Verdict::Reason &r : verdict.reasons) {
        const Questionnaire::Category *category = questionnaire.category(r.category);
        if (!category)
            return Error{tr("Reason %1: questionnaire %2 has no category %3").arg(r.code, questionnaire.version, r.category)};
        QString text;
        bool found = false;
        for (const Questionnaire::RejectionReason &reason : category->rejectionReasons) {
            if (reason.code == r.code) {
                text = reason.text;
                found = true;
            }
        }
        if (!found)
            return Error{tr("Reason %1 is not one of category %2 in questionnaire %3").arg(r.code, r.category, questionnaire.version)};
        v.reasons.append({r.category, category->title, r.code, text, r.note});
    }

    // Internal: in the questionnaire's order, then keys it does not know.
    QSet<QString> seenTicks;
    QSet<QString> seenNotes;
    auto addNote = [&](const QString &key, const QString &about) {
        const auto it = verdict.notes.constFind(key);
        if (it != verdict.notes.constEnd() && !it->isEmpty()) {
            v.notes.append({key, about, *it});
            seenNotes.insert(key);
        }
    };
    for (const Questionnaire::Category &category : questionnaire.categories) {
        addNote(category.key, category.title);
        for (const Questionnaire::ChecklistItem &item : category.checklist) {
            const auto tick = verdict.checklist.constFind(item.key);
            if (tick != verdict.checklist.constEnd()) {
                v.checklist.append({item.key, item.text, *tick});
                seenTicks.insert(item.key);
            }
            addNote(item.key, item.text);
        }
    }
    for (auto it = verdict.checklist.constBegin(); it != verdict.checklist.constEnd(); ++it) {
        if (!seenTicks.contains(it.key()))
            v.checklist.append({it.key(), it.key(), it.value()});
    }
    for (auto it = verdict.notes.constBegin(); it != verdict.notes.constEnd(); ++it) {
        if (!seenNotes.contains(it.key()) && !it.value().isEmpty())
            v.notes.append({it.key(), it.key(), it.value()});
    }
    return v;
}

QString PartnerView::partnerText() const
{
    if (!partnerNotified)
        return tr("The partner receives nothing: the submission goes back to the review stage.");
    if (badge)
        return tr("The partner receives the Security Badge, valid for one year. Nothing else is sent.");
    QString out = tr("The submission is rejected.") + u'\n';
    if (!partnerSummary.isEmpty())
        out += u'\n' + tr("Summary:") + u'\n' + partnerSummary + u'\n';
    out += u'\n' + tr("Reasons:") + u'\n';
    for (const Reason &r : reasons) {
        out += QStringLiteral("- ") + r.categoryTitle + QStringLiteral(": ") + r.text + u'\n';
        if (!r.note.isEmpty())
            out += QStringLiteral("  ") + r.note + u'\n';
    }
    return out;
}

QString PartnerView::partnerHtml() const
{
    if (!partnerNotified || badge)
        return paragraph(partnerText());
    QString html = paragraph(tr("The submission is rejected."));
    if (!partnerSummary.isEmpty())
        html += QLatin1String("<h4>") + tr("Summary").toHtmlEscaped() + QLatin1String("</h4>") + paragraph(partnerSummary);
    html += QLatin1String("<h4>") + tr("Reasons").toHtmlEscaped() + QLatin1String("</h4><ul>");
    for (const Reason &r : reasons) {
        html += QLatin1String("<li><b>") + r.categoryTitle.toHtmlEscaped() + QLatin1String(":</b> ") + r.text.toHtmlEscaped();
        if (!r.note.isEmpty())
            html += paragraph(r.note);
        html += QLatin1String("</li>");
    }
    return html + QLatin1String("</ul>");
}

QString PartnerView::internalText() const
{
    QString out;
    if (!internalSummary.isEmpty())
        out += tr("Summary (internal):") + u'\n' + internalSummary + u"\n\n";
    out += tr("Checklist:") + u'\n';
    for (const ChecklistLine &c : checklist)
        out += (c.checked ? QStringLiteral("[x] ") : QStringLiteral("[ ] ")) + c.text + u'\n';
    if (!notes.isEmpty()) {
        out += u'\n' + tr("Notes:") + u'\n';
        for (const NoteLine &n : notes)
            out += QStringLiteral("- ") + n.about + QStringLiteral(": ") + n.note + u'\n';
    }
    return out;
}

QString PartnerView::internalHtml() const
{
    QString html;
    if (!internalSummary.isEmpty())
        html += QLatin1String("<h4>") + tr("Summary (internal)").toHtmlEscaped() + QLatin1String("</h4>") + paragraph(internalSummary);
    html += QLatin1String("<h4>") + tr("Checklist").toHtmlEscaped() + QLatin1String("</h4><ul>");
    for (const ChecklistLine &c : checklist) {
        html += QLatin1String("<li>") + (c.checked ? tr("Ticked") : tr("Not ticked")).toHtmlEscaped() + QLatin1String(": ")
              + c.text.toHtmlEscaped() + QLatin1String("</li>");
    }
    html += QLatin1String("</ul>");
    if (!notes.isEmpty()) {
        html += QLatin1String("<h4>") + tr("Notes").toHtmlEscaped() + QLatin1String("</h4><ul>");
        for (const NoteLine &n : notes)
            html += QLatin1String("<li><b>") + n.about.toHtmlEscaped() + QLatin1String(":</b> ") + n.note.toHtmlEscaped() + QLatin1String("</li>");
        html += QLatin1String("</ul>");
    }
    return html;
}

} // namespace assay
