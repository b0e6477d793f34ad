#pragma once

#include "server/EvidenceFactory.h"

#include <QString>

#include <optional>

namespace assay::server {

// The demo evidence EvidenceFactory made, kept between runs of the server
// (--seed-cache DIR: in DIR/evidence), so that a server rebuilt since its
// seeded template was kept seeds without drawing 150 MB again:
//
//   blobs/<sha256>     the bytes, named by their digest, checked against it
//                      on every read (a damaged file is made again)
//   recipes/<key>      which digest, name and media type a recipe made
//
// A recipe's key covers everything the bytes depend on: the factory's
// arguments, EvidenceFactory::GeneratorVersion, the Qt version and the
// application font (the PDFs and PNGs draw text). An empty folder is no
// cache: find() finds nothing and keep() keeps nothing.
class EvidenceCache
{
public:
    struct Hit
    {
        GeneratedEvidence evidence;
        QString sha256;
    };

    explicit EvidenceCache(const QString &dir);

    static QString recipe(EvidenceFactory::Kind kind, const QString &categoryKey, const QString &appName,
                          const QString &partnerName, quint32 variant);

    std::optional<Hit> find(const QString &recipe) const;
    // Best effort: a file that cannot be written is made again next time.
    void keep(const QString &recipe, const GeneratedEvidence &evidence, const QString &sha256) const;

private:
    QString recipePath(const QString &recipe) const;

    QString m_dir;
    QString m_generator;
};

} // namespace assay::server
