#include "domain/Questionnaire.h"

#include "domain/JsonReader.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace assay {

namespace {
const QString ResourceDir = QStringLiteral(":/assay/questionnaire");

template<typename T, typename Fn>
QList<T> readList(JsonReader &r, const QString &key, Fn &&readOne)
{
    const QJsonArray a = r.array(key, 1000);
    QList<T> out;
    for (qsizetype i = 0; r.ok() && i < a.size(); ++i) {
        const QString name = key + QStringLiteral("[%1]").arg(i);
        if (!a.at(i).isObject()) {
            r.fail(name, QStringLiteral("expected an object"));
            break;
        }
        JsonReader item = r.nested(a.at(i).toObject(), name);
        out.append(readOne(item));
        r.adopt(item);
    }
    return out;
}
} // namespace

QStringList Questionnaire::categoryKeys()
{
    return {QStringLiteral("data_segregation"),         QStringLiteral("security_patches"),
            QStringLiteral("breach_response"),          QStringLiteral("csrf_protection"),
            QStringLiteral("xss_sanitization"),         QStringLiteral("customer_data_protection"),
            QStringLiteral("employee_mfa"),             QStringLiteral("secrets_and_pii_storage"),
            QStringLiteral("mass_assignment"),          QStringLiteral("trusted_redirects")};
}

const Questionnaire::Category *Questionnaire::category(const QString &key) const
{
    for (const Category &c : categories) {
        if (c.key == key)
            return &c;
    }
    return nullptr;
}

const Questionnaire::Question *Questionnaire::question(const QString &key) const
{
    for (const Category &c : categories) {
        for (const Question &q : c.questions) {
            if (q.key == key)
                return &q;
        }
    }
    return nullptr;
}

const Questionnaire::Category *Questionnaire::categoryOfQuestion(const QString &questionKey) const
{
    for (const Category &c : categories) {
        for (const Question &q : c.questions) {
            if (q.key == questionKey)
                return &c;
        }
    }
    return nullptr;
}

const Questionnaire::Category *Questionnaire::categoryOfChecklistItem(const QString &itemKey) const
{
    for (const Category &c : categories) {
        for (const ChecklistItem &i : c.checklist) {
            if (i.key == itemKey)
                return &c;
        }
    }
    return nullptr;
}

const Questionnaire::ChecklistItem *Questionnaire::checklistItem(const QString &key) const
{
    for (const Category &c : categories) {
        for (const ChecklistItem &i : c.checklist) {
            if (i.key == key)
                return &i;
        }
    }
    return nullptr;
}

bool Questionnaire::hasReason(const QString &categoryKey, const QString &code) const
{
    const Category *c = category(categoryKey);
    if (!c)
        return false;
    for (const RejectionReason &r : c->rejectionReasons) {
        if (r.code == code)
            return true;
    }
    return false;
}

QStringList Questionnaire::requiredChecklistKeys() const
{
    QStringList keys;
    for (const Category &c : categories) {
        for (const ChecklistItem &i : c.checklist) {
            if (i.required)
                keys.append(i.key);
        }
    }
    return keys;
}

QStringList Questionnaire::questionKeys() const
{
    QStringList keys;
    for (const Category &c : categories) {
        for (const Question &q : c.questions)
            keys.append(q.key);
    }
    return keys;
}

QString Questionnaire::validate() const
{
    if (version.isEmpty())
        return QStringLiteral("no version");
    const QStringList expected = categoryKeys();
    if (categories.size() != expected.size())
        return QStringLiteral("%1 categories, expected %2").arg(categories.size()).arg(expected.size());
    QSet<QString> keys;
    auto unique = [&keys](const QString &k) {
        if (k.isEmpty() || keys.contains(k))
            return false;
        keys.insert(k);
        return true;
    };
    for (qsizetype i = 0; i < categories.size(); ++i) {
        const Category &c = categories.at(i);
        if (c.key != expected.at(i))
            return QStringLiteral("category %1 is \"%2\", expected \"%3\"").arg(i).arg(c.key, expected.at(i));
        if (c.title.isEmpty())
            return QStringLiteral("category %1 has no title").arg(c.key);
        if (c.questions.isEmpty() || c.checklist.isEmpty() || c.rejectionReasons.isEmpty())
            return QStringLiteral("category %1 lacks questions, checklist or rejection reasons").arg(c.key);
        for (const Question &q : c.questions) {
            if (!unique(q.key))
                return QStringLiteral("question key \"%1\" empty or not unique").arg(q.key);
            if (q.text.trimmed().isEmpty())
                return QStringLiteral("question %1 has no text").arg(q.key);
        }
        for (const ChecklistItem &item : c.checklist) {
            if (!unique(item.key))
                return QStringLiteral("checklist key \"%1\" empty or not unique").arg(item.key);
            if (item.text.trimmed().isEmpty())
                return QStringLiteral("checklist item %1 has no text").arg(item.key);
        }
        for (const RejectionReason &r : c.rejectionReasons) {
            if (!unique(r.code))
                return QStringLiteral("reason code \"%1\" empty or not unique").arg(r.code);
            if (r.text.trimmed().isEmpty())
                return QStringLiteral("reason %1 has no text").arg(r.code);
        }
        // After the codes: an item's reason codes must name its own category's.
        for (const ChecklistItem &item : c.checklist) {
            for (const QString &code : item.reasonCodes) {
                if (!hasReason(c.key, code))
                    return QStringLiteral("checklist item %1 names \"%2\", not a reason of %3").arg(item.key, code, c.key);
            }
        }
    }
    return {};
}

QJsonObject Questionnaire::toJson() const
{
    QJsonArray cats;
    for (const Category &c : categories) {
        QJsonArray qs, cl, rs;
        for (const Question &q : c.questions) {
            qs.append(QJsonObject{{QStringLiteral("key"), q.key},
                                  {QStringLiteral("text"), q.text},
                                  {QStringLiteral("guidance"), q.guidance},
                                  {QStringLiteral("evidence_required"), q.evidenceRequired}});
        }
        for (const ChecklistItem &i : c.checklist) {
            cl.append(QJsonObject{{QStringLiteral("key"), i.key},
                                  {QStringLiteral("text"), i.text},
                                  {QStringLiteral("required"), i.required},
                                  {QStringLiteral("reason_codes"), QJsonArray::fromStringList(i.reasonCodes)}});
        }
        for (const RejectionReason &r : c.rejectionReasons)
            rs.append(QJsonObject{{QStringLiteral("code"), r.code}, {QStringLiteral("text"), r.text}});
        cats.append(QJsonObject{{QStringLiteral("key"), c.key},
                                {QStringLiteral("title"), c.title},
                                {QStringLiteral("description"), c.description},
                                {QStringLiteral("questions"), qs},
                                {QStringLiteral("checklist"), cl},
                                {QStringLiteral("rejection_reasons"), rs}});
    }
    return QJsonObject{{QStringLiteral("version"), version},
                       {QStringLiteral("title"), title},
                       {QStringLiteral("categories"), cats}};
}

Questionnaire Questionnaire::fromJson(JsonReader &r)
{
    Questionnaire q;
    q.version = r.string(QStringLiteral("version"), 32);
    q.title = r.optionalString(QStringLiteral("title"), 256);
    q.categories = readList<Category>(r, QStringLiteral("categories"), [](JsonReader &cr) {
        Category c;
        c.key = cr.string(QStringLiteral("key"), 64);
        c.title = cr.string(QStringLiteral("title"), 256);
        c.description = cr.optionalString(QStringLiteral("description"), 4000);
        c.questions = readList<Question>(cr, QStringLiteral("questions"), [](JsonReader &qr) {
            Question x;
            x.key = qr.string(QStringLiteral("key"), 64);
            x.text = qr.string(QStringLiteral("text"), 4000);
            x.guidance = qr.optionalString(QStringLiteral("guidance"), 4000);
            x.evidenceRequired = qr.boolean(QStringLiteral("evidence_required"));
            return x;
        });
        c.checklist = readList<ChecklistItem>(cr, QStringLiteral("checklist"), [](JsonReader &ir) {
            ChecklistItem x;
            x.key = ir.string(QStringLiteral("key"), 64);
            x.text = ir.string(QStringLiteral("text"), 4000);
            x.required = ir.boolean(QStringLiteral("required"));
            // Additive in 2026.1: a questionnaire without it is still sound.
            if (ir.has(QStringLiteral("reason_codes")))
                x.reasonCodes = ir.stringList(QStringLiteral("reason_codes"), 32, 64);
            return x;
        });
        c.rejectionReasons = readList<RejectionReason>(cr, QStringLiteral("rejection_reasons"), [](JsonReader &rr) {
            RejectionReason x;
            x.code = rr.string(QStringLiteral("code"), 64);
            x.text = rr.string(QStringLiteral("text"), 4000);
            return x;
        });
        return c;
    });
    return q;
}

QStringList Questionnaire::builtinVersions()
{
    QStringList versions;
    const QStringList files = QDir(ResourceDir).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &f : files)
        versions.append(f.chopped(5));
    return versions;
}

std::optional<Questionnaire> Questionnaire::builtin(const QString &version, QString *error)
{
    auto failWith = [error](const QString &message) -> std::optional<Questionnaire> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (!builtinVersions().contains(version))
        return failWith(QStringLiteral("no questionnaire %1 is shipped").arg(version));
    QFile file(ResourceDir + QLatin1Char('/') + version + QStringLiteral(".json"));
    if (!file.open(QIODevice::ReadOnly))
        return failWith(file.errorString());
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject())
        return failWith(QStringLiteral("questionnaire %1: %2").arg(version, parseError.errorString()));
    JsonReader reader(doc.object());
    Questionnaire q = fromJson(reader);
    if (!reader.ok())
        return failWith(QStringLiteral("questionnaire %1: %2").arg(version, reader.error()));
    if (const QString problem = q.validate(); !problem.isEmpty())
        return failWith(QStringLiteral("questionnaire %1: %2").arg(version, problem));
    if (q.version != version)
        return failWith(QStringLiteral("questionnaire file %1 says version %2").arg(version, q.version));
    return q;
}

} // namespace assay
