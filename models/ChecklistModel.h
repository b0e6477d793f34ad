#pragma once

#include "domain/Questionnaire.h"
#include "domain/Result.h"
#include "models/WorkStamp.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace assay {

// One category's checklist: each item with its required mark, tick and note.
// A tick or note made on other answers than the category's current ones
// (its stamp's basis differs from the current ReviewBasis) is flagged
// "made on version N — recheck" until it is confirmed or changed.
//
// Writes go through the owner's functions (the cache, in the app): the model
// changes its state only when the write succeeded, and says why it did not
// through writeFailed(). A successful write is stamped with the current
// version and basis, as the owner stores it.
class ChecklistModel : public QAbstractListModel
{
    Q_OBJECT

public:
    // The cache's stamp: version and ReviewBasis. An empty basis means not
    // known (work stored before stamps existed) and is never flagged.
    using Stamp = WorkStamp;
    // What is stored for an item (or, under the category's key, for the
    // category's free note). A stamp is absent for work stored without one.
    struct ItemState
    {
        bool checked = false;
        std::optional<Stamp> tickStamp;
        QString note;
        std::optional<Stamp> noteStamp;
    };
    using TickWriter = std::function<Result<>(const QString &itemKey, bool checked)>;
    // The key is an item's, or the category's for its free note.
    using NoteWriter = std::function<Result<>(const QString &key, const QString &note)>;

    enum Role {
        KeyRole = Qt::UserRole + 1,
        RequiredRole,
        CheckedRole,
        NoteRole,         // read and write
        RecheckRole,      // bool: its tick or note was made on other answers
        RecheckTextRole,  // "made on version N — recheck", or empty
        MadeOnVersionRole,// the version the stale tick or note was made on, or 0
        ReasonCodesRole,  // QStringList
    };

    ChecklistModel(TickWriter writeTick, NoteWriter writeNote, QObject *parent = nullptr);

    // Replaces everything (a model reset). `current` is the submission's
    // version and ReviewBasis::of() of this category; `states` holds items by
    // key and the category's free note under the category's key.
    void setCategory(const Questionnaire &questionnaire, const QString &categoryKey, const Stamp &current,
                     const QHash<QString, ItemState> &states);
    QString categoryKey() const { return m_categoryKey; }

    Result<> setChecked(int row, bool checked);
    Result<> setNote(int row, const QString &note);
    // Looked at again: re-stamps a stale tick and note with the current basis
    // (writing them as they are), which clears the recheck flag.
    Result<> confirm(int row);

    QString categoryNote() const { return m_categoryNote.note; }
    bool categoryNoteNeedsRecheck() const;
    Result<> setCategoryNote(const QString &note);

    int requiredCount() const;
    int requiredTicked() const;
    int rowOf(const QString &itemKey) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    // After a tick was written (so the tree can update its progress).
    void tickChanged(const QString &itemKey, bool checked);
    void writeFailed(const QString &message);

private:
    struct Row
    {
        Questionnaire::ChecklistItem item;
        ItemState state;
    };

    bool stale(const std::optional<Stamp> &stamp) const;
    bool tickStale(const ItemState &s) const;
    bool noteStale(const ItemState &s) const;
    Result<> failed(Result<> r);

    TickWriter m_writeTick;
    NoteWriter m_writeNote;
    QString m_categoryKey;
    Stamp m_current;
    QList<Row> m_rows;
    ItemState m_categoryNote;
};

} // namespace assay
