#include "models/SecretsFinder.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <array>
#include <thread>
#include <vector>

using namespace assay;
using namespace Qt::StringLiterals;

namespace {

QString dataPath(const QString &name)
{
    const QString root = qEnvironmentVariable("ASSAY_SOURCE_DIR", QStringLiteral(ASSAY_TEST_SOURCE_DIR));
    return root + "/tests/data/secrets/"_L1 + name;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// "rule line:column+length" (and "xN lines"), to compare lists readably.
QString describe(const SecretFinding &f)
{
    QString s = u"%1 %2:%3+%4"_s.arg(f.rule).arg(f.line).arg(f.column).arg(f.length);
    if (f.lineCount != 1)
        s += u" x%1"_s.arg(f.lineCount);
    if (f.page)
        s += u" p%1"_s.arg(f.page);
    return s;
}

QStringList describe(const QList<SecretFinding> &findings)
{
    QStringList out;
    for (const SecretFinding &f : findings)
        out.append(describe(f));
    return out;
}

// The expectations of positives.txt: the caret lines under each secret.
QStringList expectedFromCarets(const QString &text, QStringList *secrets = nullptr)
{
    static const QRegularExpression caret(u"^( *)(\\^+) ([a-z0-9-]+)$"_s);
    QStringList expected;
    const QStringList lines = text.split(u'\n');
    int target = 0;
    for (int i = 0; i < lines.size(); ++i) {
        const QRegularExpressionMatch m = caret.match(lines[i]);
        if (!m.hasMatch()) {
            target = i;
            continue;
        }
        const auto column = m.capturedLength(1);
        const auto length = m.capturedLength(2);
        expected.append(u"%1 %2:%3+%4"_s.arg(m.captured(3)).arg(target + 1).arg(column).arg(length));
        if (secrets)
            secrets->append(lines[target].mid(column, length));
    }
    return expected;
}

// A private key block as a PEM file holds it: 64 characters a line.
QStringList pemLines(const QString &type, int bodyLines)
{
    QStringList lines{u"-----BEGIN %1-----"_s.arg(type)};
    for (int i = 0; i < bodyLines; ++i) {
        const QChar c = u"ABCDEFGHabcdefgh012345+/"_s.at((i * 7) % 24);
        lines.append(QString(64, c).replace(3, 5, u"Mx9Qz"_s));
    }
    lines.append(u"Zm9vYmFyYmF6cXV4=="_s);
    lines.append(u"-----END %1-----"_s.arg(type));
    return lines;
}

const QString kAwsKey = u"AKIAQWERTYUIOPASDF23"_s; // shaped like a key id; made up

// Under the sanitizers (the asan preset, -O0) the scanner is a few hundred
// times slower: the big inputs shrink so the suite stays quick, the paths
// they take stay the same.
#if defined(__SANITIZE_ADDRESS__)
constexpr int kShrink = 8;
#else
constexpr int kShrink = 1;
#endif

} // namespace

class TestSecretsFinder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void positivesCorpus()
    {
        const QString path = dataPath(u"positives.txt"_s);
        const QString text = QString::fromUtf8(readAll(path));
        const QStringList expected = expectedFromCarets(text);
        QVERIFY(expected.size() >= 40);
        SecretsFinder finder;
        const auto scan = finder.scanFile(path);
        QVERIFY2(scan, qPrintable(scan.errorString()));
        QVERIFY(!scan->truncated);
        // Joined, so a failure shows every difference at once.
        QCOMPARE(describe(scan->findings).join(u'\n'), expected.join(u'\n'));
        // The text scan sees what the file scan sees.
        QCOMPARE(describe(finder.scanText(text)), expected);
        // Every rule has at least one positive.
        for (const auto rule :
             {"private-key", "jwt", "github-token", "slack-token", "stripe-live-key", "google-api-key",
              "aws-access-key-id", "aws-secret-access-key", "azure-account-key", "bearer-token", "url-password",
              "connection-string-password", "card-number", "email"}) {
            const QRegularExpression ofRule(u"^"_s + QLatin1StringView(rule) + u" "_s);
            QVERIFY2(!expected.filter(ofRule).isEmpty(), rule);
        }
    }

    void nearMissesCorpus()
    {
        SecretsFinder finder;
        const auto scan = finder.scanFile(dataPath(u"near-misses.txt"_s));
        QVERIFY2(scan, qPrintable(scan.errorString()));
        // Only positions and rule ids are printed: the corpus is fake anyway.
        QCOMPARE(describe(scan->findings).join(u'\n'), QString());
    }

    // The sync scans on its worker threads with one finder.
    void oneFinderOnSeveralThreads()
    {
        const QString text = QString::fromUtf8(readAll(dataPath(u"positives.txt"_s)));
        const SecretsFinder finder;
        const QStringList expected = expectedFromCarets(text);
        std::array<QStringList, 4> results;
        {
            std::vector<std::jthread> threads;
            for (QStringList &result : results) {
                threads.emplace_back([&finder, &text, &result] {
                    for (int i = 0; i < 20; ++i)
                        result = describe(finder.scanText(text));
                });
            }
        }
        for (const QStringList &result : results)
            QCOMPARE(result, expected);
    }

    void referencesNeverHoldTheSecret()
    {
        const QString text = QString::fromUtf8(readAll(dataPath(u"positives.txt"_s)));
        QStringList secrets;
        const QStringList expected = expectedFromCarets(text, &secrets);
        SecretsFinder finder;
        const QList<SecretFinding> findings = finder.scanText(text);
        QCOMPARE(findings.size(), secrets.size());
        for (int i = 0; i < findings.size(); ++i) {
            const QString reference = SecretsFinder::reference(findings[i]);
            const QString redaction = SecretsFinder::redaction(findings[i]);
            QVERIFY2(reference.startsWith(u"line %1, "_s.arg(findings[i].line)), qPrintable(reference));
            QVERIFY(!reference.contains(secrets[i]));
            QVERIFY(!redaction.contains(secrets[i]));
            // No piece of the secret either (a key's first 8 characters identify it).
            QVERIFY2(!reference.contains(secrets[i].left(8)), qPrintable(reference));
        }
    }

    void labelsReferencesRedactions()
    {
        SecretFinding f{SecretFinding::Kind::CloudAccessKey, u"aws-access-key-id"_s, 0, 212, 4, 20, 1};
        QCOMPARE(SecretsFinder::label(f), u"AWS access key"_s);
        QCOMPARE(SecretsFinder::reference(f), u"line 212, AWS access key"_s);
        QCOMPARE(SecretsFinder::redaction(f), u"[AWS access key]"_s);
        f = {SecretFinding::Kind::Jwt, u"jwt"_s, 3, 12, 0, 100, 1};
        QCOMPARE(SecretsFinder::reference(f), u"page 3, line 12, JSON Web Token"_s);
        f = {SecretFinding::Kind::PrivateKey, u"private-key"_s, 0, 5, 0, 31, 27};
        QCOMPARE(SecretsFinder::reference(f), u"lines 5–31, private key"_s);
        f = {SecretFinding::Kind::Email, u"email"_s, 0, 1, 0, 10, 1};
        QCOMPARE(SecretsFinder::redaction(f), u"[e-mail address]"_s);
        // A rule id this version does not know (read back from an older cache): the kind names it.
        f = {SecretFinding::Kind::CardNumber, u"card-number-v0"_s, 0, 9, 0, 16, 1};
        QCOMPARE(SecretsFinder::reference(f), u"line 9, payment card number"_s);
    }

    void scanLineKeepsItsNumbersAndPage()
    {
        SecretsFinder finder;
        const QList<SecretFinding> found = finder.scanLine(QString(u"id "_s + kAwsKey), 41, 2);
        QCOMPARE(describe(found), QStringList{u"aws-access-key-id 41:3+20 p2"_s});
        QCOMPARE(found[0].kind, SecretFinding::Kind::CloudAccessKey);
        // One line cannot see a block: a BEGIN marker alone is nothing.
        QVERIFY(finder.scanLine(u"-----BEGIN RSA PRIVATE KEY-----"_s, 1).isEmpty());
    }

    void privateKeyBlocks_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");

        auto block = [](const QString &type, int body, const QString &indent = {},
                        const QString &eol = u"\n"_s) {
            QStringList lines = pemLines(type, body);
            for (QString &l : lines)
                l.prepend(indent);
            return lines.join(eol) + eol;
        };
        // lineCount: BEGIN + body + the short last line + END.
        QTest::newRow("rsa") << u"config:\n"_s + block(u"RSA PRIVATE KEY"_s, 25) + u"done\n"_s
                             << u"private-key 2:0+31 x28"_s;
        QTest::newRow("pkcs8") << block(u"PRIVATE KEY"_s, 3) << u"private-key 1:0+27 x6"_s;
        QTest::newRow("encrypted pkcs8") << block(u"ENCRYPTED PRIVATE KEY"_s, 3)
                                         << u"private-key 1:0+37 x6"_s;
        QTest::newRow("ec") << block(u"EC PRIVATE KEY"_s, 2) << u"private-key 1:0+30 x5"_s;
        QTest::newRow("openssh") << block(u"OPENSSH PRIVATE KEY"_s, 6) << u"private-key 1:0+35 x9"_s;
        QTest::newRow("pgp") << block(u"PGP PRIVATE KEY BLOCK"_s, 6) << u"private-key 1:0+37 x9"_s;
        QTest::newRow("yaml indented") << u"tls:\n  key: |\n"_s + block(u"RSA PRIVATE KEY"_s, 4, u"    "_s)
                                       << u"private-key 3:4+31 x7"_s;
        QTest::newRow("crlf") << u"a\r\n"_s + block(u"RSA PRIVATE KEY"_s, 4, {}, u"\r\n"_s) + u"b\r\n"_s
                              << u"private-key 2:0+31 x7"_s;
        // An encrypted legacy key has RFC 1421 headers and a blank line.
        QString legacy = block(u"RSA PRIVATE KEY"_s, 4);
        legacy.insert(legacy.indexOf(u'\n') + 1,
                      u"Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,0A1B2C3D4E5F\n\n"_s);
        QTest::newRow("legacy encrypted") << legacy << u"private-key 1:0+31 x10"_s;
        // In source code, one string literal a line.
        QStringList code = pemLines(u"RSA PRIVATE KEY"_s, 3);
        for (QString &l : code)
            l = u"    \""_s + l + u"\\n\" +"_s;
        QTest::newRow("source literals") << u"const char *key =\n"_s + code.join(u'\n') + u";\n"_s
                                         << u"private-key 2:5+36 x6"_s;
        // Truncated: what was there is still a leaked key.
        QStringList cut = pemLines(u"PRIVATE KEY"_s, 5).mid(0, 4);
        QTest::newRow("truncated") << cut.join(u'\n') + u"\nthe rest was cut off\n"_s
                                   << u"private-key 1:0+27 x4"_s;
        QTest::newRow("public key") << block(u"PUBLIC KEY"_s, 4) << QString();
        QTest::newRow("certificate") << block(u"CERTIFICATE"_s, 4) << QString();
        QTest::newRow("marker only") << u"-----BEGIN RSA PRIVATE KEY-----\n-----END RSA PRIVATE KEY-----\n"_s
                                     << QString();
        // Findings after the block are on the right lines.
        QTest::newRow("after the block") << block(u"EC PRIVATE KEY"_s, 2) + u"x "_s + kAwsKey + u"\n"_s
                                         << u"private-key 1:0+30 x5|aws-access-key-id 6:2+20"_s;
    }

    void privateKeyBlocks()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        SecretsFinder finder;
        const QStringList want = expected.isEmpty() ? QStringList() : expected.split(u'|');
        QCOMPARE(describe(finder.scanText(text)), want);
        // The file scan agrees with the text scan.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath(u"key.txt"_s), text.toUtf8()));
        const auto scan = finder.scanFile(dir.filePath(u"key.txt"_s));
        QVERIFY(scan);
        QCOMPARE(describe(scan->findings), want);
    }

    void invalidUtf8IsReplacedAndLinesStayRight()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"bad.log"_s);
        // A lone continuation byte, a truncated sequence and an overlong one;
        // each becomes U+FFFD and none swallows a line break.
        QByteArray bytes = "ok\n\x80\x80 \xc3\nbad \xff" + kAwsKey.toLatin1() + "\n\xe2\x82\n";
        bytes += "mail jane.doe@acme-corp.io\n";
        QVERIFY(writeFile(path, bytes));
        SecretsFinder finder;
        const auto scan = finder.scanFile(path);
        QVERIFY2(scan, qPrintable(scan.errorString()));
        QCOMPARE(describe(scan->findings),
                 QStringList({u"aws-access-key-id 3:5+20"_s, u"email 5:5+21"_s}));
    }

    // A UTF-8 byte order mark is not text: the columns of line 1 start after
    // it, as the text view decodes it (LineIndex::decode).
    void byteOrderMarkIsNotAColumn()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"bom.txt"_s);
        QVERIFY(writeFile(path, "\xef\xbb\xbfkey " + kAwsKey.toLatin1() + "\n"));
        SecretsFinder finder;
        const auto scan = finder.scanFile(path);
        QVERIFY(scan);
        QCOMPARE(describe(scan->findings), QStringList{u"aws-access-key-id 1:4+20"_s});
    }

    void crlfLines()
    {
        SecretsFinder finder;
        const QString text = u"a\r\nkey="_s + kAwsKey + u"\r\n\r\nx jane.doe@acme-corp.io\r\n"_s;
        QCOMPARE(describe(finder.scanText(text)),
                 QStringList({u"aws-access-key-id 2:4+20"_s, u"email 4:2+21"_s}));
    }

    void secretAcrossTheChunkBoundary()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"big.log"_s);
        const qint64 chunk = SecretsFinder::ChunkSize;
        QByteArray bytes;
        bytes.reserve(chunk * 3);
        int line = 1;
        // Lines of 99 characters and a newline, then one line that puts a
        // two-byte character and then a key across the first chunk's end.
        while (bytes.size() + 100 < chunk - 60) {
            bytes += QByteArray(99, 'x') + '\n';
            ++line;
        }
        const qsizetype lineStart = bytes.size();
        bytes += QByteArray(chunk - 1 - lineStart, 'y'); // 'ü' straddles the boundary
        bytes += "\xc3\xbc key ";
        const int column = int(chunk - 1 - lineStart) + 1 + 5;
        const qint64 keyAt = bytes.size();
        QVERIFY(keyAt < chunk * 2 && keyAt + 20 > chunk);
        bytes += kAwsKey.toLatin1() + '\n';
        const int keyLine = line++;
        while (bytes.size() + 40 <= chunk * 2 - 100) {
            bytes += QByteArray(39, 'z') + '\n';
            ++line;
        }
        // A key that starts just before the second boundary.
        const qsizetype second = bytes.size();
        bytes += QByteArray(chunk * 2 - 8 - second, 'w') + ' ' + kAwsKey.toLatin1() + "\nend\n";
        const int secondColumn = int(chunk * 2 - 8 - second) + 1;
        QVERIFY(writeFile(path, bytes));

        SecretsFinder finder;
        const auto scan = finder.scanFile(path);
        QVERIFY2(scan, qPrintable(scan.errorString()));
        QCOMPARE(describe(scan->findings),
                 QStringList({u"aws-access-key-id %1:%2+20"_s.arg(keyLine).arg(column),
                              u"aws-access-key-id %1:%2+20"_s.arg(line).arg(secondColumn)}));
    }

    void veryLongLineIsScannedInWindows()
    {
        // One line longer than the finder holds at once (it scans such a line
        // in overlapping windows as it streams in), with a key every 2 KB, so
        // whatever the windows' bounds, keys sit across them; each must be
        // found once, at its column in the whole line.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"one-line.min.js"_s);
        const qsizetype lineLength = SecretsFinder::ChunkSize * (kShrink > 1 ? 6 : 12);
        QByteArray line;
        line.reserve(lineLength + 4096);
        QStringList expected;
        const QByteArray filler = QByteArray("var a=1;").repeated(2000 / 8);
        while (line.size() < lineLength) {
            line += filler.left(2000 - 7 + expected.size() % 13); // keys at varying offsets
            line += ' ';
            expected.append(u"aws-access-key-id 2:%1+20"_s.arg(line.size()));
            line += kAwsKey.toLatin1();
            line += ' ';
        }
        expected.append(u"aws-access-key-id 3:5+20"_s);
        QVERIFY(writeFile(path, "first line\n" + line + "\nlast " + kAwsKey.toLatin1() + "\n"));
        SecretsFinder finder;
        const auto scan = finder.scanFile(path);
        QVERIFY2(scan, qPrintable(scan.errorString()));
        QVERIFY(!scan->truncated);
        QCOMPARE(describe(scan->findings).join(u'\n'), expected.join(u'\n'));
    }

    // Lines built to make a backtracking or rescanning rule go quadratic: each
    // is 2 MB or more and must be scanned in time proportional to its length.
    // The bound is generous (a quadratic rule takes minutes here).
    void hostileLinesStayLinear_data()
    {
        QTest::addColumn<QString>("line");
        QTest::newRow("begin markers") << u"-----BEGIN RSA PRIVATE KEY-----"_s.repeated(70000 / kShrink);
        QTest::newRow("begin end mismatched")
            << u"-----BEGIN EC PRIVATE KEY----- -----END RSA PRIVATE KEY-----"_s.repeated(35000 / kShrink);
        QTest::newRow("jwt starts") << u"eyJ"_s.repeated(700000 / kShrink);
        QTest::newRow("jwt parts") << u"eyJhbGciOiJIUzI1NiJ9."_s.repeated(100000 / kShrink);
        QTest::newRow("at signs") << u"a@"_s.repeated(1000000 / kShrink);
        QTest::newRow("domain labels") << u"a@"_s + u"b."_s.repeated(1000000 / kShrink);
        QTest::newRow("scheme and user") << u"a://b:"_s.repeated(400000 / kShrink);
        QTest::newRow("scheme without at") << u"x://"_s + QString(2000000 / kShrink, u'u') + u":"_s;
        QTest::newRow("bearer") << u"Bearer "_s.repeated(300000 / kShrink);
        QTest::newRow("digit runs") << u"1 "_s.repeated(1000000 / kShrink);
        QTest::newRow("account key") << u"AccountKey="_s + QString(2000000 / kShrink, u'A');
        QTest::newRow("passwords") << u"Password=;"_s.repeated(200000 / kShrink);
        QTest::newRow("secret names") << u"aws_secret_access_key="_s.repeated(100000 / kShrink);
    }

    void hostileLinesStayLinear()
    {
        QFETCH(QString, line);
        SecretsFinder finder;
        QElapsedTimer timer;
        timer.start();
        const QList<SecretFinding> found = finder.scanText(line);
        QVERIFY2(timer.elapsed() < 20000, qPrintable(u"%1 ms"_s.arg(timer.elapsed())));
        QVERIFY(found.size() < 10);
    }

    void maxFindingsTruncates()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"many.log"_s);
        QByteArray bytes;
        for (int i = 0; i < 50; ++i)
            bytes += "user" + QByteArray::number(i) + "@acme-corp.io logged in\n";
        QVERIFY(writeFile(path, bytes));
        SecretsFinder finder;
        auto scan = finder.scanFile(path, 10);
        QVERIFY(scan);
        QVERIFY(scan->truncated);
        QCOMPARE(scan->findings.size(), 10);
        QCOMPARE(scan->findings.last().line, 10);
        scan = finder.scanFile(path, 50);
        QVERIFY(scan);
        QVERIFY(!scan->truncated);
        QCOMPARE(scan->findings.size(), 50);
        scan = finder.scanFile(path, 49);
        QVERIFY(scan);
        QVERIFY(scan->truncated);
        QCOMPARE(scan->findings.size(), 49);
    }

    void unreadableFileIsAnError()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        SecretsFinder finder;
        const auto scan = finder.scanFile(dir.filePath(u"missing.txt"_s));
        QVERIFY(!scan);
        QVERIFY(!scan.errorString().isEmpty());
    }

    void emptyFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath(u"empty"_s), {}));
        SecretsFinder finder;
        const auto scan = finder.scanFile(dir.filePath(u"empty"_s));
        QVERIFY(scan);
        QVERIFY(scan->findings.isEmpty());
        QVERIFY(!scan->truncated);
    }

    // Not asserted: the speed on a 50 MB log, for the report.
    void speedOnALargeLog()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"big.log"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        qint64 size = 0;
        int n = 0;
        int planted = 0;
        while (size < 50 * 1024 * 1024 / kShrink) {
            QByteArray line = "2026-11-30T01:" + QByteArray::number(10 + n % 50) + ":"
                + QByteArray::number(10 + n % 49) + "." + QByteArray::number(100000 + n % 899999) + "Z INFO [worker-" + QByteArray::number(n % 8)
                + "] GET /api/v1/submissions/s_" + QByteArray::number(n % 100000) + "?page=" + QByteArray::number(n % 7)
                + " 200 " + QByteArray::number(n % 977) + "ms user=u" + QByteArray::number(n % 313)
                + " trace=4bf92f3577b34da6a3ce929d0e0e4736 bytes=" + QByteArray::number(qint64(n) * 7919 % 1000003)
                + "\n";
            if (n % 10000 == 0) {
                line = "2026-11-30T01:00:00Z WARN config key=" + kAwsKey.toLatin1() + "\n";
                ++planted;
            }
            size += f.write(line);
            ++n;
        }
        f.close();
        SecretsFinder finder;
        QElapsedTimer timer;
        timer.start();
        const auto scan = finder.scanFile(path);
        const qint64 ms = std::max<qint64>(1, timer.elapsed());
        QVERIFY(scan);
        QCOMPARE(scan->findings.size(), planted);
        qInfo("secrets finder: %.1f MB in %lld ms, %.1f MB/s (%d lines)", size / 1048576.0, ms,
              size / 1048576.0 / (ms / 1000.0), n);
    }
};

QTEST_GUILESS_MAIN(TestSecretsFinder)
#include "tst_secretsfinder.moc"
