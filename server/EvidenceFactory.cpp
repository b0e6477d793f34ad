#include "server/EvidenceFactory.h"

#include "server/ConfigEvidence.h"
#include "server/EvidenceContext.h"
#include "server/HtmlReportEvidence.h"
#include "server/LogEvidence.h"
#include "server/PdfEvidence.h"
#include "server/PngEvidence.h"
#include "server/SourceCodeEvidence.h"

using namespace Qt::StringLiterals;

namespace assay::server {

namespace {

// Names a client must never use as a path, in a cycle over variants, kinds
// and topics.
QString hostileFilename(const EvidenceContext &c, const QString &normal)
{
    const QString ext = normal.mid(normal.lastIndexOf(u'.'));
    switch ((c.variant / 5 + quint32(c.kind) + quint32(c.cat)) % 9) {
    case 0: return u"../../../../etc/passwd"_s;
    case 1: return u"..\\..\\Windows\\System32\\evil.dll"_s;
    case 2: return u"report<script>alert(1)</script>.html"_s;
    case 3: return u"invoice\u202Efdp.exe"_s;
    case 4: return u"-rf --no-preserve-root.log"_s;
    case 5: {
        QString name = u"security-evidence-"_s;
        while (name.size() < 300 - ext.size())
            name += u"very-long-partner-supplied-name-"_s;
        return name.left(300 - ext.size()) + ext;
    }
    case 6: return u"CON.txt"_s;
    case 7: return u"evidence\n"_s + normal;
    default: return u" "_s;
    }
}

} // namespace

GeneratedEvidence EvidenceFactory::make(Kind kind, const QString &categoryKey, const QString &appName,
                                        const QString &partnerName, quint32 variant)
{
    EvidenceContext c = EvidenceContext::make(kind, categoryKey, appName, partnerName, variant);
    GeneratedEvidence e;
    switch (kind) {
    case Kind::HtmlReport:
        e = HtmlReportEvidence::make(c);
        break;
    case Kind::Pdf:
        e = PdfEvidence::make(c);
        break;
    case Kind::Png:
        e = PngEvidence::make(c);
        break;
    case Kind::SourceCode:
        e = SourceCodeEvidence::make(c);
        break;
    case Kind::Config:
        e = ConfigEvidence::make(c);
        break;
    case Kind::Log:
        e = LogEvidence::make(c);
        break;
    }
    if (variant % 5 == 4)
        e.filename = hostileFilename(c, e.filename);
    return e;
}

} // namespace assay::server
