#pragma once

#include <QByteArray>
#include <QString>

namespace assay::server {

struct GeneratedEvidence
{
    QString filename;
    QString mediaType;
    QByteArray content;
};

// Makes the demo evidence files partners attach: deterministic (the same
// arguments give the same bytes, byte for byte, on every run and machine).
//
// Two kinds lean on fonts: Pdf embeds a subset of the application font and
// Png rasterizes it, so their bytes are stable for one machine, Qt version
// and application font, not across machines with other fonts. Both need a
// QGuiApplication (QT_QPA_PLATFORM=offscreen is enough); the other kinds
// need only QtCore. make() keeps no state between calls.
//
// One source file per kind (HtmlReportEvidence, PdfEvidence, PngEvidence,
// SourceCodeEvidence, ConfigEvidence, LogEvidence); their texts are files
// under resources/demo/evidence/, compiled in. tst_evidencefactory holds
// the digests of a sweep over every kind: a change to a template changes
// evidence that is content-addressed, so it is a deliberate one.
//
// The demo is also a test bed for the client's hostile-content handling:
// every third HtmlReport (variant % 3 == 0) carries scripts, remote loads,
// forms and handlers aimed at 127.0.0.1:9, and every fifth item
// (variant % 5 == 4) has a filename no client may use as a path. The media
// type always tells the truth about the content.
class EvidenceFactory
{
public:
    enum class Kind { HtmlReport, Pdf, Png, SourceCode, Config, Log };

    // Part of the key of the evidence the demo keeps between runs
    // (EvidenceCache): raise it with any change to the bytes make() gives,
    // or demos keep showing what the generators made before.
    static constexpr int GeneratorVersion = 1;

    // categoryKey is one of the ten questionnaire topics (data_segregation,
    // security_patches, ...); an unknown key is mapped onto one of them.
    static GeneratedEvidence make(Kind kind, const QString &categoryKey, const QString &appName,
                                  const QString &partnerName, quint32 variant);
};

} // namespace assay::server
