#include "models/ReasonSuggestions.h"

namespace assay {

QList<ReasonSuggestions::Suggestion> ReasonSuggestions::of(const Questionnaire &questionnaire, const QSet<QString> &ticked)
{
    QList<Suggestion> out;
    for (const Questionnaire::Category &category : questionnaire.categories) {
        const qsizetype firstOfCategory = out.size();
        for (const Questionnaire::ChecklistItem &item : category.checklist) {
            if (!item.required || ticked.contains(item.key))
                continue;
            for (const QString &code : item.reasonCodes) {
                Suggestion *existing = nullptr;
                for (qsizetype i = firstOfCategory; i < out.size(); ++i) {
                    if (out.at(i).code == code)
                        existing = &out[i];
                }
                if (existing) {
                    if (!existing->itemKeys.contains(item.key)) {
                        existing->itemKeys.append(item.key);
                        existing->note += QLatin1Char('\n') + item.text;
                    }
                    continue;
                }
                QString reasonText;
                for (const Questionnaire::RejectionReason &r : category.rejectionReasons) {
                    if (r.code == code)
                        reasonText = r.text;
                }
                out.append({category.key, code, reasonText, {item.key}, item.text});
            }
        }
    }
    return out;
}

} // namespace assay
