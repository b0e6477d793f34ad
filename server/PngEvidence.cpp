#include "server/PngEvidence.h"

#include <QBuffer>
#include <QColor>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QImage>
#include <QJsonArray>
#include <QPainter>

#include <utility>

using namespace Qt::StringLiterals;

namespace assay::server {

namespace {

struct Screen
{
    QString file, product, url, heading, subtitle, tableTitle;
    QStringList nav;
    int activeNav = 0;
    QColor accent;
    QList<std::pair<QString, QString>> settings; // label, "ON" / "OFF" / a value
    QStringList columns;
    QList<QStringList> rows; // a cell "ok:...", "warn:..." or "bad:..." is drawn as a status pill
};

// The screen's labels, settings and pick lists are in png/screens.json; the
// rows are drawn here, from the one generator, in a fixed order.
Screen screenFor(EvidenceContext &c)
{
    const QJsonObject def = evidenceJson(u"png/screens.json"_s).value(u"screens"_s)[EvidenceContext::categoryKeys[c.cat]].toObject();
    const QJsonObject lists = def.value(u"lists"_s).toObject(), cells = def.value(u"cells"_s).toObject();
    auto list = [&](const QString &name) { return evidenceStrings(lists.value(name)); };
    auto cell = [&](const QString &name) { return expandPlaceholders(cells.value(name).toString(), {{u"SLUG", c.slug}}); };
    const QString d0 = c.date().toString(Qt::ISODate);
    auto when = [&] { return c.date(40).addDays(-c.below(20)).toString(Qt::ISODate) + u' ' + QString::number(10 + c.below(13)) + u':' + QString::number(10 + c.below(50)); };
    auto text = [&](const QString &key, const QString &users = {}) {
        return expandPlaceholders(def.value(key).toString(),
                                  {{u"APP", c.app}, {u"SLUG", c.slug}, {u"PSLUG", c.pslug}, {u"DATE", d0}, {u"USERS", users}});
    };

    Screen s;
    s.file = def.value(u"file"_s).toString();
    s.product = text(u"product"_s);
    s.url = text(u"url"_s);
    s.heading = text(u"heading"_s);
    // The one random draw before the rows: the identity provider's user count.
    s.subtitle = text(u"subtitle"_s, def.value(u"subtitle"_s).toString().contains(u"@USERS@"_s) ? QString::number(80 + c.below(400)) : QString());
    s.tableTitle = def.value(u"table_title"_s).toString();
    s.nav = evidenceStrings(def.value(u"nav"_s));
    s.activeNav = def.value(u"active_nav"_s).toInt();
    s.accent = QColor::fromString(def.value(u"accent"_s).toString());
    for (const QJsonValue &setting : def.value(u"settings"_s).toArray())
        s.settings.append({setting[0].toString(), setting[1].toString()});
    s.columns = evidenceStrings(def.value(u"columns"_s));

    switch (c.cat) {
    case EmployeeMfa: {
        const QStringList groups = list(u"groups"_s), factors = list(u"factors"_s);
        for (int i = 0; i < 9; ++i) {
            const QString p = c.person();
            const bool pending = c.chance(12);
            s.rows.append({p, c.email(p), c.pick(groups), pending ? cell(u"pending"_s) : cell(u"enrolled"_s),
                           pending ? cell(u"none"_s) : c.pick(factors), when()});
        }
        break;
    }
    case SecurityPatches: {
        const QStringList bumps = list(u"bumps"_s);
        for (int i = 0; i < 9; ++i) {
            const bool main = c.chance(25);
            s.rows.append({u'#' + QString::number(48000 + c.below(2000)), main ? cell(u"main"_s) : cell(u"bump"_s) + c.pick(bumps),
                           cell(u"passed"_s), cell(u"passed"_s), c.chance(8) ? cell(u"medium"_s) : cell(u"clean"_s),
                           main ? cell(u"deployed"_s) : cell(u"skipped"_s), QString::number(3 + c.below(9)) + u"m "_s + QString::number(10 + c.below(50)) + u's'});
        }
        break;
    }
    case Secrets: {
        const QStringList purposes = list(u"purposes"_s);
        for (int i = 0; i < 8; ++i)
            s.rows.append({u"alias/"_s + c.slug + u'-' + c.pick(EvidenceContext::services), c.pick(purposes),
                           cell(u"enabled"_s), cell(u"rotation"_s), when(), QString::number(1000 + c.below(900000))});
        break;
    }
    case CustomerData: {
        const QStringList engines = list(u"engines"_s);
        for (int i = 0; i < 7; ++i)
            s.rows.append({c.slug + u'-' + c.pick(EvidenceContext::services) + u'-' + QString::number(1 + i), c.pick(engines),
                           cell(u"encrypted"_s), cell(u"key"_s), cell(u"tls"_s), cell(u"backups"_s)});
        break;
    }
    case BreachResponse: {
        const QStringList titles = list(u"titles"_s);
        for (int i = 0; i < 8; ++i) {
            const int sev = 2 + c.below(3);
            s.rows.append({u"INC-"_s + QString::number(2000 + c.below(800)), (sev == 2 ? cell(u"sev2"_s) : cell(u"sev"_s)) + QString::number(sev),
                           c.pick(titles), i == 0 ? cell(u"open"_s) : cell(u"resolved"_s), when(), QString::number(1 + c.below(9)) + u" min"_s});
        }
        break;
    }
    case DataSegregation: {
        const QStringList plans = list(u"plans"_s), regions = list(u"regions"_s);
        for (int i = 0; i < 9; ++i) {
            const bool dedicated = c.chance(20);
            s.rows.append({c.tenant(), dedicated ? cell(u"enterprise"_s) : c.pick(plans), c.pick(regions),
                           dedicated ? cell(u"dedicated"_s) : cell(u"rls"_s), cell(u"key"_s), when()});
        }
        break;
    }
    case Csrf: {
        const QStringList targets = list(u"targets"_s);
        for (int i = 0; i < 8; ++i)
            s.rows.append({u"#"_s + QString::number(900 + c.below(99)), c.pick(targets), when(),
                           cell(u"none"_s), QString::number(c.below(2)), QString::number(c.below(4)), cell(u"passed"_s)});
        break;
    }
    case Xss: {
        const QStringList directives = list(u"directives"_s), blocked = list(u"blocked"_s), pages = list(u"pages"_s);
        for (int i = 0; i < 8; ++i)
            s.rows.append({when(), c.pick(directives), c.pick(blocked), c.pick(pages), QString::number(1 + c.below(300)), cell(u"blocked"_s)});
        break;
    }
    case MassAssignment: {
        const QStringList endpoints = list(u"endpoints"_s), methods = list(u"methods"_s);
        for (int i = 0; i < 7; ++i)
            s.rows.append({endpoints.at(i), c.pick(methods), cell(u"schema"_s), cell(u"unknown"_s), QString::number(c.below(60)), cell(u"status"_s)});
        break;
    }
    case TrustedRedirects:
    case CategoryCount: {
        const QStringList hosts = list(u"hosts"_s), paths = list(u"paths"_s), types = list(u"types"_s);
        for (int i = 0; i < 6; ++i)
            s.rows.append({u"https://"_s + c.pick(hosts) + c.slug + u".example.com"_s + c.pick(paths),
                           c.pick(types), c.email(c.person()), when(), cell(u"active"_s)});
        break;
    }
    }
    return s;
}

} // namespace

GeneratedEvidence PngEvidence::make(EvidenceContext &c)
{
    requireGuiApplication();
    const Screen s = screenFor(c);
    constexpr int W = 1200, H = 800, sideW = 220;
    QImage img(W, H, QImage::Format_ARGB32);
    img.fill(QColor(0xf4, 0xf6, 0xf8));
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    const QFont base = QGuiApplication::font();
    auto font = [&](int px, bool bold = false) {
        QFont f = base;
        f.setPixelSize(px);
        f.setBold(bold);
        return f;
    };
    const QColor text(0x1f, 0x29, 0x33), muted(0x62, 0x7d, 0x98), line(0xd9, 0xe2, 0xec);

    // Browser chrome, so it reads as a screenshot and not a mock-up.
    p.fillRect(0, 0, W, 40, QColor(0xde, 0xe1, 0xe6));
    const QColor dots[] = {QColor(0xff, 0x5f, 0x57), QColor(0xfe, 0xbc, 0x2e), QColor(0x28, 0xc8, 0x40)};
    for (int i = 0; i < 3; ++i) {
        p.setPen(Qt::NoPen);
        p.setBrush(dots[i]);
        p.drawEllipse(QPointF(20 + i * 20, 20), 6, 6);
    }
    p.setBrush(Qt::white);
    p.drawRoundedRect(QRectF(90, 6, 280, 40), 8, 8);
    p.setPen(text);
    p.setFont(font(12));
    p.drawText(QRectF(104, 6, 250, 34), Qt::AlignVCenter, QFontMetrics(font(12)).elidedText(s.heading + u" - "_s + s.product, Qt::ElideRight, 250));
    p.fillRect(0, 40, W, 40, Qt::white);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0xf1, 0xf3, 0xf4));
    p.drawRoundedRect(QRectF(80, 46, W - 160, 28), 14, 14);
    p.setPen(QPen(muted, 1.5));
    p.setBrush(Qt::NoBrush);
    p.drawRect(QRectF(96, 60, 9, 7));
    p.drawArc(QRectF(97, 54, 7, 10), 0, 180 * 16);
    p.setPen(text);
    p.setFont(font(13));
    p.drawText(QRectF(114, 46, W - 220, 28), Qt::AlignVCenter, s.url);
    p.fillRect(0, 79, W, 1, line);

    // Application header.
    p.fillRect(0, 80, W, 52, s.accent);
    p.setPen(Qt::white);
    p.setFont(font(18, true));
    p.drawText(QRectF(24, 80, 400, 52), Qt::AlignVCenter, s.product);
    p.setBrush(QColor(255, 255, 255, 60));
    p.setPen(Qt::NoPen);
    p.drawRoundedRect(QRectF(W - 420, 92, 300, 28), 6, 6);
    p.setPen(QColor(255, 255, 255, 200));
    p.setFont(font(12));
    p.drawText(QRectF(W - 408, 92, 280, 28), Qt::AlignVCenter, u"Search"_s);
    p.setBrush(Qt::white);
    p.setPen(Qt::NoPen);
    p.drawEllipse(QPointF(W - 44, 106), 16, 16);
    p.setPen(s.accent);
    p.setFont(font(12, true));
    const QStringList words = c.partner.split(u' ', Qt::SkipEmptyParts);
    QString initials;
    for (qsizetype i = 0; i < qMin<qsizetype>(2, words.size()); ++i)
        initials += words.at(i).left(1).toUpper();
    p.drawText(QRectF(W - 60, 90, 32, 32), Qt::AlignCenter, initials);

    // Sidebar.
    p.fillRect(0, 132, sideW, H - 132, Qt::white);
    p.fillRect(sideW, 132, 1, H - 132, line);
    p.setFont(font(14));
    for (qsizetype i = 0; i < s.nav.size(); ++i) {
        const QRectF r(0, 148 + i * 40, sideW, 36);
        if (i == s.activeNav) {
            p.fillRect(r, QColor(s.accent.red(), s.accent.green(), s.accent.blue(), 28));
            p.fillRect(QRectF(0, r.y(), 4, r.height()), s.accent);
        }
        p.setPen(i == s.activeNav ? s.accent : text);
        p.drawText(r.adjusted(24, 0, 0, 0), Qt::AlignVCenter, s.nav.at(i));
    }

    // Page heading.
    const int x0 = sideW + 28, cw = W - x0 - 28;
    p.setPen(muted);
    p.setFont(font(12));
    p.drawText(QRectF(x0, 142, cw, 18), Qt::AlignVCenter, s.product + u"  /  "_s + s.nav.value(s.activeNav) + u"  /  "_s + s.heading);
    p.setPen(text);
    p.setFont(font(22, true));
    p.drawText(QRectF(x0, 162, cw, 32), Qt::AlignVCenter, s.heading);
    p.setPen(muted);
    p.setFont(font(13));
    p.drawText(QRectF(x0, 194, cw, 20), Qt::AlignVCenter, s.subtitle);

    auto card = [&](const QRectF &r) {
        p.setPen(QPen(line, 1));
        p.setBrush(Qt::white);
        p.drawRoundedRect(r, 6, 6);
    };
    // Settings card: two columns of toggles.
    const int rowsPerCol = int((s.settings.size() + 1) / 2);
    const QRectF settingsCard(x0, 226, cw, 44 + rowsPerCol * 36);
    card(settingsCard);
    p.setPen(text);
    p.setFont(font(15, true));
    p.drawText(QRectF(x0 + 16, 232, cw, 28), Qt::AlignVCenter, u"Settings"_s);
    for (qsizetype i = 0; i < s.settings.size(); ++i) {
        const auto &[label, value] = s.settings.at(i);
        // The column number: a whole number on purpose.
        const qsizetype column = i / rowsPerCol;
        const qreal cx = x0 + 16 + qreal(column) * (cw / 2.0), cy = 266 + (i % rowsPerCol) * 36;
        p.setPen(text);
        p.setFont(font(13));
        p.drawText(QRectF(cx, cy, cw / 2.0 - 110, 28), Qt::AlignVCenter, QFontMetrics(font(13)).elidedText(label, Qt::ElideRight, int(cw / 2.0 - 110)));
        const qreal tx = cx + cw / 2.0 - 100;
        if (value == u"ON"_s || value == u"OFF"_s) {
            const bool on = value == u"ON"_s;
            p.setPen(Qt::NoPen);
            p.setBrush(on ? QColor(0x2b, 0x8a, 0x3e) : QColor(0xbc, 0xcc, 0xdc));
            p.drawRoundedRect(QRectF(tx, cy + 4, 40, 20), 10, 10);
            p.setBrush(Qt::white);
            p.drawEllipse(QPointF(on ? tx + 30 : tx + 10, cy + 14), 8, 8);
            p.setPen(on ? QColor(0x2b, 0x8a, 0x3e) : muted);
            p.setFont(font(12, true));
            p.drawText(QRectF(tx + 46, cy, 40, 28), Qt::AlignVCenter, value);
        } else {
            p.setPen(QPen(line, 1));
            p.setBrush(QColor(0xf8, 0xfa, 0xfc));
            p.drawRoundedRect(QRectF(tx - 40, cy + 2, 120, 24), 4, 4);
            p.setPen(text);
            p.setFont(font(12));
            p.drawText(QRectF(tx - 32, cy + 2, 104, 24), Qt::AlignVCenter, QFontMetrics(font(12)).elidedText(value, Qt::ElideRight, 100));
        }
    }

    // Table card.
    const qreal ty = settingsCard.bottom() + 18;
    const QRectF tableCard(x0, ty, cw, qMin<qreal>(H - ty - 20, 52 + 34.0 * (s.rows.size() + 1)));
    card(tableCard);
    p.setPen(text);
    p.setFont(font(15, true));
    p.drawText(QRectF(x0 + 16, ty + 8, cw, 28), Qt::AlignVCenter, s.tableTitle);
    QList<qreal> widths;
    qreal total = 0;
    for (qsizetype i = 0; i < s.columns.size(); ++i) {
        qsizetype longest = s.columns.at(i).size();
        for (const QStringList &row : s.rows)
            longest = qMax(longest, row.value(i).size());
        widths.append(qBound<qreal>(6, qreal(longest), 26) + 2);
        total += widths.last();
    }
    for (qreal &w : widths)
        w = w / total * (cw - 32);
    qreal y = ty + 44;
    p.fillRect(QRectF(x0 + 1, y, cw - 2, 32), QColor(0xf0, 0xf4, 0xf8));
    p.setFont(font(12, true));
    p.setPen(muted);
    qreal x = x0 + 16;
    for (qsizetype i = 0; i < s.columns.size(); ++i) {
        p.drawText(QRectF(x, y, widths.at(i) - 8, 32), Qt::AlignVCenter, s.columns.at(i).toUpper());
        x += widths.at(i);
    }
    y += 32;
    const QFont cellFont = font(13);
    const QFontMetrics cellMetrics(cellFont);
    for (const QStringList &row : s.rows) {
        if (y + 34 > tableCard.bottom())
            break;
        p.fillRect(QRectF(x0 + 1, y + 33, cw - 2, 1), line);
        x = x0 + 16;
        for (qsizetype i = 0; i < s.columns.size(); ++i) {
            QString cell = row.value(i);
            QColor pill;
            if (cell.startsWith(u"ok:"_s))
                pill = QColor(0x2b, 0x8a, 0x3e);
            else if (cell.startsWith(u"warn:"_s))
                pill = QColor(0xb4, 0x6b, 0x00);
            else if (cell.startsWith(u"bad:"_s))
                pill = QColor(0xc5, 0x30, 0x30);
            p.setFont(cellFont);
            if (pill.isValid()) {
                cell = cell.mid(cell.indexOf(u':') + 1);
                const QString shown = cellMetrics.elidedText(cell, Qt::ElideRight, int(widths.at(i) - 28));
                const qreal pw = cellMetrics.horizontalAdvance(shown) + 16;
                p.setPen(Qt::NoPen);
                p.setBrush(QColor(pill.red(), pill.green(), pill.blue(), 30));
                p.drawRoundedRect(QRectF(x, y + 6, pw, 22), 11, 11);
                p.setPen(pill);
                p.drawText(QRectF(x + 8, y, pw, 34), Qt::AlignVCenter, shown);
            } else {
                p.setPen(i == 0 ? text : QColor(0x33, 0x4e, 0x68));
                p.drawText(QRectF(x, y, widths.at(i) - 8, 34), Qt::AlignVCenter, cellMetrics.elidedText(cell, Qt::ElideRight, int(widths.at(i) - 8)));
            }
            x += widths.at(i);
        }
        y += 34;
    }
    p.end();

    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    img.save(&buffer, "PNG");
    return {s.file, u"image/png"_s, png};
}

} // namespace assay::server
