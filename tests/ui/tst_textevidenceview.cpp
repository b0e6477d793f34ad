#include "ui/evidence/TextEvidenceArea.h"
#include "ui/evidence/TextEvidenceView.h"
#include "ui/evidence/TextFindBar.h"
#include "ui/evidence/TextGoToBar.h"
#include "ui/evidence/TextHighlighter.h"
#include "ui/evidence/TextRedaction.h"

#include <KSyntaxHighlighting/Theme>

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QLineEdit>
#include <QMetaEnum>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace assay;
using namespace Qt::StringLiterals;

namespace {

QString sourceDir()
{
    const QString dir = qEnvironmentVariable("ASSAY_SOURCE_DIR");
    return dir.isEmpty() ? QStringLiteral(ASSAY_TEST_SOURCE_DIR) : dir;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

// The reference's lines for one sample line: "start\tlength\tstyle\tformat".
QHash<int, QStringList> readReference(const QString &path, QString *definition)
{
    QHash<int, QStringList> runs;
    const QList<QByteArray> lines = readFile(path).split('\n');
    for (const QByteArray &l : lines) {
        if (l.startsWith("# definition: ")) {
            *definition = QString::fromUtf8(l.mid(14));
            continue;
        }
        if (l.isEmpty() || l.startsWith('#'))
            continue;
        const int tab = l.indexOf('\t');
        runs[l.left(tab).toInt()].append(QString::fromUtf8(l.mid(tab + 1)));
    }
    return runs;
}

// A row's spans in the reference's form, adjacent runs of one format merged.
QStringList runsOf(const TextSpans &spans)
{
    const QMetaEnum styles = QMetaEnum::fromType<KSyntaxHighlighting::Theme::TextStyle>();
    struct Run
    {
        int start, length;
        QString style, format;
    };
    QList<Run> runs;
    for (const TextSpan &s : spans) {
        const QString style = QString::fromLatin1(styles.valueToKey(s.style));
        if (!runs.isEmpty() && runs.last().start + runs.last().length == s.start && runs.last().style == style
            && runs.last().format == s.format) {
            runs.last().length += s.length;
            continue;
        }
        runs.append(Run{s.start, s.length, style, s.format});
    }
    QStringList out;
    for (const Run &r : runs)
        out.append(u"%1\t%2\t%3\t%4"_s.arg(r.start).arg(r.length).arg(r.style, r.format));
    return out;
}

bool rowsExact(TextEvidenceView &view, qsizetype first, qsizetype count)
{
    for (qsizetype row = first; row < first + count; ++row) {
        if (!view.area()->highlighter()->isExact(row))
            return false;
    }
    return true;
}

} // namespace

// The text view driven as a reviewer drives it: colours checked against
// KSyntaxHighlighting's reference output, find and go to line by keyboard,
// a 20 MB single line and a large log, redaction and invalid UTF-8.
class TestTextEvidenceView : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            qFatal("cannot write the test file");
        return path;
    }

    // A view on screen with `path` open and its first screen drawn.
    bool openShown(TextEvidenceView &view, const QString &path, const QString &name, const QString &type = {})
    {
        view.resize(900, 700);
        view.show();
        if (!QTest::qWaitForWindowExposed(&view))
            return false;
        view.activateWindow();
        QSignalSpy shown(&view, &TextEvidenceView::shown);
        view.open(path, name, type);
        return shown.wait(10000);
    }

    static bool indexed(TextEvidenceView &view)
    {
        if (view.isIndexed())
            return true;
        QSignalSpy done(&view, &TextEvidenceView::indexed);
        return done.wait(30000);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void highlightingMatchesTheReference_data()
    {
        QTest::addColumn<QString>("sample");
        for (const char *s : {"sample.cpp", "sample.py", "sample.json", "sample.yaml", "sample.sh", "sample.log"})
            QTest::newRow(s) << QString::fromLatin1(s);
    }

    void highlightingMatchesTheReference()
    {
        QFETCH(QString, sample);
        const QString dir = sourceDir() + u"/tests/data/highlight/"_s;
        QString definition;
        const QHash<int, QStringList> reference = readReference(dir + sample + u".ref"_s, &definition);
        QVERIFY(!reference.isEmpty());
        TextEvidenceView view;
        view.resize(900, 1400); // every line of a sample on screen
        QVERIFY(openShown(view, dir + sample, sample));
        view.resize(900, 1400);
        QCOMPARE(view.definitionName(), definition);
        QVERIFY(indexed(view));
        const int lines = view.lineCount();
        QVERIFY(lines > 10);
        QTRY_VERIFY_WITH_TIMEOUT(rowsExact(view, 0, lines), 10000);
        for (int line = 1; line <= lines; ++line) {
            const TextSpans *spans = view.area()->rowSpans(view.area()->rowOfLine(line - 1));
            QVERIFY(spans);
            QCOMPARE(runsOf(*spans), reference.value(line));
        }
    }

    // Far into a file the colours start from a checkpoint of the state
    // carried from the top: the sample repeated, every copy coloured as the
    // reference colours the sample.
    void highlightingFarIntoAFile()
    {
        const QString dir = sourceDir() + u"/tests/data/highlight/"_s;
        QString definition;
        const QHash<int, QStringList> reference = readReference(dir + u"sample.py.ref"_s, &definition);
        const QByteArray sample = readFile(dir + u"sample.py"_s);
        const int sampleLines = int(sample.count('\n'));
        QByteArray repeated;
        for (int i = 0; i < 200; ++i)
            repeated += sample;
        TextEvidenceView view;
        QVERIFY(openShown(view, write(u"repeated.py"_s, repeated), u"repeated.py"_s));
        QVERIFY(indexed(view));
        QCOMPARE(view.lineCount(), sampleLines * 200);
        const int target = sampleLines * 170 + 3;
        view.goTo(target);
        QTRY_VERIFY(view.topLine() <= target && target < view.topLine() + 20);
        const qsizetype top = view.area()->rowOfLine(view.topLine() - 1);
        QTRY_VERIFY_WITH_TIMEOUT(rowsExact(view, top, 20), 20000);
        for (qsizetype row = top; row < top + 20; ++row) {
            const int line = int(row) % sampleLines + 1;
            QCOMPARE(runsOf(*view.area()->rowSpans(row)), reference.value(line));
        }
    }

    void definitionByNameThenTypeThenContent_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("definition");
        QTest::newRow("by name") << u"main.cpp"_s << u"text/plain"_s << "int x;\n"_ba << u"C++"_s;
        QTest::newRow("name beats type") << u"conf.yaml"_s << u"application/json"_s << "a: 1\n"_ba << u"YAML"_s;
        QTest::newRow("by type") << u"evidence"_s << u"application/json"_s << "{\"a\": 1}\n"_ba << u"JSON"_s;
        QTest::newRow("by shebang") << u"run"_s << u"text/plain"_s << "#!/bin/sh\necho hi\n"_ba << u"Bash"_s;
        QTest::newRow("python shebang") << u"tool"_s << u"text/plain"_s << "#!/usr/bin/env python3\n"_ba << u"Python"_s;
        QTest::newRow("xml declaration") << u"data"_s << u"text/plain"_s << "<?xml version=\"1.0\"?><a/>\n"_ba << u"XML"_s;
        QTest::newRow("json content") << u"data"_s << u"text/plain"_s << "[{\"id\": 1}]\n"_ba << u"JSON"_s;
        QTest::newRow("plain") << u"notes"_s << u"text/plain"_s << "just words\n"_ba << QString();
    }

    void definitionByNameThenTypeThenContent()
    {
        QFETCH(QString, name);
        QFETCH(QString, type);
        QFETCH(QByteArray, content);
        QFETCH(QString, definition);
        TextEvidenceView view;
        QVERIFY(openShown(view, write(u"def-"_s + QString::number(qHash(name + type)), content), name, type));
        QCOMPARE(view.definitionName(), definition);
    }

    void themeFollowsThePalette()
    {
        const QString path = write(u"theme.cpp"_s, "int x;\n"_ba);
        TextEvidenceView light;
        QPalette lightPalette;
        lightPalette.setColor(QPalette::Base, Qt::white);
        lightPalette.setColor(QPalette::Text, Qt::black);
        light.setPalette(lightPalette);
        QVERIFY(openShown(light, path, u"theme.cpp"_s));
        TextEvidenceView dark;
        QPalette darkPalette;
        darkPalette.setColor(QPalette::Base, QColor(20, 20, 20));
        darkPalette.setColor(QPalette::Text, QColor(230, 230, 230));
        dark.setPalette(darkPalette);
        QVERIFY(openShown(dark, path, u"theme.cpp"_s));
        QVERIFY(!light.themeName().isEmpty());
        QVERIFY(!dark.themeName().isEmpty());
        QVERIFY(light.themeName() != dark.themeName());
        QVERIFY2(dark.themeName().contains(u"Dark"_s, Qt::CaseInsensitive), qPrintable(dark.themeName()));
    }

    // Ctrl+F, typing, Enter; F3; Ctrl+G, a number, Enter — with keys only.
    void findAndGoToByKeyboard()
    {
        QByteArray log;
        for (int i = 1; i <= 20000; ++i)
            log += "2026-11-30 01:00:00 INFO line " + QByteArray::number(i) + (i == 15000 || i == 17500 ? " Needle" : "")
                + " done\n";
        TextEvidenceView view;
        QVERIFY(openShown(view, write(u"find.log"_s, log), u"find.log"_s));
        QVERIFY(indexed(view));
        QWidget *area = view.textArea();
        area->setFocus();
        QVERIFY(QTest::qWaitForWindowActive(&view));

        QTest::keyClick(area, Qt::Key_F, Qt::ControlModifier);
        QVERIFY(view.findBar()->isVisible());
        QLineEdit *field = view.findBar()->field();
        QTRY_VERIFY(field->hasFocus());
        QTest::keyClicks(field, u"needle"_s);
        QTest::keyClick(field, Qt::Key_Return);
        QTRY_COMPARE(view.findBar()->statusText(), u"1 of 2"_s);
        QVERIFY(view.topLine() <= 15000 && 15000 < view.topLine() + 30);
        QVERIFY(view.visibleText().join(u'\n').contains(u"line 15000 Needle done"_s));
        QTest::keyClick(field, Qt::Key_F3);
        QTRY_COMPARE(view.findBar()->statusText(), u"2 of 2"_s);
        QVERIFY(view.visibleText().join(u'\n').contains(u"line 17500 Needle done"_s));
        QTest::keyClick(field, Qt::Key_F3, Qt::ShiftModifier);
        QTRY_COMPARE(view.findBar()->statusText(), u"1 of 2"_s);
        QTest::keyClick(field, Qt::Key_Escape);
        QVERIFY(!view.findBar()->isVisible());

        area->setFocus();
        QTest::keyClick(area, Qt::Key_G, Qt::ControlModifier);
        auto *goTo = view.findChild<TextGoToBar *>();
        QVERIFY(goTo && goTo->isVisible());
        QTRY_VERIFY(goTo->field()->hasFocus());
        QTest::keyClicks(goTo->field(), u"12345"_s);
        QTest::keyClick(goTo->field(), Qt::Key_Return);
        QVERIFY(view.topLine() <= 12345 && 12345 < view.topLine() + 30);
        QVERIFY(view.visibleText().contains(u"2026-11-30 01:00:00 INFO line 12345 done"_s));

        // Keyboard scrolling.
        QTest::keyClick(area, Qt::Key_End, Qt::ControlModifier);
        QVERIFY(view.visibleText().contains(u"2026-11-30 01:00:00 INFO line 20000 done"_s));
        QTest::keyClick(area, Qt::Key_Home, Qt::ControlModifier);
        QCOMPARE(view.topLine(), 1);
        QTest::keyClick(area, Qt::Key_PageDown);
        QVERIFY(view.topLine() > 10);
        QTest::keyClick(area, Qt::Key_Down);
        const int afterDown = view.topLine();
        QTest::keyClick(area, Qt::Key_Up);
        QCOMPARE(view.topLine(), afterDown - 1);
    }

    // 20 MB on one line: shown in segments, never laid out whole; the end
    // reached by keyboard and by find.
    void twentyMegabyteSingleLine()
    {
        QByteArray line;
        line.reserve(20 * 1024 * 1024 + 16);
        const QByteArray unit = "abcdefghij0123456789 ";
        while (line.size() < 20 * 1024 * 1024)
            line += unit;
        line += "THE-END";
        TextEvidenceView view;
        QVERIFY(openShown(view, write(u"single.txt"_s, line), u"single.txt"_s));
        const QStringList first = view.visibleText();
        QVERIFY(!first.isEmpty());
        QVERIFY(first.first().startsWith(u"abcdefghij0123456789 "_s));
        for (const QString &row : first)
            QVERIFY(row.size() <= 4000);
        QVERIFY(indexed(view));
        QCOMPARE(view.lineCount(), 1);
        QTest::keyClick(view.textArea(), Qt::Key_End, Qt::ControlModifier);
        QTRY_VERIFY(view.visibleText().join(QString()).endsWith(u"THE-END"_s));
        QTest::keyClick(view.textArea(), Qt::Key_Home, Qt::ControlModifier);
        QVERIFY(!view.visibleText().join(QString()).contains(u"THE-END"_s));
        view.area()->find(u"the-end"_s);
        QTRY_COMPARE(view.area()->search()->hits().size(), 1);
        QCOMPARE(view.area()->search()->hits().first().column, qint64(line.size() - 7));
        QTRY_VERIFY(view.visibleText().join(QString()).contains(u"THE-END"_s));
    }

    // A large log: the first screen before the index is done, the end
    // shown as plain text at once and coloured moments later.
    void largeLogJumpToTheEnd()
    {
        QByteArray log;
        log.reserve(48 * 1024 * 1024);
        const char *levels[] = {"INFO", "DEBUG", "WARNING", "ERROR"};
        int n = 0;
        while (log.size() < 48 * 1024 * 1024) {
            ++n;
            log += "2026-11-30 01:00:00,000 " + QByteArray(levels[n % 4]) + " [worker-" + QByteArray::number(n % 12)
                + "] assay.sync: request " + QByteArray::number(n) + " answered in 12 ms\n";
        }
        TextEvidenceView view;
        QVERIFY(openShown(view, write(u"large.log"_s, log), u"large.log"_s));
        QVERIFY(view.visibleText().first().contains(u"request 1 answered"_s));
        QVERIFY(indexed(view));
        QCOMPARE(view.lineCount(), n);
        QTest::keyClick(view.textArea(), Qt::Key_End, Qt::ControlModifier);
        // Plain text at once: the rows are there before any colour.
        QVERIFY(view.visibleText().last().contains(u"request %1 answered"_s.arg(n)));
        const qsizetype last = view.area()->rowOfLine(n - 1);
        QTRY_VERIFY_WITH_TIMEOUT(view.area()->rowSpans(last) != nullptr, 10000);
        QVERIFY(!view.area()->rowSpans(last)->isEmpty());
    }

    void redactionDrawsNoSecret()
    {
        const QByteArray text = "config:\n"
                                "  user: alice\n"
                                "  aws_key: AKIAQWERTYUIOPASDFGH # live\n"
                                "-----BEGIN RSA PRIVATE KEY-----\n"
                                "MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n"
                                "-----END RSA PRIVATE KEY-----\n"
                                "end\n";
        SecretFinding key;
        key.kind = SecretFinding::Kind::CloudAccessKey;
        key.rule = u"aws-access-key-id"_s;
        key.line = 3;
        key.column = 11;
        key.length = 20;
        SecretFinding pem;
        pem.kind = SecretFinding::Kind::PrivateKey;
        pem.rule = u"pem-private-key"_s;
        pem.line = 4;
        pem.column = 0;
        pem.length = 31;
        pem.lineCount = 3;
        TextEvidenceView view;
        QVERIFY(openShown(view, write(u"secrets.yaml"_s, text), u"secrets.yaml"_s));
        view.setFindings({key, pem});
        QString drawn = view.visibleText().join(u'\n');
        QVERIFY(drawn.contains(u"AKIAQWERTYUIOPASDFGH"_s));
        const QImage marked = view.grab().toImage();

        view.setRedacted(true);
        QVERIFY(view.isRedacted());
        drawn = view.visibleText().join(u'\n');
        QVERIFY(!drawn.contains(u"AKIAQWERTYUIOPASDFGH"_s));
        QVERIFY(!drawn.contains(u"MIIBOgIBAAJBAKj34"_s));
        QVERIFY(!drawn.contains(u"BEGIN RSA PRIVATE KEY"_s));
        QVERIFY(drawn.contains(u"  aws_key: "_s + TextRedaction::text(key) + u" # live"_s));
        QVERIFY(drawn.contains(TextRedaction::text(pem)));
        QVERIFY(drawn.contains(u"  user: alice"_s));
        QVERIFY(view.grab().toImage() != marked);

        // Copying the whole text copies what is drawn.
        QWidget *area = view.textArea();
        const int lh = area->fontMetrics().lineSpacing();
        QTest::mouseClick(view.area()->viewport(), Qt::LeftButton, {}, QPoint(100, lh / 2));
        QTest::mouseClick(view.area()->viewport(), Qt::LeftButton, Qt::ShiftModifier, QPoint(100, lh * 6 + lh / 2));
        area->setFocus();
        QApplication::clipboard()->clear();
        QTest::keyClick(area, Qt::Key_C, Qt::ControlModifier);
        const QString copied = QApplication::clipboard()->text();
        QVERIFY(copied.startsWith(u"config:\n  user: alice\n"_s));
        QVERIFY(copied.endsWith(u"end"_s));
        QVERIFY(!copied.contains(u"AKIAQWERTYUIOPASDFGH"_s));
        QVERIFY(!copied.contains(u"MIIBOgIBAAJBAKj34"_s));

        view.setRedacted(false);
        QVERIFY(view.visibleText().join(u'\n').contains(u"AKIAQWERTYUIOPASDFGH"_s));
    }

    void invalidUtf8IsReplaced()
    {
        TextEvidenceView view;
        QVERIFY(openShown(view, write(u"bad.txt"_s, "ok \xff\xfe end\n\xc3(\n"_ba), u"bad.txt"_s));
        QCOMPARE(view.visibleText(), (QStringList{u"ok \uFFFD\uFFFD end"_s, u"\uFFFD("_s}));
    }

    void emptyFile()
    {
        TextEvidenceView view;
        QVERIFY(openShown(view, write(u"empty.txt"_s, {}), u"empty.txt"_s));
        QVERIFY(indexed(view));
        QCOMPARE(view.lineCount(), 0);
        QVERIFY(view.visibleText().isEmpty());
    }

    void missingFileFails()
    {
        TextEvidenceView view;
        QSignalSpy failed(&view, &TextEvidenceView::failed);
        view.open(m_dir.filePath(u"absent.txt"_s), u"absent.txt"_s, u"text/plain"_s);
        QVERIFY(failed.wait(5000));
        QVERIFY(!failed.first().first().toString().isEmpty());
    }

    void wrapToggle()
    {
        TextEvidenceView view;
        QVERIFY(openShown(view, write(u"wide.txt"_s, QByteArray(3000, 'w') + "\nshort\n"), u"wide.txt"_s));
        QTRY_VERIFY(view.area()->horizontalScrollBar()->maximum() > 0);
        QVERIFY(!view.wraps());
        QTest::keyClick(view.textArea(), Qt::Key_Z, Qt::AltModifier);
        QVERIFY(view.wraps());
        QCOMPARE(view.area()->horizontalScrollBar()->maximum(), 0);
        view.setWrap(false);
        QVERIFY(!view.wraps());
    }

    void everyControlIsNamedAndSaysItsShortcut()
    {
        TextEvidenceView view;
        QVERIFY(openShown(view, write(u"names.txt"_s, "x\n"_ba), u"names.txt"_s));
        const auto widgets = view.findChildren<QWidget *>();
        for (QWidget *w : widgets) {
            if (qobject_cast<QAbstractButton *>(w) || qobject_cast<QLineEdit *>(w))
                QVERIFY2(!w->accessibleName().isEmpty(), w->metaObject()->className());
        }
        bool sawFind = false;
        for (QAction *a : view.actions()) {
            QVERIFY(!a->shortcut().isEmpty());
            QVERIFY2(a->toolTip().contains(a->shortcut().toString(QKeySequence::NativeText)), qPrintable(a->toolTip()));
            sawFind = sawFind || a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_F);
        }
        QVERIFY(sawFind);
    }
};

QTEST_MAIN(TestTextEvidenceView)
#include "tst_textevidenceview.moc"
