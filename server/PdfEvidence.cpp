#include "server/PdfEvidence.h"

#include "server/PdfEvidenceLayout.h"

#include <QBuffer>
#include <QJsonArray>
#include <QPageLayout>
#include <QPdfWriter>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace assay::server {

GeneratedEvidence PdfEvidence::make(EvidenceContext &c)
{
    using Block = PdfEvidenceLayout::Block;
    requireGuiApplication();
    const QJsonObject all = evidenceJson(u"pdf/documents.json"_s);
    const QJsonObject d = all.value(u"documents"_s).toArray().at(c.cat).toObject();
    const QJsonObject common = all.value(u"common"_s).toObject();
    auto field = [&](const QJsonObject &o, const QString &key) { return o.value(key).toString(); };
    auto text = [&](const QString &s) { return QString(s).replace(u"{app}"_s, c.app).replace(u"{partner}"_s, c.partner); };
    auto table = [](const QString &title, const QStringList &header, const QList<QStringList> &rows) {
        return Block{Block::Table, title, {}, header, rows};
    };
    auto rowsOf = [](const QJsonValue &v) {
        QList<QStringList> rows;
        for (const QJsonValue &row : v.toArray())
            rows.append(evidenceStrings(row));
        return rows;
    };
    const int pagesWanted = 2 + int(c.variant % 3);
    const QDate effective = c.date(120);
    const QString owner = c.person(), approver = c.person();

    const QStringList header = evidenceStrings(d.value(u"header"_s));
    const QList<QStringList> rows = rowsOf(d.value(u"rows"_s));
    const QStringList changes = evidenceStrings(common.value(u"changes"_s));
    QList<QStringList> history;
    for (int i = 0, n = 2 + int(c.variant % 4); i < n; ++i)
        history.append(QStringList{u"%1.%2"_s.arg(1 + i / 2).arg(i % 2), effective.addMonths(i - n + 1).toString(Qt::ISODate), c.person(),
                                   i == 0 ? field(common, u"first_change"_s) : c.pick(changes)});
    const QString version = history.last().first();
    const QString title = text(field(d, u"title"_s)), docId = field(d, u"doc_id"_s);

    QList<Block> blocks;
    blocks.append({Block::Title, title,
                   expandPlaceholders(field(common, u"title_sub"_s), {{u"PARTNER", c.partner}, {u"APP", c.app}, {u"DOC_ID", docId},
                                                                      {u"VERSION", version}, {u"DATE", effective.toString(Qt::ISODate)}}),
                   {}, {}});
    blocks.append(table(field(common, u"control_title"_s), evidenceStrings(common.value(u"control_header"_s)),
                        {{owner, approver, version, effective.addYears(1).toString(Qt::ISODate)}}));
    blocks.append({Block::Heading, field(common, u"purpose_heading"_s), {}, {}, {}});
    blocks.append({Block::Para, text(field(d, u"purpose"_s)), {}, {}, {}});
    blocks.append({Block::Heading, field(common, u"scope_heading"_s), {}, {}, {}});
    blocks.append({Block::Para, text(field(common, u"scope"_s)), {}, {}, {}});
    blocks.append({Block::Heading, field(common, u"h1_prefix"_s) + text(field(d, u"h1"_s)), {}, {}, {}});
    blocks.append({Block::Para, text(field(d, u"p1"_s)), {}, {}, {}});
    // Two-page documents fill page one further; longer ones break earlier.
    if (pagesWanted >= 3)
        blocks.append({Block::Break, {}, {}, {}, {}});
    blocks.append({Block::Heading, field(common, u"h2_prefix"_s) + text(field(d, u"h2"_s)), {}, {}, {}});
    blocks.append({Block::Para, text(field(d, u"p2"_s)), {}, {}, {}});
    if (pagesWanted == 2)
        blocks.append({Block::Break, {}, {}, {}, {}});
    blocks.append(table(text(field(d, u"table_title"_s)), header, rows));
    blocks.append({Block::Heading, field(common, u"roles_heading"_s), {}, {}, {}});
    blocks.append({Block::Para, text(field(common, u"roles"_s)), {}, {}, {}});
    if (pagesWanted >= 3)
        blocks.append({Block::Break, {}, {}, {}, {}});
    blocks.append({Block::Heading, field(common, u"exceptions_heading"_s), {}, {}, {}});
    blocks.append({Block::Para, field(common, u"exceptions"_s), {}, {}, {}});
    if (pagesWanted >= 3)
        blocks.append(table(field(common, u"history_title"_s), evidenceStrings(common.value(u"history_header"_s)), history));
    blocks.append({Block::Para,
                   expandPlaceholders(field(common, u"approved"_s),
                                      {{u"APPROVER", approver}, {u"PARTNER", c.partner}, {u"DATE", effective.toString(Qt::ISODate)}}),
                   {}, {}, {}});
    if (pagesWanted >= 4) {
        blocks.append({Block::Break, {}, {}, {}, {}});
        blocks.append({Block::Heading, field(common, u"glossary_heading"_s), {}, {}, {}});
        blocks.append(table(field(common, u"glossary_title"_s), evidenceStrings(common.value(u"glossary_header"_s)),
                            rowsOf(common.value(u"glossary"_s))));
        blocks.append({Block::Heading, field(common, u"related_heading"_s), {}, {}, {}});
        blocks.append({Block::Para, field(common, u"related"_s), {}, {}, {}});
    }

    const QString docTitle = expandPlaceholders(field(common, u"document_title"_s), {{u"TITLE", title}, {u"APP", c.app}});
    const QString creator = expandPlaceholders(field(common, u"creator"_s), {{u"PARTNER", c.partner}});
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(18, 14, 18, 14), QPageLayout::Millimeter);
        writer.setResolution(144);
        writer.setTitle(docTitle);
        writer.setCreator(creator);
        // A random document ID and Qt's own XMP packet (with the wall-clock
        // time in it) would make every run differ; supply both.
        writer.setDocumentId(QUuid::createUuidV5(
            QUuid(u"6f1c0d52-8a54-4d43-9d8e-5a0f3b7e2c11"_s),
            (EvidenceContext::categoryKeys[c.cat].toString() + c.app + c.partner + QString::number(c.variant)).toUtf8()));
        writer.setDocumentXmpMetadata(
            expandPlaceholders(evidenceText(u"pdf/xmp.xml"_s), {{u"TITLE", docTitle.toHtmlEscaped()}, {u"CREATOR", creator.toHtmlEscaped()}})
                .toUtf8());
        PdfEvidenceLayout layout(writer, expandPlaceholders(field(common, u"page_header"_s), {{u"PARTNER", c.partner}, {u"TITLE", title}}),
                                 expandPlaceholders(field(common, u"page_footer"_s),
                                                    {{u"APP", c.app}, {u"DOC_ID", docId}, {u"VERSION", version}}));
        layout.compose(blocks);
    }
    return {field(d, u"file"_s) + u".pdf"_s, u"application/pdf"_s, pinDates(buffer.data())};
}

QByteArray PdfEvidence::pinDates(const QByteArray &in)
{
    static const QByteArray fixed = QByteArrayLiteral("(D:20261001090000Z)");
    QByteArray out;
    out.reserve(in.size());
    QList<std::pair<qsizetype, qsizetype>> shifts; // (old offset where it applies, cumulative delta)
    qsizetype pos = 0, delta = 0;
    for (;;) {
        qsizetype a = in.indexOf("/CreationDate (", pos), b = in.indexOf("/ModDate (", pos);
        const qsizetype key = a < 0 ? b : (b < 0 ? a : qMin(a, b));
        if (key < 0)
            break;
        const qsizetype open = in.indexOf('(', key), close = in.indexOf(')', open);
        if (close < 0)
            break;
        out += in.mid(pos, open - pos);
        out += fixed;
        delta += fixed.size() - (close + 1 - open);
        shifts.append({close + 1, delta});
        pos = close + 1;
    }
    out += in.mid(pos);
    if (shifts.isEmpty() || shifts.last().second == 0)
        return out;

    auto moved = [&](qsizetype offset) {
        qsizetype d = 0;
        for (const auto &[at, cumulative] : shifts)
            if (offset >= at)
                d = cumulative;
        return offset + d;
    };
    const qsizetype sx = out.lastIndexOf("startxref");
    if (sx < 0)
        return out;
    qsizetype numStart = sx + 9;
    while (numStart < out.size() && (out.at(numStart) == '\n' || out.at(numStart) == '\r' || out.at(numStart) == ' '))
        ++numStart;
    qsizetype numEnd = numStart;
    while (numEnd < out.size() && out.at(numEnd) >= '0' && out.at(numEnd) <= '9')
        ++numEnd;
    const qsizetype xref = moved(out.mid(numStart, numEnd - numStart).toLongLong());
    out.replace(numStart, numEnd - numStart, QByteArray::number(xref));
    if (out.mid(xref, 4) != "xref")
        return out;
    // Classic table: subsection headers "first count", then 20-byte entries.
    qsizetype p = out.indexOf('\n', xref) + 1;
    while (p > 0 && p < out.size() && out.at(p) >= '0' && out.at(p) <= '9') {
        const qsizetype eol = out.indexOf('\n', p);
        const QList<QByteArray> head = out.mid(p, eol - p).trimmed().split(' ');
        if (head.size() != 2)
            break;
        p = eol + 1;
        for (qsizetype i = 0, n = head.at(1).toLongLong(); i < n && p + 20 <= out.size(); ++i, p += 20) {
            if (out.at(p + 17) != 'n')
                continue;
            const QByteArray offset = QByteArray::number(moved(out.mid(p, 10).toLongLong())).rightJustified(10, '0');
            out.replace(p, 10, offset);
        }
    }
    return out;
}

} // namespace assay::server
