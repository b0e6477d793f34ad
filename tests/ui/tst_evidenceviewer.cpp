#include "domain/EvidenceItem.h"
#include "domain/SecretFinding.h"
#include "ui/evidence/EvidenceScheme.h"
#include "ui/evidence/EvidenceViewer.h"
#include "ui/evidence/FindingsPanel.h"
#include "ui/evidence/HexEvidenceView.h"
#include "ui/evidence/HtmlEvidenceView.h"
#include "ui/evidence/ImageEvidenceView.h"
#include "ui/evidence/PdfEvidenceView.h"
#include "ui/evidence/TextEvidenceView.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QCryptographicHash>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPdfView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace assay;
using namespace Qt::StringLiterals;

namespace {
QString hostile(const QString &name)
{
    return qEnvironmentVariable("ASSAY_SOURCE_DIR") + u"/tests/data/hostile/"_s + name;
}

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

EvidenceItem itemFor(const QString &filename, const QString &mediaType, const QByteArray &bytes)
{
    EvidenceItem item;
    item.id = u"e_test"_s;
    item.filename = filename;
    item.mediaType = mediaType;
    item.size = bytes.size();
    item.sha256 = sha256Of(bytes);
    item.localState = EvidenceItem::LocalState::Present;
    return item;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

SecretFinding finding(int line, int column, int length, SecretFinding::Kind kind, const QString &rule)
{
    SecretFinding f;
    f.kind = kind;
    f.rule = rule;
    f.line = line;
    f.column = column;
    f.length = length;
    return f;
}
} // namespace

// Whatever would ask the desktop to open a URL (a followed link, an action)
// lands here instead of in a browser.
class UrlCatcher : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> urls;

public Q_SLOTS:
    void open(const QUrl &url) { urls.append(url); }
};

// The evidence viewer as a reviewer uses it: the facts bar, the view its
// content calls for, the findings panel with jump, redact, copy and "add to
// rejection note", and what it says about items it does not open.
class TestEvidenceViewer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    UrlCatcher m_desktop;
    const QStringList m_schemes{u"http"_s, u"https"_s, u"file"_s, u"mailto"_s, u"javascript"_s, u"data"_s};

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    // A log with an AWS-style key on line 40 and a URL password on line 150.
    QByteArray secretLog() const
    {
        QByteArray log;
        for (int i = 1; i <= 200; ++i) {
            if (i == 40)
                log += "2024-05-01 deploy using AKIAZ3MSJV5QH4PLOWCB for the bucket\n";
            else if (i == 150)
                log += "2024-05-01 db postgres://admin:Tr0ub4dor-x9@db.internal:5432/app\n";
            else
                log += "2024-05-01 12:00:" + QByteArray::number(i % 60).rightJustified(2, '0') + " request served in 12 ms\n";
        }
        return log;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFile::exists(hostile(u"elf-named.cpp"_s)), "ASSAY_SOURCE_DIR must name the source tree");
        for (const QString &scheme : m_schemes)
            QDesktopServices::setUrlHandler(scheme, &m_desktop, "open");
    }

    void cleanup()
    {
        // Nothing the viewer showed asked the desktop to open anything.
        QCOMPARE(m_desktop.urls, QList<QUrl>());
    }

    void cleanupTestCase()
    {
        for (const QString &scheme : m_schemes)
            QDesktopServices::unsetUrlHandler(scheme);
    }

    void factsBarShowsTheNameAsTextAndChecksTheCopy()
    {
        const QByteArray bytes = "hello = world\n";
        const QString path = write(u"facts.ini"_s, bytes);
        EvidenceViewer viewer;
        viewer.resize(900, 600);
        viewer.show();
        QSignalSpy shown(&viewer, &EvidenceViewer::shown);
        QSignalSpy checked(&viewer, &EvidenceViewer::checksumChecked);
        // Markup, a path and a right-to-left override ("exe.txt" that reads "txt.exe").
        const QString partnerName = u"<b>../../etc/passwd</b> report\u202Etxt.exe"_s;
        viewer.open(path, itemFor(partnerName, u"text/plain"_s, bytes), QList<SecretFinding>());
        QTRY_COMPARE(shown.size(), 1);
        auto *name = viewer.findChild<QLabel *>(u"evidenceFileName"_s);
        QVERIFY(name);
        QCOMPARE(name->textFormat(), Qt::PlainText);
        QCOMPARE(viewer.fileNameText(), u"<b>../../etc/passwd</b> report\uFFFDtxt.exe"_s);
        QVERIFY2(viewer.factsText().contains(u"text/plain"_s), qPrintable(viewer.factsText()));
        QVERIFY(viewer.warningText().isEmpty());
        QTRY_COMPARE(checked.size(), 1);
        QCOMPARE(checked.at(0).at(0).toBool(), true);
        QVERIFY2(viewer.checksumText().contains(sha256Of(bytes)), qPrintable(viewer.checksumText()));
        QVERIFY(viewer.checksumText().contains(u"matches"_s));
        QCOMPARE(viewer.currentView(), viewer.textView());

        // The same bytes against another declared checksum: said plainly.
        EvidenceItem changed = itemFor(u"facts.ini"_s, u"text/plain"_s, bytes);
        changed.sha256 = QString(64, u'a');
        viewer.open(path, changed, std::nullopt);
        QTRY_COMPARE(checked.size(), 2);
        QCOMPARE(checked.at(1).at(0).toBool(), false);
        QVERIFY2(viewer.checksumText().contains(u"does NOT match"_s), qPrintable(viewer.checksumText()));
    }

    void anExecutableDeclaredAsCodeIsShownAsHexWithAWarning()
    {
        EvidenceViewer viewer;
        viewer.resize(900, 600);
        viewer.show();
        QSignalSpy shown(&viewer, &EvidenceViewer::shown);
        const QString path = hostile(u"elf-named.cpp"_s);
        viewer.open(path, itemFor(u"main.cpp"_s, u"text/x-c++src"_s, readAll(path)), std::nullopt);
        QTRY_COMPARE(shown.size(), 1);
        QVERIFY2(!viewer.warningText().isEmpty(), "an ELF declared as C++ must be warned about");
        QVERIFY(viewer.findChild<QLabel *>(u"evidenceWarning"_s)->isVisible());
        QCOMPARE(viewer.currentView(), viewer.hexView());
        QVERIFY(viewer.hexView()->rowText(0).startsWith(u"00000000  7f 45 4c 46 02 01 01 00"_s));
        QVERIFY(viewer.hexView()->rowText(0).endsWith(u"|.ELF............|"_s));
        // Nothing of the rendered kinds was made for it.
        QVERIFY(!viewer.htmlView());
        QVERIFY(!viewer.textView());
        // Bytes and no text: no findings panel.
        QVERIFY(!viewer.findingsPanel()->isVisible());
    }

    void bytesScrollFromTheKeyboard()
    {
        QByteArray bytes(64 * 1024, '\0');
        for (qsizetype i = 0; i < bytes.size(); ++i)
            bytes[i] = char((i * 7) & 0xff);
        bytes.prepend("\x7f" "ELF\x02\x01\x01", 7);
        const QString path = write(u"blob.bin"_s, bytes);
        EvidenceViewer viewer;
        viewer.resize(900, 500);
        viewer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&viewer));
        viewer.open(path, itemFor(u"blob.bin"_s, u"application/octet-stream"_s, bytes), std::nullopt);
        HexEvidenceView *hex = viewer.hexView();
        QCOMPARE(viewer.currentView(), hex);
        QCOMPARE(hex->rowCount(), (bytes.size() + 15) / 16);
        hex->setFocus();
        QCOMPARE(hex->firstVisibleRow(), 0);
        QTest::keyClick(hex, Qt::Key_PageDown);
        QCOMPARE(hex->firstVisibleRow(), hex->visibleRowCount());
        QTest::keyClick(hex, Qt::Key_End, Qt::ControlModifier);
        QCOMPARE(hex->firstVisibleRow() + hex->visibleRowCount(), hex->rowCount());
        // The last row: the file's last bytes, at their offset.
        const qint64 last = hex->rowCount() - 1;
        QVERIFY2(hex->rowText(last).startsWith(QStringLiteral("%1").arg(last * 16, 8, 16, QLatin1Char('0'))),
                 qPrintable(hex->rowText(last)));
        QTest::keyClick(hex, Qt::Key_Home, Qt::ControlModifier);
        QCOMPARE(hex->firstVisibleRow(), 0);
    }

    void unavailableItemsSaySo_data()
    {
        QTest::addColumn<EvidenceItem::LocalState>("state");
        QTest::addColumn<QString>("says");
        QTest::newRow("absent") << EvidenceItem::LocalState::Absent << u"Not downloaded yet"_s;
        QTest::newRow("mismatch") << EvidenceItem::LocalState::Mismatch << u"Quarantined"_s;
        QTest::newRow("refused") << EvidenceItem::LocalState::Refused << u"Refused by the sync"_s;
    }

    void unavailableItemsSaySo()
    {
        QFETCH(EvidenceItem::LocalState, state);
        QFETCH(QString, says);
        EvidenceViewer viewer;
        viewer.show();
        QSignalSpy shown(&viewer, &EvidenceViewer::shown);
        EvidenceItem item = itemFor(u"scan.html"_s, u"text/html"_s, "x");
        item.localState = state;
        viewer.showUnavailable(item);
        QCOMPARE(shown.size(), 1);
        QVERIFY2(viewer.message().startsWith(says), qPrintable(viewer.message()));
        QCOMPARE(viewer.currentView(), nullptr);
        QCOMPARE(viewer.fileNameText(), u"scan.html"_s);
        // Nothing is opened for it, least of all WebEngine.
        QVERIFY(!viewer.htmlView());
        QVERIFY(!viewer.findChild<QPushButton *>(u"evidenceShowHex"_s)->isVisible());
    }

    void findingsAreListedJumpedToRedactedAndReferenced()
    {
        const QByteArray log = secretLog();
        const QString path = write(u"deploy.log"_s, log);
        const QList<SecretFinding> findings{
            finding(40, 23, 20, SecretFinding::Kind::CloudAccessKey, u"aws-access-key-id"_s),
            finding(150, 14, 51, SecretFinding::Kind::UrlPassword, u"url-password"_s),
        };
        EvidenceViewer viewer;
        viewer.resize(1000, 500);
        viewer.show();
        QSignalSpy shown(&viewer, &EvidenceViewer::shown);
        viewer.open(path, itemFor(u"deploy.log"_s, u"text/plain"_s, log), findings);
        QTRY_COMPARE(shown.size(), 1);
        FindingsPanel *panel = viewer.findingsPanel();
        QVERIFY(panel->isVisible());
        QListWidget *list = panel->list();
        QCOMPARE(list->count(), 2);
        for (int i = 0; i < list->count(); ++i) {
            // Where and what, never the secret.
            QVERIFY(!list->item(i)->text().contains(u"AKIA"_s));
            QVERIFY(!list->item(i)->text().contains(u"Tr0ub4dor"_s));
        }
        QVERIFY2(list->item(0)->text().contains(u"40"_s), qPrintable(list->item(0)->text()));

        // Enter on the second finding: the text view shows line 150.
        TextEvidenceView *text = viewer.textView();
        QVERIFY(text);
        QTRY_VERIFY(text->topLine() <= 1);
        list->setFocus();
        list->setCurrentRow(1);
        QTest::keyClick(list, Qt::Key_Return);
        QTRY_VERIFY2(text->topLine() > 100 && text->topLine() <= 150, qPrintable(QString::number(text->topLine())));
        QTRY_VERIFY(text->visibleText().join(u'\n').contains(u"Tr0ub4dor"_s));

        // Redact: the view draws the findings as their kind.
        QTest::mouseClick(panel->redactSwitch(), Qt::LeftButton);
        QVERIFY(text->isRedacted());
        QTRY_VERIFY(!text->visibleText().join(u'\n').contains(u"Tr0ub4dor"_s));
        QTest::mouseClick(panel->redactSwitch(), Qt::LeftButton);
        QVERIFY(!text->isRedacted());

        // Copy reference and add to the rejection note: line and kind only.
        list->setCurrentRow(0);
        QApplication::clipboard()->clear();
        QTest::mouseClick(panel->copyButton(), Qt::LeftButton);
        const QString copied = QApplication::clipboard()->text();
        QVERIFY2(copied.contains(u"line 40"_s), qPrintable(copied));
        QVERIFY(!copied.contains(u"AKIA"_s));
        QSignalSpy note(&viewer, &EvidenceViewer::referenceRequested);
        QTest::mouseClick(panel->addToNoteButton(), Qt::LeftButton);
        QCOMPARE(note.size(), 1);
        QCOMPARE(note.at(0).at(0).toString(), copied);
    }

    void findingsThatArriveLaterAreShown()
    {
        const QByteArray log = secretLog();
        const QString path = write(u"later.log"_s, log);
        EvidenceViewer viewer;
        viewer.show();
        viewer.open(path, itemFor(u"later.log"_s, u"text/plain"_s, log), std::nullopt);
        QVERIFY(viewer.findingsPanel()->isVisible());
        QCOMPARE(viewer.findingsPanel()->list()->count(), 0);
        QVERIFY(viewer.findChild<QLabel *>(u"findingsSummary"_s)->text().contains(u"Not scanned"_s));
        viewer.setFindings(QList<SecretFinding>{finding(40, 23, 20, SecretFinding::Kind::CloudAccessKey, u"aws-access-key-id"_s)});
        QCOMPARE(viewer.findingsPanel()->list()->count(), 1);
    }

    void aDecompressionBombIsRefusedWithAMessage()
    {
        EvidenceViewer viewer;
        viewer.show();
        QSignalSpy shown(&viewer, &EvidenceViewer::shown);
        const QString path = hostile(u"png-bomb.png"_s);
        viewer.open(path, itemFor(u"screenshot.png"_s, u"image/png"_s, readAll(path)), std::nullopt);
        QTRY_COMPARE(shown.size(), 1);
        QVERIFY2(viewer.message().startsWith(u"Refused"_s), qPrintable(viewer.message()));
        QVERIFY(viewer.message().contains(u"65,535"_s) || viewer.message().contains(u"65535"_s));
        // The bytes can still be looked at.
        auto *hex = viewer.findChild<QPushButton *>(u"evidenceShowHex"_s);
        QVERIFY(hex->isVisible());
        QTest::mouseClick(hex, Qt::LeftButton);
        QCOMPARE(viewer.currentView(), viewer.hexView());
        QVERIFY(viewer.hexView()->rowText(0).contains(u"89 50 4e 47"_s));
    }

    void aTruncatedImageSaysItCannotBeDecoded()
    {
        EvidenceViewer viewer;
        viewer.show();
        QSignalSpy shown(&viewer, &EvidenceViewer::shown);
        const QString path = hostile(u"png-truncated.png"_s);
        viewer.open(path, itemFor(u"cut.png"_s, u"image/png"_s, readAll(path)), std::nullopt);
        QTRY_COMPARE(shown.size(), 1);
        // Either a partial picture or a message, never a crash or a hang.
        if (viewer.currentView() != viewer.imageView())
            QVERIFY2(viewer.message().contains(u"decode"_s), qPrintable(viewer.message()));
    }

    void imagesZoomFromTheKeyboard()
    {
        EvidenceViewer viewer;
        viewer.resize(900, 700);
        viewer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&viewer));
        QSignalSpy shown(&viewer, &EvidenceViewer::shown);
        const QString path = hostile(u"png-named.txt"_s);
        // A PNG declared as text: shown as the image it is, with the disagreement said.
        viewer.open(path, itemFor(u"notes.txt"_s, u"text/plain"_s, readAll(path)), std::nullopt);
        QTRY_COMPARE(shown.size(), 1);
        ImageEvidenceView *image = viewer.imageView();
        QCOMPARE(viewer.currentView(), image);
        QVERIFY(!viewer.warningText().isEmpty());
        QCOMPARE(image->imageSize(), QSize(64, 64));
        QCOMPARE(image->zoom(), 1.0); // small images start at their size
        image->setFocus();
        QTest::keyClick(image, Qt::Key_Plus, Qt::ControlModifier);
        QCOMPARE(image->zoom(), 1.25);
        QTest::keyClick(image, Qt::Key_Minus, Qt::ControlModifier);
        QTest::keyClick(image, Qt::Key_Minus, Qt::ControlModifier);
        QCOMPARE(image->zoom(), 0.8);
        QTest::keyClick(image, Qt::Key_0, Qt::ControlModifier);
        QVERIFY(image->isFit());
        QVERIFY(image->zoom() > 2.0); // 64 px fitted into a 900 × 600 view
        QTest::keyClick(image, Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(image->zoom(), 1.0);
        QVERIFY(!image->isFit());
    }

    void aPdfWithActionsShowsItsPageAndRunsNothing()
    {
        EvidenceViewer viewer;
        viewer.resize(900, 700);
        viewer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&viewer));
        QSignalSpy shown(&viewer, &EvidenceViewer::shown);
        // Its actions aimed at a canary of ours: the same length, so the PDF stays whole.
        QTcpServer canary;
        QVERIFY(canary.listen(QHostAddress::LocalHost));
        if (canary.serverPort() < 10000)
            QSKIP("the canary needs a five-digit port");
        QByteArray bytes = readAll(hostile(u"pdf-actions.pdf"_s));
        QVERIFY(bytes.contains("127.0.0.1:65009"));
        bytes.replace("127.0.0.1:65009", QByteArray("127.0.0.1:").append(QByteArray::number(canary.serverPort())));
        const QString path = write(u"pentest.pdf"_s, bytes);
        viewer.open(path, itemFor(u"pentest.pdf"_s, u"application/pdf"_s, bytes), std::nullopt);
        QTRY_COMPARE(shown.size(), 1);
        PdfEvidenceView *pdf = viewer.pdfView();
        QCOMPARE(viewer.currentView(), pdf);
        QCOMPARE(pdf->pageCount(), 1);
        QCOMPARE(pdf->currentPage(), 1);
        // A click on the URI link, the JavaScript link and the launch link: nothing happens.
        QWidget *pages = pdf->pdfView()->viewport();
        for (const QPoint at : {QPoint(200, 110), QPoint(200, 135), QPoint(200, 250)})
            QTest::mouseClick(pages, Qt::LeftButton, {}, at);
        QCOMPARE(pdf->currentPage(), 1);
        QCOMPARE(viewer.currentView(), pdf);
        QCoreApplication::processEvents();
        QVERIFY2(!canary.hasPendingConnections(), "the PDF reached the canary");
        QVERIFY(pdf->isFitWidth());
        QTest::keyClick(pdf->pdfView(), Qt::Key_Plus, Qt::ControlModifier);
        QVERIFY(!pdf->isFitWidth());
        QTest::keyClick(pdf->pdfView(), Qt::Key_0, Qt::ControlModifier);
        QVERIFY(pdf->isFitWidth());
    }

    void aBrokenPdfSaysWhy()
    {
        EvidenceViewer viewer;
        viewer.show();
        QSignalSpy shown(&viewer, &EvidenceViewer::shown);
        const QString path = hostile(u"text-named.pdf"_s);
        viewer.open(path, itemFor(u"report.pdf"_s, u"application/pdf"_s, readAll(path)), std::nullopt);
        QTRY_COMPARE(shown.size(), 1);
        // Declared PDF, detected text: never handed to QtPdf.
        QVERIFY(!viewer.warningText().isEmpty());
        QVERIFY(!viewer.pdfView());
    }

    void htmlIsMadeLazilyAndItsSourceCanBeShown()
    {
        EvidenceViewer viewer;
        viewer.resize(1000, 700);
        viewer.show();
        QSignalSpy shown(&viewer, &EvidenceViewer::shown);
        const QByteArray log = secretLog();
        viewer.open(write(u"first.log"_s, log), itemFor(u"first.log"_s, u"text/plain"_s, log), std::nullopt);
        QTRY_COMPARE(shown.size(), 1);
        QVERIFY2(!viewer.htmlView(), "no WebEngine before the first HTML item");
        const QByteArray html = "<!DOCTYPE html><html><head><title>Scan</title></head><body><h1>Report</h1>\n"
                                "<p>token: AKIAZ3MSJV5QH4PLOWCB</p></body></html>\n";
        const SecretFinding key = finding(2, 10, 20, SecretFinding::Kind::CloudAccessKey, u"aws-access-key-id"_s);
        viewer.open(write(u"scan.html"_s, html), itemFor(u"scan.html"_s, u"text/html"_s, html), QList<SecretFinding>{key});
        QVERIFY(viewer.htmlView());
        QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 2, 30000);
        QToolButton *source = viewer.sourceButton();
        QVERIFY(source->isVisible());
        if (viewer.currentView() != viewer.htmlView())
            QSKIP(qPrintable(u"WebEngine cannot run here: "_s + viewer.message()));
        QTest::mouseClick(source, Qt::LeftButton);
        QVERIFY(viewer.isSourceShown());
        QCOMPARE(viewer.currentView(), viewer.textView());
        QTRY_VERIFY(viewer.textView()->visibleText().join(u'\n').contains(u"AKIAZ3MSJV5QH4PLOWCB"_s));
        QTest::mouseClick(source, Qt::LeftButton);
        QCOMPARE(viewer.currentView(), viewer.htmlView());
        // Redacting goes to the source, where findings can be redacted.
        QTest::mouseClick(viewer.findingsPanel()->redactSwitch(), Qt::LeftButton);
        QCOMPARE(viewer.currentView(), viewer.textView());
        QTRY_VERIFY(!viewer.textView()->visibleText().join(u'\n').contains(u"AKIAZ3MSJV5QH4PLOWCB"_s));
    }

    void anEmptyFileIsShown()
    {
        EvidenceViewer viewer;
        viewer.show();
        QSignalSpy shown(&viewer, &EvidenceViewer::shown);
        viewer.open(hostile(u"empty.txt"_s), itemFor(u"empty.txt"_s, u"text/plain"_s, {}), std::nullopt);
        QTRY_COMPARE(shown.size(), 1);
        QVERIFY(viewer.factsText().contains(u"0 bytes"_s));
        QVERIFY2(viewer.message().contains(u"empty"_s), qPrintable(viewer.message()));
    }
};

int main(int argc, char **argv)
{
    // Before the application, as assay's main does.
    EvidenceScheme::registerScheme();
    // Detection reads the system's MIME database (shared-mime-info); the
    // test's XDG_DATA_DIRS (a folder of its own, so no syntax definitions
    // of the machine's user are read) would hide it: the system's are added.
    qputenv("XDG_DATA_DIRS", qgetenv("XDG_DATA_DIRS").append(":/usr/local/share:/usr/share"));
    QApplication app(argc, argv);
    TestEvidenceViewer test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_evidenceviewer.moc"
