#pragma once

#include "domain/SubmissionSummary.h"

#include <QString>
#include <QVariantList>

class QSqlQuery;

namespace assay {

// How a SubmissionSummary maps to the columns of a `submissions` table. The
// cache and the reference server's store use the same column names, so they
// share this one mapping.
class SubmissionRow
{
public:
    // The summary's columns, comma-separated, in the order read() expects.
    static QString columns();
    static constexpr int ColumnCount = 15;
    // Reads a summary from `q`, starting at column `first`.
    static SubmissionSummary read(const QSqlQuery &q, int first = 0);
    // The summary's values in columns() order; null QStrings are SQL NULL.
    static QVariantList values(const SubmissionSummary &s);
    // Binds the summary's values in columns() order (addBindValue).
    static void bind(QSqlQuery &q, const SubmissionSummary &s);
    // A null QString binds as SQL NULL: NOT NULL text columns take this.
    static QString notNull(const QString &s) { return s.isNull() ? QStringLiteral("") : s; }
};

} // namespace assay
