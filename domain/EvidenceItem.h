#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace assay {

class JsonReader;

// Metadata of one evidence file, and what the local store holds of it. The
// filename is partner data: shown, never used as a path.
struct EvidenceItem
{
    // Absent: not downloaded (or a partial download); Present: bytes stored
    // and their sha256 verified; Mismatch: downloaded bytes did not match the
    // declared sha256 and were quarantined.
    // Refused: the sync would not take the file (declared over the size
    // limit, more bytes than declared, a range from the wrong offset); it is
    // not asked for again until its content (sha256) changes.
    enum class LocalState { Absent, Present, Mismatch, Refused };

    QString id;
    QString filename;
    QString mediaType;
    qint64 size = 0;
    QString sha256;
    LocalState localState = LocalState::Absent;

    QJsonObject toJson() const;
    static EvidenceItem fromJson(JsonReader &reader);

    static QString localStateName(LocalState s);
    static std::optional<LocalState> localStateFromName(const QString &name);

    friend bool operator==(const EvidenceItem &, const EvidenceItem &) = default;
};

} // namespace assay
