#include "server/EvidenceFactory.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFontInfo>
#include <QGuiApplication>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <map>

using namespace assay::server;
using Kind = EvidenceFactory::Kind;

namespace {

const QStringList allCategories = {
    QStringLiteral("data_segregation"),        QStringLiteral("security_patches"),  QStringLiteral("breach_response"),
    QStringLiteral("csrf_protection"),         QStringLiteral("xss_sanitization"),  QStringLiteral("customer_data_protection"),
    QStringLiteral("employee_mfa"),            QStringLiteral("secrets_and_pii_storage"), QStringLiteral("mass_assignment"),
    QStringLiteral("trusted_redirects"),
};
const QList<Kind> allKinds = {Kind::HtmlReport, Kind::Pdf, Kind::Png, Kind::SourceCode, Kind::Config, Kind::Log};

const QString app = QStringLiteral("Payroll Pilot");
const QString partner = QStringLiteral("Northwind Labs");

QString kindName(Kind k)
{
    switch (k) {
    case Kind::HtmlReport: return QStringLiteral("html");
    case Kind::Pdf: return QStringLiteral("pdf");
    case Kind::Png: return QStringLiteral("png");
    case Kind::SourceCode: return QStringLiteral("code");
    case Kind::Config: return QStringLiteral("config");
    case Kind::Log: return QStringLiteral("log");
    }
    return {};
}

// The names a client must never turn into a path, in the factory's cycle.
bool isHostileName(const QString &n)
{
    return n.contains(QStringLiteral("..")) || n.contains(u'<') || n.contains(QChar(0x202E)) || n.startsWith(u'-')
        || n.size() >= 300 || n == QStringLiteral("CON.txt") || n.contains(u'\n') || n.trimmed().isEmpty();
}

bool isPlausibleName(const QString &n)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,80}\\.[a-z]{2,4}$"));
    return re.match(n).hasMatch();
}

const QStringList hostileMarkers = {
    QStringLiteral("<script"),       QStringLiteral("127.0.0.1:9"), QStringLiteral(" onerror=\""),
    QStringLiteral("<iframe"),       QStringLiteral("<form"),       QStringLiteral("http-equiv=\"refresh\""),
    QStringLiteral("href=\"javascript:"), QStringLiteral("rel=stylesheet"),
};

qsizetype countPages(const QByteArray &pdf)
{
    return pdf.count("/Type /Page") - pdf.count("/Type /Pages");
}

const QMap<QString, QString> codeTypes = {
    {QStringLiteral(".py"), QStringLiteral("text/x-python")},   {QStringLiteral(".js"), QStringLiteral("text/javascript")},
    {QStringLiteral(".java"), QStringLiteral("text/x-java")},   {QStringLiteral(".go"), QStringLiteral("text/x-go")},
    {QStringLiteral(".rb"), QStringLiteral("text/x-ruby")},     {QStringLiteral(".cs"), QStringLiteral("text/x-csharp")},
    {QStringLiteral(".php"), QStringLiteral("application/x-php")},
};
const QMap<QString, QString> configTypes = {
    {QStringLiteral(".yaml"), QStringLiteral("application/yaml")}, {QStringLiteral(".yml"), QStringLiteral("application/yaml")},
    {QStringLiteral(".json"), QStringLiteral("application/json")},  {QStringLiteral(".toml"), QStringLiteral("application/toml")},
    {QStringLiteral(".tf"), QStringLiteral("text/plain")},          {QStringLiteral(".conf"), QStringLiteral("text/plain")},
};

QString extensionOf(const QString &name) { return name.mid(name.lastIndexOf(u'.')); }

QByteArray digestOfSample()
{
    QCryptographicHash digest(QCryptographicHash::Sha256);
    for (const Kind k : allKinds)
        for (const QString &cat : allCategories)
            for (quint32 v = 1; v < 4; ++v) {
                const GeneratedEvidence e = EvidenceFactory::make(k, cat, app, partner, v);
                digest.addData(e.filename.toUtf8());
                digest.addData(e.content);
            }
    return digest.result().toHex();
}

// Digests per kind over a sweep of make() calls, and optionally a line per
// item (ASSAY_EVF_DUMP=FILE, appended) to find which item changed.
struct Sweep
{
    std::map<Kind, QCryptographicHash> digests;
    int items = 0;
    QString dumpError;

    Sweep()
    {
        for (const Kind k : allKinds)
            digests.try_emplace(k, QCryptographicHash::Sha256);
    }

    GeneratedEvidence add(Kind k, const QString &cat, const QString &appName, const QString &partnerName, quint32 v)
    {
        GeneratedEvidence e = EvidenceFactory::make(k, cat, appName, partnerName, v);
        QCryptographicHash &d = digests.at(k);
        d.addData(e.filename.toUtf8());
        d.addData(QByteArrayView("\0", 1));
        d.addData(e.mediaType.toUtf8());
        d.addData(QByteArrayView("\0", 1));
        d.addData(e.content);
        ++items;
        const QString dumpPath = qEnvironmentVariable("ASSAY_EVF_DUMP");
        if (!dumpPath.isEmpty()) {
            QFile dump(dumpPath);
            if (!dump.open(QIODevice::Append | QIODevice::Text)) {
                dumpError = dump.errorString();
                return e;
            }
            dump.write(kindName(k).toUtf8() + ' ' + cat.toUtf8().toPercentEncoding() + ' ' + appName.toUtf8().toPercentEncoding() + ' '
                       + partnerName.toUtf8().toPercentEncoding() + ' ' + QByteArray::number(v) + ' '
                       + QCryptographicHash::hash(e.content, QCryptographicHash::Sha256).toHex() + ' '
                       + e.filename.toUtf8().toPercentEncoding() + ' ' + e.mediaType.toUtf8() + '\n');
        }
        return e;
    }
};

// Pdf embeds a subset of the application font and Png rasterizes it, so
// their bytes are only stable for one font and Qt version: the build root's
// (packaging/build-root-packages.txt), where these digests were recorded.
const char *const recordedFont = "DejaVu Sans 12 Qt 6.8.2";

QByteArray fontFingerprint()
{
    const QFontInfo info(QGuiApplication::font());
    return info.family().toUtf8() + ' ' + QByteArray::number(info.pixelSize()) + " Qt " + qVersion();
}

void compareDigests(Sweep &sweep, std::initializer_list<std::pair<Kind, const char *>> expected)
{
    const bool sameFont = fontFingerprint() == recordedFont;
    QStringList differ;
    for (const auto &[kind, digest] : expected) {
        const QByteArray actual = sweep.digests.at(kind).result().toHex();
        if ((kind == Kind::Pdf || kind == Kind::Png) && !sameFont) {
            qWarning("%s not compared: font \"%s\", digests recorded with \"%s\"", qPrintable(kindName(kind)),
                     fontFingerprint().constData(), recordedFont);
            continue;
        }
        if (actual != digest)
            differ.append(kindName(kind) + QStringLiteral(" is now ") + QString::fromLatin1(actual));
    }
    QVERIFY2(differ.isEmpty(), qPrintable(differ.join(QStringLiteral("; "))));
}

} // namespace

class TestEvidenceFactory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eachItem_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("category");
        QTest::addColumn<quint32>("variant");
        // Two categories per kind and variant, rotating so all ten appear;
        // variants 0-9 cover every "% 3", "% 5 == 4" and "% 7 == 0" case.
        for (const Kind k : allKinds) {
            for (quint32 v = 0; v < 10; ++v) {
                QStringList cats = {allCategories.at(int((v * 3 + quint32(k)) % 10)), QStringLiteral("employee_mfa")};
                cats.removeDuplicates();
                for (const QString &cat : std::as_const(cats))
                    QTest::addRow("%s/%s/%u", qPrintable(kindName(k)), qPrintable(cat), v) << int(k) << cat << v;
            }
        }
    }

    void eachItem()
    {
        QFETCH(int, kind);
        QFETCH(QString, category);
        QFETCH(quint32, variant);
        const Kind k = Kind(kind);
        const GeneratedEvidence a = EvidenceFactory::make(k, category, app, partner, variant);
        const GeneratedEvidence b = EvidenceFactory::make(k, category, app, partner, variant);
        QCOMPARE(a.filename, b.filename);
        QCOMPARE(a.mediaType, b.mediaType);
        QVERIFY2(a.content == b.content, "same arguments must give the same bytes");
        QVERIFY(!a.content.isEmpty());
        QVERIFY(!a.filename.isEmpty());

        const bool hostileName = variant % 5 == 4;
        if (hostileName)
            QVERIFY2(isHostileName(a.filename), qPrintable(a.filename));
        else
            QVERIFY2(isPlausibleName(a.filename), qPrintable(a.filename));

        switch (k) {
        case Kind::HtmlReport: {
            QCOMPARE(a.mediaType, QStringLiteral("text/html"));
            const QString html = QString::fromUtf8(a.content);
            QVERIFY(html.contains(QStringLiteral("<html")));
            QVERIFY(html.contains(QStringLiteral("</html>")));
            QVERIFY(html.contains(QStringLiteral("<style>")));
            QVERIFY(html.contains(QStringLiteral("<table class=\"findings\">")));
            QVERIFY(html.contains(app));
            for (const QString &marker : hostileMarkers)
                QVERIFY2(html.contains(marker) == (variant % 3 == 0), qPrintable(marker));
            if (!hostileName)
                QVERIFY(a.filename.endsWith(QStringLiteral(".html")));
            break;
        }
        case Kind::Pdf:
            QCOMPARE(a.mediaType, QStringLiteral("application/pdf"));
            QVERIFY(a.content.startsWith("%PDF-"));
            QVERIFY(a.content.right(16).contains("%%EOF"));
            QVERIFY2(countPages(a.content) >= 2 && countPages(a.content) <= 4, QByteArray::number(countPages(a.content)).constData());
            QVERIFY(a.content.contains("/CreationDate (D:20261001090000Z)"));
            if (!hostileName)
                QVERIFY(a.filename.endsWith(QStringLiteral(".pdf")));
            break;
        case Kind::Png: {
            QCOMPARE(a.mediaType, QStringLiteral("image/png"));
            QVERIFY(a.content.startsWith(QByteArray("\x89PNG\r\n\x1a\n", 8)));
            const QImage image = QImage::fromData(a.content);
            QVERIFY(!image.isNull());
            QCOMPARE(image.size(), QSize(1200, 800));
            if (!hostileName)
                QVERIFY(a.filename.endsWith(QStringLiteral(".png")));
            break;
        }
        case Kind::SourceCode: {
            QVERIFY2(codeTypes.values().contains(a.mediaType), qPrintable(a.mediaType));
            if (!hostileName)
                QCOMPARE(codeTypes.value(extensionOf(a.filename)), a.mediaType);
            const qsizetype lines = a.content.count('\n');
            QVERIFY2(lines >= 60 && lines <= 300, QByteArray::number(lines).constData());
            QVERIFY(!a.content.contains("{{"));
            QCOMPARE(QString::fromUtf8(a.content).toUtf8(), a.content);
            break;
        }
        case Kind::Config: {
            QVERIFY2(configTypes.values().contains(a.mediaType), qPrintable(a.mediaType));
            if (!hostileName)
                QCOMPARE(configTypes.value(extensionOf(a.filename)), a.mediaType);
            if (a.mediaType == QStringLiteral("application/json")) {
                QJsonParseError error;
                QJsonDocument::fromJson(a.content, &error);
                QCOMPARE(error.error, QJsonParseError::NoError);
            }
            QVERIFY(!a.content.contains("{{APP}}"));
            QVERIFY(a.content.count('\n') >= 20);
            break;
        }
        case Kind::Log: {
            QCOMPARE(a.mediaType, QStringLiteral("text/plain"));
            if (!hostileName)
                QVERIFY(a.filename.endsWith(QStringLiteral(".log")));
            const qsizetype lines = a.content.count('\n');
            QVERIFY2(lines >= 2000, QByteArray::number(lines).constData());
            if (variant % 7 == 0) {
                QVERIFY2(lines >= 50000, QByteArray::number(lines).constData());
                QVERIFY2(a.content.size() > 2 * 1024 * 1024, QByteArray::number(a.content.size()).constData());
            } else {
                QVERIFY2(lines <= 20000, QByteArray::number(lines).constData());
            }
            static const QRegularExpression line(QStringLiteral(
                "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z (INFO |WARN |ERROR|DEBUG) \\[[a-z-]+\\] req=\\S+ \\S"));
            const QList<QByteArray> sample = a.content.left(20000).split('\n');
            for (qsizetype i = 0; i + 1 < sample.size(); ++i)
                QVERIFY2(line.match(QString::fromUtf8(sample.at(i))).hasMatch(), sample.at(i).constData());
            break;
        }
        }
    }

    // A minority of logs, configs and code files carry fake secrets in the
    // shapes the client's secrets finder looks for (server/PlantedSecrets.h
    // says which), others near-misses; the rest carry neither.
    void plantedSecretsInAMinority()
    {
        static const QRegularExpression bearer(QStringLiteral("Bearer [A-Za-z0-9]{40}\""));
        static const QRegularExpression jwt(QStringLiteral("token=(eyJ[A-Za-z0-9_-]+)\\.([A-Za-z0-9_-]+)\\.[A-Za-z0-9_-]{43}\n"));
        static const QRegularExpression dbUrl(QStringLiteral("postgres://[a-z_]+_app:[A-Za-z0-9]{20}@db-prod-\\d\\.internal:5432/"));
        static const QRegularExpression awsKey(QStringLiteral("AWS_ACCESS_KEY_ID=AKIA[A-Z2-7]{16}\n"));
        static const QRegularExpression email(QStringLiteral("\\(personal\\): [a-z.]+\\.\\d\\d@mailbox-[a-z-]+\\.net\n"));
        static const QRegularExpression card(QStringLiteral("card (4\\d{15}), exp"));
        static const QRegularExpression uuid(QStringLiteral("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
        static const QRegularExpression sha(QStringLiteral("sha256[=: ]+[0-9a-f]{64}\\b"));
        // Luhn, written out here rather than taken from the factory.
        auto luhn = [](const QString &digits) {
            int sum = 0;
            for (qsizetype i = 0; i < digits.size(); ++i) {
                int d = digits.at(digits.size() - 1 - i).digitValue();
                if (i % 2 == 1)
                    d = d * 2 > 9 ? d * 2 - 9 : d * 2;
                sum += d;
            }
            return sum % 10 == 0;
        };
        int withSecrets = 0, files = 0;
        for (const QString &cat : allCategories) {
            for (quint32 v = 0; v < 6; ++v) {
                const QString log = QString::fromUtf8(EvidenceFactory::make(Kind::Log, cat, app, partner, v).content);
                const GeneratedEvidence configFile = EvidenceFactory::make(Kind::Config, cat, app, partner, v);
                const QString config = QString::fromUtf8(configFile.content);
                const QString code = QString::fromUtf8(EvidenceFactory::make(Kind::SourceCode, cat, app, partner, v).content);
                const QString where = QStringLiteral("%1/%2").arg(cat).arg(v);
                files += 3;

                const bool logSecrets = v == 2;
                QCOMPARE(log.contains(bearer), logSecrets);
                QCOMPARE(log.contains(dbUrl), logSecrets);
                const QRegularExpressionMatch token = jwt.match(log);
                QVERIFY2(token.hasMatch() == logSecrets, qPrintable(where));
                if (logSecrets) {
                    ++withSecrets;
                    // On the first screen: both within the first ten lines.
                    const QString head = log.section(u'\n', 0, 9);
                    QVERIFY2(head.contains(bearer) && head.contains(QStringLiteral("token=eyJ")), qPrintable(where));
                    const QJsonObject header = QJsonDocument::fromJson(QByteArray::fromBase64(
                        token.captured(1).toLatin1(), QByteArray::Base64UrlEncoding)).object();
                    QCOMPARE(header.value(QStringLiteral("typ")).toString(), QStringLiteral("JWT"));
                    const QJsonObject payload = QJsonDocument::fromJson(QByteArray::fromBase64(
                        token.captured(2).toLatin1(), QByteArray::Base64UrlEncoding)).object();
                    QVERIFY2(payload.value(QStringLiteral("sub")).toString().startsWith(QStringLiteral("u_")), qPrintable(where));
                }
                QCOMPARE(log.contains(uuid) && log.contains(sha), v == 3);

                const bool configSecrets = v == 1 && !configFile.filename.endsWith(QStringLiteral(".json"));
                QVERIFY2(config.contains(awsKey) == configSecrets, qPrintable(where));
                QVERIFY2(config.contains(dbUrl) == configSecrets, qPrintable(where));
                QVERIFY2(config.contains(email) == configSecrets, qPrintable(where));
                if (configSecrets)
                    ++withSecrets;
                if (v == 0 && !configFile.filename.endsWith(QStringLiteral(".json")))
                    QVERIFY2(config.contains(uuid) && config.contains(sha), qPrintable(where));

                const bool codeSecrets = v == 3;
                QCOMPARE(code.contains(QStringLiteral("\n-----BEGIN RSA PRIVATE KEY-----\n")), codeSecrets);
                QCOMPARE(code.contains(QStringLiteral("\n-----END RSA PRIVATE KEY-----\n")), codeSecrets);
                const QRegularExpressionMatch number = card.match(code);
                QCOMPARE(number.hasMatch(), codeSecrets);
                if (codeSecrets) {
                    ++withSecrets;
                    QVERIFY2(luhn(number.captured(1)), qPrintable(number.captured(1)));
                }
                if (v == 0)
                    QVERIFY2(code.contains(uuid) && code.contains(sha), qPrintable(where));
            }
        }
        // A minority: about one file in six of these kinds.
        QVERIFY2(withSecrets > 0 && withSecrets * 4 < files, qPrintable(QStringLiteral("%1 of %2").arg(withSecrets).arg(files)));
    }

    void hostileFilenamesCoverTheWholeCycle()
    {
        QSet<QString> seen;
        for (const QString &cat : allCategories)
            for (const Kind k : allKinds)
                seen.insert(EvidenceFactory::make(k, cat, app, partner, 4).filename);
        QVERIFY(seen.contains(QStringLiteral("../../../../etc/passwd")));
        QVERIFY(seen.contains(QStringLiteral("..\\..\\Windows\\System32\\evil.dll")));
        QVERIFY(seen.contains(QStringLiteral("report<script>alert(1)</script>.html")));
        QVERIFY(seen.contains(QStringLiteral("invoice") + QChar(0x202E) + QStringLiteral("fdp.exe")));
        QVERIFY(seen.contains(QStringLiteral("-rf --no-preserve-root.log")));
        QVERIFY(seen.contains(QStringLiteral("CON.txt")));
        QVERIFY(seen.contains(QStringLiteral(" ")));
        QVERIFY(std::any_of(seen.begin(), seen.end(), [](const QString &n) { return n.size() == 300; }));
        QVERIFY(std::any_of(seen.begin(), seen.end(), [](const QString &n) { return n.contains(u'\n'); }));
    }

    void pdfPageCountFollowsVariant()
    {
        for (quint32 v = 0; v < 3; ++v) {
            const QByteArray pdf = EvidenceFactory::make(Kind::Pdf, QStringLiteral("breach_response"), app, partner, v).content;
            QCOMPARE(countPages(pdf), qsizetype(2 + v));
        }
    }

    void argumentsChangeTheContent()
    {
        for (const Kind k : allKinds) {
            const QByteArray base = EvidenceFactory::make(k, QStringLiteral("csrf_protection"), app, partner, 1).content;
            QVERIFY(base != EvidenceFactory::make(k, QStringLiteral("csrf_protection"), app, partner, 2).content);
            QVERIFY(base != EvidenceFactory::make(k, QStringLiteral("csrf_protection"), QStringLiteral("Ledger Lite"), partner, 1).content);
            QVERIFY(base != EvidenceFactory::make(k, QStringLiteral("xss_sanitization"), app, partner, 1).content);
        }
    }

    void hostilePartnerDataStaysInert()
    {
        // App and partner names are partner data as well.
        const QString evilApp = QStringLiteral("<img src=x onerror=alert(1)>\"'`$\\ App");
        const QString evilPartner = QStringLiteral("</style><script>x()</script> & Co");
        const GeneratedEvidence html = EvidenceFactory::make(Kind::HtmlReport, QStringLiteral("xss_sanitization"), evilApp, evilPartner, 1);
        QVERIFY(!html.content.contains("<img src=x"));
        QVERIFY(!html.content.contains("<script>x()"));
        const GeneratedEvidence json = EvidenceFactory::make(Kind::Config, QStringLiteral("mass_assignment"), evilApp, evilPartner, 1);
        QJsonParseError error;
        QJsonDocument::fromJson(json.content, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(!EvidenceFactory::make(Kind::Png, QStringLiteral("employee_mfa"), QString(), QString(), 1).content.isEmpty());
        QVERIFY(!EvidenceFactory::make(Kind::SourceCode, QStringLiteral("no_such_topic"), QStringLiteral("42"), QString(), 3).content.isEmpty());
    }

    // Equal calls in one process are not enough: a per-process QHash seed or
    // the local time zone could still leak into the bytes (both did, in PDFs).
    void sameBytesInAnotherProcess()
    {
        if (qEnvironmentVariableIsSet("ASSAY_EVF_CHILD")) {
            qInfo("digest %s", digestOfSample().constData());
            return;
        }
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ASSAY_EVF_CHILD"), QStringLiteral("1"));
        // UTC+12:45 / +13:45: QPdfWriter's wall-clock date gets another length.
        env.insert(QStringLiteral("TZ"), QStringLiteral("Pacific/Chatham"));
        env.remove(QStringLiteral("QT_HASH_SEED"));
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("sameBytesInAnotherProcess")});
        QVERIFY(child.waitForFinished(300000));
        const QByteArray expected = "digest " + digestOfSample();
        QVERIFY2(child.readAllStandardOutput().contains(expected), expected.constData());
    }

    // Every kind over every topic and eight variants, against digests
    // recorded from the factory (commit "golden digests"; code, config and
    // log again when PlantedSecrets put fake secrets in some): evidence is
    // content-addressed, so a change to any byte is a change the seeded
    // demo data, the tests built on it and the benchmarks all see. Set
    // ASSAY_EVF_DUMP=FILE to list each item's sha256 and find which one moved.
    void fullSweep()
    {
        QElapsedTimer timer;
        timer.start();
        QMap<QString, qint64> bytes, largest, elapsed;
        Sweep sweep;
        for (const Kind k : allKinds) {
            QElapsedTimer kindTimer;
            kindTimer.start();
            for (const QString &cat : allCategories) {
                for (quint32 v = 0; v < 8; ++v) {
                    const GeneratedEvidence e = sweep.add(k, cat, app, partner, v);
                    QVERIFY(!e.content.isEmpty());
                    bytes[kindName(k)] += e.content.size();
                    largest[kindName(k)] = qMax(largest[kindName(k)], qint64(e.content.size()));
                }
            }
            elapsed[kindName(k)] = kindTimer.elapsed();
        }
        qInfo("full sweep: %d items in %lld ms", sweep.items, timer.elapsed());
        for (auto it = bytes.cbegin(); it != bytes.cend(); ++it)
            qInfo("  %-6s %5lld ms, average %8lld bytes, largest %8lld bytes", qPrintable(it.key()), elapsed.value(it.key()),
                  it.value() / 80, largest.value(it.key()));
        QVERIFY(sweep.dumpError.isEmpty());
        compareDigests(sweep, {
            {Kind::HtmlReport, "1160dc29a49281e2677857b2ddb9b30b291a94e2d72d101e2cf571a6ae5ea7ed"},
            {Kind::Pdf, "dc24ae3bf789b840d3a48cb909079b65e724a02dc9aec832329f2302eebd0345"},
            {Kind::Png, "88cba55af8b2edcb1e20f426ee6b269288af67c6a115009782421a41b810ccc7"},
            {Kind::SourceCode, "af581b8b31c081f9f8867706ccbd006e1ff4b4986dd1a590e06085244b517799"},
            {Kind::Config, "db5faab2ac23aa5cd42ac684e3c5bd754d8ad36329123b13448c2356feeaca73"},
            {Kind::Log, "499ca47908169d9c55957858c59e4f5a11354ecfac0f3f600dfbb3bd32d703c5"},
        });
    }

    // The names and topics the seeder and hostile partners supply: non-ASCII,
    // markup and quotes, empty, a leading digit, an unknown topic.
    void otherNamesAndTopics()
    {
        const QList<std::pair<QString, QString>> names = {
            {QStringLiteral("Timesheets Pro"), QStringLiteral("S\u00e4len AS")},
            {QStringLiteral("<img src=x onerror=alert(1)>\"'`$\\ App"), QStringLiteral("</style><script>x()</script> & Co")},
            {QStringLiteral("42"), QString()},
            {QStringLiteral("\u00d8stervik Flow for Teams"), QStringLiteral("\u00d8stervik Technologies")},
        };
        const QStringList topics = allCategories + QStringList{QStringLiteral("no_such_topic"), QString()};
        Sweep sweep;
        for (const Kind k : allKinds) {
            // Drawing and multi-megabyte logs are slow: fewer variants there.
            const QList<quint32> variants = k == Kind::Pdf || k == Kind::Png ? QList<quint32>{1, 3}
                : k == Kind::Log ? QList<quint32>{1, 4, 5}
                                 : QList<quint32>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 14};
            for (const auto &[appName, partnerName] : names)
                for (const QString &topic : topics)
                    for (const quint32 v : variants)
                        QVERIFY(!sweep.add(k, topic, appName, partnerName, v).content.isEmpty());
        }
        QVERIFY(sweep.dumpError.isEmpty());
        compareDigests(sweep, {
            {Kind::HtmlReport, "81dcd3e52c6780e8452e01a3b707cc4fca849c9136e4eeaaf269281e6a4bdd53"},
            {Kind::Pdf, "9193e0c056920493237a04dfe310854b3db0e797cdf8249b705d3968f90492bb"},
            {Kind::Png, "a9b58a28331ec57e29264f1ffa2a4477d22afe3653135f3e715751f355ec524f"},
            {Kind::SourceCode, "892cb54e10afd264fffaaafa68aba66ade7616049dac39092af06e31a1ecc4b5"},
            {Kind::Config, "624cdeec2438dd4672baad5a7a5169588851da896618d8ab94a1c1f54b7b6aba"},
            {Kind::Log, "3997bd548c56d26da2c6c4d7649fee5750e6d915178b556b08bbd168e33a8e3b"},
        });
    }
};

QTEST_MAIN(TestEvidenceFactory)
#include "tst_evidencefactory.moc"
