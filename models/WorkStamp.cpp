#include "models/WorkStamp.h"

#include "domain/Questionnaire.h"
#include "domain/Submission.h"

#include <QCryptographicHash>
#include <QHash>

namespace assay {

QString WorkStamp::basisOf(const Submission &submission, const Questionnaire &questionnaire, const QString &categoryKey)
{
    const Questionnaire::Category *category = questionnaire.category(categoryKey);
    if (!category)
        return {};
    QHash<QString, const Answer *> answers;
    for (const Answer &a : submission.answers)
        answers.insert(a.questionKey, &a);
    QHash<QString, QString> shaOf;
    for (const EvidenceItem &e : submission.evidence)
        shaOf.insert(e.id, e.sha256);
    // Each part is length-prefixed, so no two different contents digest the
    // same text.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const auto add = [&hash](const QString &part) {
        const QByteArray bytes = part.toUtf8();
        hash.addData(QByteArray(QByteArray::number(bytes.size()) + ':'));
        hash.addData(bytes);
    };
    for (const Questionnaire::Question &question : category->questions) {
        add(question.key);
        const Answer *a = answers.value(question.key);
        if (!a) {
            add(QStringLiteral("-"));
            continue;
        }
        add(a->text);
        for (const QString &id : a->evidenceIds)
            add(shaOf.value(id, id));
    }
    return QString::fromLatin1(hash.result().toHex());
}

WorkStamp WorkStamp::of(const Submission &submission, const Questionnaire &questionnaire, const QString &categoryKey)
{
    return {submission.summary.version, basisOf(submission, questionnaire, categoryKey)};
}

} // namespace assay
