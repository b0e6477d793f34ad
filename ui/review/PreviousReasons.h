#pragma once

#include "domain/Result.h"

#include <QGroupBox>
#include <QHash>

#include <functional>

class QVBoxLayout;

namespace assay {

struct ReviewContext;

// A resubmission's reminder of why the previous submission was rejected:
// the previous rejection's reasons of the category in view, beside its
// answers, each with an "addressed?" mark the reviewer sets. Marks are
// written through the owner's function (the cache) and show only once
// written.
class PreviousReasons : public QGroupBox
{
    Q_OBJECT

public:
    // reasonKey is "category:code".
    using MarkWriter = std::function<Result<>(const QString &reasonKey, bool addressed)>;

    explicit PreviousReasons(MarkWriter write, QWidget *parent = nullptr);

    // Shows the reasons of `categoryKey`; hides itself when there are none.
    void showCategory(const ReviewContext *context, const QString &categoryKey);
    int reasonCount() const { return m_count; }
    static QString reasonKey(const QString &category, const QString &code);

Q_SIGNALS:
    void writeFailed(const QString &message);

private:
    MarkWriter m_write;
    QVBoxLayout *m_rows;
    int m_count = 0;
};

} // namespace assay
