#include "models/ReviewBasis.h"

#include <QCryptographicHash>
#include <QtEndian>

#include <algorithm>

namespace assay {

namespace {

// Length-prefixed, so no two different inputs run together the same way.
void feed(QCryptographicHash &hash, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    // Big-endian: the digest is stored in the cache and must not depend on the machine.
    const quint64 size = qToBigEndian(quint64(utf8.size()));
    hash.addData(QByteArrayView(reinterpret_cast<const char *>(&size), sizeof size));
    hash.addData(utf8);
}

QString basisOf(const Questionnaire::Category &category, const Submission &submission)
{
    QHash<QString, const Answer *> answers;
    for (const Answer &a : submission.answers)
        answers.insert(a.questionKey, &a);
    QHash<QString, QString> shaById;
    for (const EvidenceItem &e : submission.evidence)
        shaById.insert(e.id, e.sha256);

    QCryptographicHash hash(QCryptographicHash::Sha256);
    feed(hash, category.key);
    for (const Questionnaire::Question &q : category.questions) {
        feed(hash, q.key);
        const Answer *a = answers.value(q.key);
        if (!a) {
            feed(hash, QStringLiteral("-")); // unanswered differs from answered empty
            continue;
        }
        feed(hash, QStringLiteral("+"));
        feed(hash, a->text);
        QStringList shas;
        for (const QString &id : a->evidenceIds)
            shas.append(shaById.value(id, QStringLiteral("missing:") + id));
        std::sort(shas.begin(), shas.end());
        feed(hash, QString::number(shas.size()));
        for (const QString &sha : shas)
            feed(hash, sha);
    }
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace

QString ReviewBasis::of(const Questionnaire &questionnaire, const Submission &submission, const QString &categoryKey)
{
    const Questionnaire::Category *category = questionnaire.category(categoryKey);
    return category ? basisOf(*category, submission) : QString();
}

QHash<QString, QString> ReviewBasis::ofAll(const Questionnaire &questionnaire, const Submission &submission)
{
    QHash<QString, QString> out;
    for (const Questionnaire::Category &category : questionnaire.categories)
        out.insert(category.key, basisOf(category, submission));
    return out;
}

} // namespace assay
