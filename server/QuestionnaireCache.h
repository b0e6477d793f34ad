#pragma once

#include "domain/Questionnaire.h"

#include <QHash>
#include <QString>

namespace assay::server {

// The shipped questionnaires, each read and checked once: the questionnaire
// route serves them and every verdict is checked against its submission's.
class QuestionnaireCache
{
public:
    // nullptr for a version that is not shipped.
    const Questionnaire *find(const QString &version);

private:
    QHash<QString, Questionnaire> m_loaded;
};

} // namespace assay::server
