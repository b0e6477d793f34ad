#pragma once

#include <QStyledItemDelegate>

#include <functional>

namespace assay {

// Draws the review models' rows as the screen wants them without changing
// the models: the text of a row is made from its roles (a category with its
// progress, a checklist item with its recheck flag, a comment with its kind
// and author), and a row can be set in bold (what is new).
class ReviewItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using TextFunction = std::function<QString(const QModelIndex &)>;
    using EmphasisFunction = std::function<bool(const QModelIndex &)>;

    explicit ReviewItemDelegate(TextFunction text, EmphasisFunction emphasis = {}, QObject *parent = nullptr);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    TextFunction m_text;
    EmphasisFunction m_emphasis;
};

} // namespace assay
