#include "models/EvidenceType.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace assay;
using namespace Qt::StringLiterals;
using View = EvidenceType::View;

Q_DECLARE_METATYPE(EvidenceType::View)

namespace {

// Small but real headers: what the formats' first bytes are.
QByteArray png()
{
    return QByteArray("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00", 29);
}

QByteArray jpeg()
{
    return QByteArray("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00", 20);
}

QByteArray pdf()
{
    return "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n";
}

// An x86-64 ELF header, e_type EXEC.
QByteArray elf()
{
    QByteArray b("\x7f" "ELF\x02\x01\x01\x00", 8);
    b += QByteArray(8, '\0');
    b += QByteArray("\x02\x00\x3e\x00\x01\x00\x00\x00", 8);
    b += QByteArray(40, '\0');
    return b;
}

// A PE: the DOS stub's "MZ", e_lfanew at 0x3c pointing at "PE\0\0".
QByteArray pe()
{
    QByteArray b("MZ\x90\x00\x03\x00\x00\x00", 8);
    b += QByteArray(0x3c - b.size(), '\0');
    b += QByteArray("\x80\x00\x00\x00", 4);
    b += QByteArray(0x80 - b.size(), '\0');
    b += QByteArray("PE\x00\x00\x64\x86", 6);
    b += QByteArray(64, '\0');
    return b;
}

QByteArray zip()
{
    return QByteArray("PK\x03\x04\x14\x00\x00\x00\x08\x00", 10) + QByteArray(30, 'a');
}

const QByteArray kHtml = "<!DOCTYPE html>\n<html><head><title>Scan</title></head><body><p>ok</p></body></html>\n";
const QByteArray kHtmlNoDoctype = "<html><body><p>ok</p></body></html>\n";
const QByteArray kXhtml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>x</title></head><body/></html>\n";
const QByteArray kSvg = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\">"
                        "<rect width=\"4\" height=\"4\"/></svg>\n";
// The hostile corpus's SVG: a <title> and a <script> in its first bytes.
const QByteArray kSvgEarlyScript = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                   "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\">\n"
                                   "  <title>t</title>\n  <script>document.title='x'</script>\n"
                                   "<rect width=\"4\" height=\"4\"/></svg>\n";
const QByteArray kSvgNoNamespace = "<?xml version=\"1.0\"?>\n<svg width=\"4\">\n  <title>t</title>\n"
                                   "  <script>document.title='x'</script>\n</svg>\n";
const QByteArray kXml = "<?xml version=\"1.0\"?>\n<config><retention days=\"30\"/></config>\n";
const QByteArray kJson = "{\"policy\": \"rotate\", \"days\": [30, 90], \"enforced\": true}\n";
const QByteArray kText = "We rotate keys yearly.\nAccess is reviewed every quarter.\n";

} // namespace

class TestEvidenceType : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // The tests' XDG_DATA_DIRS hides the system's data so nothing of the
        // user's is read; the MIME database is system data detection needs.
        qputenv("XDG_DATA_DIRS", QByteArray(qgetenv("XDG_DATA_DIRS") + ":/usr/local/share:/usr/share"));
    }

    void detect_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("declared");
        QTest::addColumn<QString>("detected");
        QTest::addColumn<View>("view");
        // How the warning ends; empty: no warning.
        QTest::addColumn<QString>("shown");

        QTest::newRow("png") << png() << u"image/png"_s << u"image/png"_s << View::Image << QString();
        QTest::newRow("jpeg") << jpeg() << u"image/jpeg"_s << u"image/jpeg"_s << View::Image << QString();
        QTest::newRow("gif") << QByteArray("GIF89a\x01\x00\x01\x00\x80\x00\x00", 13) << u"image/gif"_s
                             << u"image/gif"_s << View::Image << QString();
        QTest::newRow("webp") << QByteArray("RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00\x00\x00", 20) << u"image/webp"_s
                              << u"image/webp"_s << View::Image << QString();
        QTest::newRow("bmp") << QByteArray("BM\x3a\x00\x00\x00\x00\x00\x00\x00\x36\x00\x00\x00\x28\x00\x00\x00", 18)
                             << u"image/bmp"_s << u"image/bmp"_s << View::Image << QString();
        QTest::newRow("png declared octet-stream") << png() << u"application/octet-stream"_s << u"image/png"_s
                                                   << View::Image << u"shown as an image."_s;
        QTest::newRow("pdf") << pdf() << u"application/pdf"_s << u"application/pdf"_s << View::Pdf << QString();
        QTest::newRow("pdf declared png") << pdf() << u"image/png"_s << u"application/pdf"_s << View::Hex
                                          << u"shown as hex, not rendered."_s;
        QTest::newRow("png declared pdf") << png() << u"application/pdf"_s << u"image/png"_s << View::Image
                                          << u"shown as an image."_s;
        QTest::newRow("elf declared text") << elf() << u"text/plain"_s << u"application/x-executable"_s << View::Hex
                                           << u"shown as hex."_s;
        QTest::newRow("pe declared text") << pe() << u"text/plain"_s
                                          << u"application/vnd.microsoft.portable-executable"_s << View::Hex
                                          << u"shown as hex."_s;
        QTest::newRow("binary named .cpp") << QByteArray("\x01\x02\x00\x03binary\x00", 11) << u"text/x-c++src"_s
                                           << u"application/octet-stream"_s << View::Hex << u"shown as hex."_s;
        QTest::newRow("zip") << zip() << u"application/zip"_s << u"application/zip"_s << View::Hex << QString();
        QTest::newRow("html") << kHtml << u"text/html"_s << u"text/html"_s << View::Html << QString();
        QTest::newRow("html charset") << kHtml << u" Text/HTML; charset=utf-8"_s << u"text/html"_s << View::Html
                                      << QString();
        QTest::newRow("html no doctype") << kHtmlNoDoctype << u"text/html"_s << u"text/html"_s << View::Html
                                         << QString();
        QTest::newRow("html declared text") << kHtml << u"text/plain"_s << u"text/html"_s << View::Text
                                            << u"shown as text, not rendered."_s;
        QTest::newRow("html declared nothing") << kHtml << QString() << u"text/html"_s << View::Text
                                               << u"shown as text, not rendered."_s;
        QTest::newRow("text declared html") << kText << u"text/html"_s << u"text/plain"_s << View::Text
                                            << u"shown as text."_s;
        QTest::newRow("xhtml") << kXhtml << u"application/xhtml+xml"_s << u"application/xhtml+xml"_s << View::Html
                               << QString();
        QTest::newRow("xhtml declared html") << kXhtml << u"text/html"_s << u"application/xhtml+xml"_s << View::Html
                                             << QString();
        QTest::newRow("svg") << kSvg << u"image/svg+xml"_s << u"image/svg+xml"_s << View::Svg << QString();
        QTest::newRow("svg declared png") << kSvg << u"image/png"_s << u"image/svg+xml"_s << View::Text
                                          << u"shown as text, not rendered."_s;
        QTest::newRow("svg declared xml") << kSvg << u"application/xml"_s << u"image/svg+xml"_s << View::Text
                                          << u"shown as text, not rendered."_s;
        // shared-mime-info calls these text/html or generic XML by their first
        // markers; the root element settles it when it confirms the declared type.
        QTest::newRow("svg with an early title and script")
            << kSvgEarlyScript << u"image/svg+xml"_s << u"image/svg+xml"_s << View::Svg << QString();
        QTest::newRow("svg with an early script declared html")
            << kSvgEarlyScript << u"text/html"_s << u"text/html"_s << View::Html << QString();
        QTest::newRow("svg in no namespace stays what it looks like")
            << kSvgNoNamespace << u"image/svg+xml"_s << u"text/html"_s << View::Text << u"shown as text, not rendered."_s;
        QTest::newRow("xml") << kXml << u"application/xml"_s << u"application/xml"_s << View::Text << QString();
        QTest::newRow("xml declared text") << kXml << u"text/plain"_s << u"application/xml"_s << View::Text
                                           << QString();
        QTest::newRow("json") << kJson << u"application/json"_s << u"text/plain"_s << View::Text << QString();
        QTest::newRow("text") << kText << u"text/plain"_s << u"text/plain"_s << View::Text << QString();
        QTest::newRow("source declared c++") << QByteArray("#include <vector>\nint main() { return 0; }\n")
                                             << u"text/x-c++src"_s << u"text/x-csrc"_s << View::Text << QString();
        // Source code is text to the sniffer whatever its language: the
        // declared language agrees (these were warned about in the demo).
        QTest::newRow("ruby declared text/x-ruby") << QByteArray("# frozen_string_literal: true\nmodule Api\nend\n")
                                                   << u"text/x-ruby"_s << u"text/plain"_s << View::Text << QString();
        QTest::newRow("terraform declared text/plain") << QByteArray("resource \"aws_iam\" \"x\" {\n}\n")
                                                       << u"text/plain"_s << u"text/plain"_s << View::Text << QString();
        QTest::newRow("javascript declared text/javascript") << QByteArray("const a = 1;\nfunction f() { return a; }\n")
                                                             << u"text/javascript"_s << u"text/plain"_s << View::Text << QString();
        QTest::newRow("shell declared x-shellscript") << QByteArray("set -eu\necho hi\n")
                                                      << u"application/x-shellscript"_s << u"text/plain"_s << View::Text << QString();
        QTest::newRow("log") << kText << u"text/x-log"_s << u"text/plain"_s << View::Text << QString();
        QTest::newRow("text declared png") << kText << u"image/png"_s << u"text/plain"_s << View::Text
                                           << u"shown as text."_s;
        QTest::newRow("invalid utf-8") << QByteArray("caf\xe9 \xff\xfe au lait\n") << u"text/plain"_s
                                       << u"text/plain"_s << View::Text << QString();
    }

    void detect()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, declared);
        QFETCH(QString, detected);
        QFETCH(View, view);
        QFETCH(QString, shown);
        const EvidenceType t = EvidenceType::detect(bytes, declared);
        QCOMPARE(t.declared, declared.trimmed());
        QCOMPARE(t.detected, detected);
        QVERIFY(!t.detectedComment.isEmpty());
        QCOMPARE(t.view, view);
        if (shown.isEmpty()) {
            QCOMPARE(t.warning, QString());
        } else {
            QVERIFY2(t.warning.endsWith(shown), qPrintable(t.warning));
            QVERIFY2(t.warning.contains(detected), qPrintable(t.warning));
            QVERIFY2(t.warning.contains(t.detectedComment), qPrintable(t.warning));
            if (!declared.isEmpty())
                QVERIFY2(t.warning.startsWith(u"Declared as "_s + declared.trimmed() + u", but"_s), qPrintable(t.warning));
            else
                QVERIFY2(t.warning.startsWith(u"No media type was declared"_s), qPrintable(t.warning));
        }
    }

    void warningSentence()
    {
        const EvidenceType t = EvidenceType::detect(elf(), u"text/plain"_s);
        QCOMPARE(t.warning, u"Declared as text/plain, but the content is %1 (application/x-executable): shown as hex."_s
                                .arg(t.detectedComment));
    }

    void emptyContent()
    {
        EvidenceType t = EvidenceType::detect({}, u"text/plain"_s);
        QCOMPARE(t.view, View::Text);
        QCOMPARE(t.detected, u"application/x-zerosize"_s);
        QCOMPARE(t.warning, QString());
        t = EvidenceType::detect({}, u"application/pdf"_s);
        QCOMPARE(t.view, View::Text);
        QCOMPARE(t.warning, u"Declared as application/pdf, but the file is empty."_s);
    }

    void onlyTheHeadIsLookedAt()
    {
        // 64 KB of text then an ELF: the view follows the first bytes, as the
        // text view would show them (text, replacement characters and all).
        QByteArray bytes = QByteArray("log line\n").repeated(EvidenceType::HeadSize / 9 + 1);
        bytes += elf();
        QCOMPARE(EvidenceType::detect(bytes, u"text/plain"_s).view, View::Text);
    }

    void detectFile_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("declared");
        QTest::addColumn<View>("view");
        QTest::addColumn<bool>("warns");
        QTest::newRow("html file") << u"report.html"_s << kHtml << u"text/html"_s << View::Html << false;
        QTest::newRow("pdf file") << u"policy.pdf"_s << pdf() << u"application/pdf"_s << View::Pdf << false;
        QTest::newRow("empty file") << u"empty.txt"_s << QByteArray() << u"text/plain"_s << View::Text << false;
        // The name is never trusted: a PNG named .html is an image.
        QTest::newRow("png named html") << u"report.html"_s << png() << u"text/html"_s << View::Image << true;
        QTest::newRow("elf named cpp") << u"main.cpp"_s << elf() << u"text/x-c++src"_s << View::Hex << true;
    }

    void detectFile()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, declared);
        QFETCH(View, view);
        QFETCH(bool, warns);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(bytes), bytes.size());
        f.close();
        QCOMPARE(EvidenceType::declaredFromFileName(name), declared);
        const auto t = EvidenceType::detectFile(f.fileName(), EvidenceType::declaredFromFileName(name));
        QVERIFY2(t, qPrintable(t.errorString()));
        QCOMPARE(t->view, view);
        QCOMPARE(!t->warning.isEmpty(), warns);
    }

    void detectFileThatCannotBeRead()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto t = EvidenceType::detectFile(dir.filePath(u"absent.bin"_s), u"text/plain"_s);
        QVERIFY(!t);
        QVERIFY(t.errorString().startsWith(u"Cannot read the evidence file"_s));
    }

    void declaredFromFileName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("declared");
        QTest::newRow("html") << u"scan.html"_s << u"text/html"_s;
        QTest::newRow("xhtml") << u"page.xhtml"_s << u"application/xhtml+xml"_s;
        QTest::newRow("svg") << u"diagram.svg"_s << u"image/svg+xml"_s;
        QTest::newRow("upper case") << u"SHOT.JPG"_s << u"image/jpeg"_s;
        QTest::newRow("cpp") << u"crypto.cpp"_s << u"text/x-c++src"_s;
        QTest::newRow("json") << u"policy.json"_s << u"application/json"_s;
        QTest::newRow("log") << u"server.log"_s << u"text/x-log"_s;
        QTest::newRow("unknown") << u"blob.zzqq"_s << u"application/octet-stream"_s;
        QTest::newRow("no extension") << u"Makefile-ish"_s << u"application/octet-stream"_s;
        // Only the name counts, never a path it might spell.
        QTest::newRow("traversal") << u"../../etc/passwd"_s << u"application/octet-stream"_s;
        QTest::newRow("traversal with extension") << u"../../x/report.pdf"_s << u"application/pdf"_s;
    }

    void declaredFromFileName()
    {
        QFETCH(QString, name);
        QFETCH(QString, declared);
        QCOMPARE(EvidenceType::declaredFromFileName(name), declared);
    }
};

QTEST_GUILESS_MAIN(TestEvidenceType)
#include "tst_evidencetype.moc"
