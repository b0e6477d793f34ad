#pragma once

#include <QSortFilterProxyModel>

#include <functional>

namespace assay {

// Find in the review tree: keeps the questions whose text or answer holds
// the words typed (and their categories). What a row's searchable text is
// comes from the owner, who holds the answers.
class QuestionFindFilter : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    using TextOf = std::function<QString(const QModelIndex &sourceIndex)>;

    explicit QuestionFindFilter(TextOf textOf, QObject *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    TextOf m_textOf;
    QString m_text;
};

} // namespace assay
