#include "PdfWriter.h"
#include "sync/EvidenceScanner.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

using namespace assay;
using test::pdfWithPages;
using namespace Qt::StringLiterals;

namespace {


// From the finder's own positives (tests/data/secrets): not real credentials.
const QByteArray AwsKeyLine = "export AWS_ACCESS_KEY_ID=AKIAIDVWTFKTANGPVYQE";
const QByteArray BearerLine = "Authorization: Bearer qg6hnb5tZKW8iMPqayL86nKISEgBCm2NyEN5qBHL";

} // namespace

// The scanner on files, in a QCoreApplication (no QGuiApplication, as in
// `assay sync`): what is read as text, what as PDF pages, what not at all,
// and what fails.
class TestEvidenceScanner : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    EvidenceScanner m_scanner;

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            return {};
        return path;
    }

    // The findings as "page:line kind", or the outcome when there are none.
    QStringList scanned(const QString &path, const QString &declared) const
    {
        const Result<std::optional<SecretsFinder::FileScan>> scan = m_scanner.scan(path, declared);
        if (!scan)
            return {u"error: "_s + scan.error().message};
        if (!*scan)
            return {u"not text"_s};
        QStringList out;
        for (const SecretFinding &f : (*scan)->findings)
            out.append(u"%1:%2 %3"_s.arg(f.page).arg(f.line).arg(SecretFinding::kindName(f.kind)));
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(!QCoreApplication::instance()->inherits("QGuiApplication"));
    }

    void textFindsSecretsByLine()
    {
        const QString path = write(u"app.log"_s, "service started\n" + AwsKeyLine + "\nnothing here\n" + BearerLine + "\n");
        QCOMPARE(scanned(path, u"text/plain"_s), (QStringList{u"0:2 cloud_access_key"_s, u"0:4 token"_s}));
    }

    // Clean is an empty list, not "not scanned".
    void cleanTextIsScannedWithNothing()
    {
        const QString path = write(u"clean.txt"_s, "a1b2c3d4-0000-4000-8000-123456789abc\nno secrets at all\n");
        const Result<std::optional<SecretsFinder::FileScan>> scan = m_scanner.scan(path, u"text/plain"_s);
        QVERIFY(scan && *scan);
        QVERIFY((*scan)->findings.isEmpty());
        QVERIFY(!(*scan)->truncated);
    }

    // HTML is scanned as its source: a key in a comment counts.
    void htmlIsScannedAsSource()
    {
        const QString path = write(u"report.html"_s, "<!DOCTYPE html>\n<html><head><title>Scan</title></head>\n<body>\n<!-- "
                                                         + AwsKeyLine + " -->\n<p>All good.</p>\n</body></html>\n");
        QCOMPARE(scanned(path, u"text/html"_s), QStringList{u"0:4 cloud_access_key"_s});
    }

    // PDF text page by page, through QtPdf, on a worker thread.
    void pdfPagesOnAWorkerThread()
    {
        const QString path = write(u"policy.pdf"_s, pdfWithPages({{"Data protection policy", "Page one is clean."},
                                                                   {"Appendix", AwsKeyLine, "End."}}));
        QStringList onWorker;
        bool workerThread = false;
        QtConcurrent::run([&] {
            workerThread = QThread::currentThread() != QCoreApplication::instance()->thread();
            onWorker = scanned(path, u"application/pdf"_s);
        }).waitForFinished();
        QVERIFY(workerThread);
        QCOMPARE(onWorker, QStringList{u"2:2 cloud_access_key"_s});
    }

    // What is scanned follows the content, not the label.
    void aPdfDeclaredAsTextIsReadAsAPdf()
    {
        const QString path = write(u"notes.txt"_s, pdfWithPages({{BearerLine}}));
        QCOMPARE(scanned(path, u"text/plain"_s), QStringList{u"1:1 token"_s});
    }

    void imagesAndBinariesAreNotText()
    {
        QByteArray png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89", 33);
        png += AwsKeyLine; // bytes after the header are not read as text
        QCOMPARE(scanned(write(u"shot.png"_s, png), u"image/png"_s), QStringList{u"not text"_s});
        QByteArray elf("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0\x3e\0", 20);
        elf += QByteArray(200, '\0') + AwsKeyLine;
        QCOMPARE(scanned(write(u"tool.cpp"_s, elf), u"text/plain"_s), QStringList{u"not text"_s});
    }

    // A file QtPdf refuses, or one that is not there, is an error that says
    // why (and never a crash); nothing of its content is in the message.
    void brokenFilesAreErrors()
    {
        const QStringList broken = scanned(write(u"broken.pdf"_s, "%PDF-1.7\n" + AwsKeyLine + "\n" + QByteArray(500, '\x07')),
                                           u"application/pdf"_s);
        QCOMPARE(broken.size(), 1);
        QVERIFY2(broken.first().startsWith(u"error: "_s) && broken.first().contains(u"PDF"_s), qPrintable(broken.first()));
        QVERIFY(!broken.first().contains(u"AKIA"_s));
        const QStringList missing = scanned(m_dir.filePath(u"gone.log"_s), u"text/plain"_s);
        QCOMPARE(missing.size(), 1);
        QVERIFY2(missing.first().startsWith(u"error: "_s), qPrintable(missing.first()));
    }
};

QTEST_GUILESS_MAIN(TestEvidenceScanner)
#include "tst_evidencescanner.moc"
