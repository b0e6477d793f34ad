#include "server/ApiRoute.h"

#include <QRegularExpression>

namespace assay::server {

QString ApiRoute::pattern() const
{
    static const QRegularExpression variable(QStringLiteral("\\{[A-Za-z_]+\\}"));
    return QStringLiteral("/api/v1") + QString(path).replace(variable, QStringLiteral("<arg>"));
}

} // namespace assay::server
