#include "models/EvidenceType.h"

#include "models/Logging.h"

#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QMimeType>
#include <QXmlStreamReader>

namespace assay {

namespace {

using namespace Qt::StringLiterals;

constexpr qsizetype MaxShownLabel = 100;

bool isHtml(const QString &name)
{
    return name == "text/html"_L1 || name == "application/xhtml+xml"_L1;
}

bool isRasterImage(const QString &name)
{
    return name == "image/png"_L1 || name == "image/jpeg"_L1 || name == "image/gif"_L1 || name == "image/webp"_L1
        || name == "image/bmp"_L1;
}

// What the viewer would render were declared and detected to agree.
bool isRenderable(const QString &name)
{
    return isHtml(name) || name == "image/svg+xml"_L1 || name == "application/pdf"_L1;
}

// The declared media type as a name QMimeDatabase knows: no parameters
// ("; charset=utf-8"), lower case, aliases resolved ("image/jpg" is image/jpeg).
QString canonical(const QMimeDatabase &db, const QString &mediaType)
{
    QString name = mediaType.section(u';', 0, 0).trimmed().toLower();
    if (name.isEmpty())
        return {};
    const QMimeType type = db.mimeTypeForName(name);
    return type.isValid() ? type.name() : name;
}

QString shownAs(EvidenceType::View view, bool renderable)
{
    // Whole sentences are assembled by the caller; these are their ends.
    switch (view) {
    case EvidenceType::View::Text:
        return renderable ? EvidenceType::tr("shown as text, not rendered") : EvidenceType::tr("shown as text");
    case EvidenceType::View::Image:
        return EvidenceType::tr("shown as an image");
    case EvidenceType::View::Hex:
        return renderable ? EvidenceType::tr("shown as hex, not rendered") : EvidenceType::tr("shown as hex");
    case EvidenceType::View::Html:
    case EvidenceType::View::Svg:
    case EvidenceType::View::Pdf:
        break;
    }
    return {};
}

// shared-mime-info sniffs the first bytes for markers: an SVG whose
// <title> or <script> comes early is "text/html" to it, an XHTML page
// "application/xml". For XML the root element says what the document is,
// so it settles those cases — but only to confirm what was declared (an SVG
// declared as HTML stays HTML), or to name XML more precisely. The reader
// never fetches an external entity or DTD.
QString refinedByRootElement(const QString &detected, const QString &declared, const QByteArray &head)
{
    const bool confirmsDeclared = (declared == "image/svg+xml"_L1 || isHtml(declared))
        && (detected == "text/html"_L1 || detected == "application/xml"_L1 || detected == "text/xml"_L1);
    const bool genericXml = detected == "application/xml"_L1 || detected == "text/xml"_L1;
    if (!confirmsDeclared && !genericXml)
        return detected;
    QXmlStreamReader xml(head);
    while (!xml.atEnd() && !xml.hasError()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == "svg"_L1 && xml.namespaceUri() == "http://www.w3.org/2000/svg"_L1
            && (genericXml || declared == "image/svg+xml"_L1))
            return u"image/svg+xml"_s;
        if (xml.name() == "html"_L1 && xml.namespaceUri() == "http://www.w3.org/1999/xhtml"_L1
            && (genericXml || isHtml(declared)))
            return u"application/xhtml+xml"_s;
        return detected;
    }
    return detected;
}

} // namespace

EvidenceType EvidenceType::detect(const QByteArray &head, const QString &declaredMediaType)
{
    const QMimeDatabase db;
    EvidenceType t;
    t.declared = declaredMediaType.trimmed();
    const QString declared = canonical(db, declaredMediaType);
    const QMimeType declaredType = db.mimeTypeForName(declared);

    if (!db.mimeTypeForName(u"text/plain"_s).isValid()) {
        // No shared-mime-info where QStandardPaths looks (XDG_DATA_DIRS):
        // nothing can be identified, so nothing is rendered.
        qCWarning(lcCache, "The MIME database (shared-mime-info) is missing: evidence is shown as hex");
        t.detected = u"application/octet-stream"_s;
        t.detectedComment = tr("unknown");
        t.view = View::Hex;
        t.warning = tr("The MIME database (shared-mime-info) is missing, so the content cannot be identified: "
                       "shown as hex.");
        return t;
    }

    if (head.isEmpty()) {
        // Nothing to render or to run: an empty text is the honest picture.
        const QMimeType empty = db.mimeTypeForData(QByteArray());
        t.detected = empty.name();
        t.detectedComment = empty.comment();
        t.view = View::Text;
        if (!declared.isEmpty() && !(declaredType.isValid() && declaredType.inherits(u"text/plain"_s)))
            t.warning = tr("Declared as %1, but the file is empty.").arg(declared.left(MaxShownLabel));
        return t;
    }

    QMimeType detected = db.mimeTypeForData(head.left(HeadSize));
    if (const QString refined = refinedByRootElement(detected.name(), declared, head.left(HeadSize));
        refined != detected.name())
        detected = db.mimeTypeForName(refined);
    t.detected = detected.name();
    t.detectedComment = detected.comment();
    const bool isText = detected.inherits(u"text/plain"_s);

    // Rendering needs both: the partner said so, and the bytes agree.
    if (isHtml(t.detected) && isHtml(declared))
        t.view = View::Html;
    else if (t.detected == "image/svg+xml"_L1 && declared == "image/svg+xml"_L1)
        t.view = View::Svg;
    else if (t.detected == "application/pdf"_L1 && declared == "application/pdf"_L1)
        t.view = View::Pdf;
    else if (isRasterImage(t.detected))
        t.view = View::Image;
    else if (isText)
        t.view = View::Text;
    else
        t.view = View::Hex;

    const bool rendered = t.view == View::Html || t.view == View::Svg || t.view == View::Pdf;
    // Content sniffing is generic: a declared text/x-python whose bytes look
    // like text/plain (or C, or a shell script) agrees, and a text is shown
    // as text either way. Renderable types must be what the bytes say,
    // though, or the label would decide how the content is opened; and a
    // binary is what it is (a binary named .cpp is said to be one).
    // A "text/…" name the database does not know (text/x-ruby is not in
    // every shared-mime-info) is still a text.
    const bool declaredText = (declaredType.isValid() && declaredType.inherits(u"text/plain"_s))
        || declared.startsWith("text/"_L1);
    const bool agree = declared == t.detected
        || (isText && !isRenderable(t.detected) && !isRenderable(declared) && declaredText);
    if (rendered || agree)
        return t;

    const QString how = shownAs(t.view, isRenderable(t.detected));
    if (declared.isEmpty())
        t.warning = tr("No media type was declared; the content is %1 (%2): %3.").arg(t.detectedComment, t.detected, how);
    else // the canonical name: a partner's label is no place for long text
        t.warning = tr("Declared as %1, but the content is %2 (%3): %4.")
                        .arg(declared.left(MaxShownLabel), t.detectedComment, t.detected, how);
    return t;
}

Result<EvidenceType> EvidenceType::detectFile(const QString &path, const QString &declaredMediaType)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("Cannot read the evidence file: %1").arg(file.errorString())};
    const QByteArray head = file.read(HeadSize);
    if (file.error() != QFileDevice::NoError)
        return Error{tr("Cannot read the evidence file: %1").arg(file.errorString())};
    return detect(head, declaredMediaType);
}

QString EvidenceType::declaredFromFileName(const QString &fileName)
{
    // The name only: the file is not opened, and a partner's name is never a path.
    const QMimeDatabase db;
    const QList<QMimeType> types = db.mimeTypesForFileName(QFileInfo(fileName).fileName());
    return types.isEmpty() ? u"application/octet-stream"_s : types.first().name();
}

} // namespace assay
