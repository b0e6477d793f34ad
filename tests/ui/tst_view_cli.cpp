#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
// The viewer's watchdog is 20 s; a run past this is a hang.
constexpr int BoundMs = 60000;

QString hostileDir()
{
    return qEnvironmentVariable("ASSAY_SOURCE_DIR") + u"/tests/data/hostile"_s;
}

// Every file under a folder (relative paths) with its size and time.
QStringList inventory(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info = it.nextFileInfo();
        out += u"%1 %2 %3"_s.arg(QDir(dir).relativeFilePath(info.filePath())).arg(info.size()).arg(info.lastModified().toMSecsSinceEpoch());
    }
    out.sort();
    return out;
}

QStringList filesUnder(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        out += QDir(dir).relativeFilePath(it.next());
    out.sort();
    return out;
}
} // namespace

// `assay view FILE --screenshot OUT` as a script runs it, on every file of
// the hostile corpus and on generated ones (a path-traversal name, a
// right-to-left override, a 20 MB single line): each exits 0 within the bound
// with a PNG, and writes nothing but that — in a HOME, XDG folders, TMPDIR
// and working directory of its own, checked afterwards.
class TestViewCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_generated;
    QStringList m_corpusBefore;
    QSet<QString> m_homeFiles;

    struct Run
    {
        int exitCode = -1;
        QString err;
        qint64 ms = 0;
        QString out;
    };

    static Run view(const QStringList &args, const QString &root, const QString &watchdogMs = {})
    {
        for (const QString &dir : {u"home"_s, u"cwd"_s, u"tmp"_s, u"out"_s})
            if (!QDir(root).mkpath(dir))
                qFatal("cannot make %s in the test's folder", qPrintable(dir));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        const QString home = root + u"/home"_s;
        env.insert(u"HOME"_s, home);
        env.insert(u"XDG_CONFIG_HOME"_s, home + u"/.config"_s);
        env.insert(u"XDG_DATA_HOME"_s, home + u"/.local/share"_s);
        env.insert(u"XDG_CACHE_HOME"_s, home + u"/.cache"_s);
        env.insert(u"XDG_STATE_HOME"_s, home + u"/.local/state"_s);
        env.insert(u"XDG_RUNTIME_DIR"_s, root + u"/tmp"_s);
        env.insert(u"TMPDIR"_s, root + u"/tmp"_s);
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        if (!watchdogMs.isEmpty())
            env.insert(u"ASSAY_VIEW_WATCHDOG_MS"_s, watchdogMs);
        // The system's data (the MIME database detection needs), never a user's.
        env.insert(u"XDG_DATA_DIRS"_s, u"/usr/local/share:/usr/share"_s);
        QProcess p;
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(root + u"/cwd"_s);
        QElapsedTimer timer;
        timer.start();
        p.start(qEnvironmentVariable("ASSAY_BIN_DIR") + u"/assay"_s, QStringList{u"view"_s} + args);
        if (!p.waitForFinished(BoundMs)) {
            p.kill();
            std::ignore = p.waitForFinished();
            return Run{-2, QString::fromUtf8(p.readAllStandardError()), timer.elapsed(), {}};
        }
        return Run{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardError()),
                   timer.elapsed(), QString::fromUtf8(p.readAllStandardOutput())};
    }

    QString generate(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_generated.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            qFatal("cannot write a generated file");
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_generated.isValid());
        QVERIFY2(QFile::exists(qEnvironmentVariable("ASSAY_BIN_DIR") + u"/assay"_s), "assay must be built");
        m_corpusBefore = inventory(hostileDir());
        QVERIFY2(m_corpusBefore.size() >= 9, "the hostile corpus is missing");
    }

    void everyFileIsShownOrRefusedWithAPicture_data()
    {
        QTest::addColumn<QString>("file");
        QDirIterator it(hostileDir(), QDir::Files, QDirIterator::Subdirectories);
        QStringList files;
        while (it.hasNext())
            files += it.next();
        files.sort();
        for (const QString &file : std::as_const(files))
            QTest::newRow(qPrintable(QDir(hostileDir()).relativeFilePath(file))) << file;
        // Names git would not keep, or should not: made here.
        QTest::newRow("path-traversal name")
            << generate(u"..\\..\\..\\etc\\passwd"_s, "root:x:0:0:root:/root:/bin/bash\n");
        QTest::newRow("dots and a newline in the name") << generate(u"..\n..%2F..%2Fetc%2Fshadow.txt"_s, "not a shadow file\n");
        QTest::newRow("right-to-left override") << generate(u"invoice\u202Etxt.exe"_s, "MZ\x90\x00 not really an exe\n");
        QTest::newRow("20 MB single line")
            << generate(u"one-line.log"_s, QByteArray(20 * 1024 * 1024, 'a') + " AKIAZ3MSJV5QH4PLOWCB\n");
    }

    void everyFileIsShownOrRefusedWithAPicture()
    {
        QFETCH(QString, file);
        QTemporaryDir root;
        QVERIFY(root.isValid());
        const QString shot = root.filePath(u"out/shot.png"_s);
        const Run run = view({file, u"--screenshot"_s, shot}, root.path());
        QVERIFY2(run.exitCode == 0, qPrintable(u"exit %1 after %2 ms: %3"_s.arg(run.exitCode).arg(run.ms).arg(run.err)));
        qInfo("%s: %lld ms", qPrintable(QFileInfo(file).fileName().toHtmlEscaped()), run.ms);
        const QImage picture(shot, "PNG");
        QVERIFY2(!picture.isNull(), qPrintable(run.err));
        QVERIFY(picture.width() >= 400 && picture.height() >= 300);
        // Nothing written where the program was started, nor in TMPDIR
        // (Chromium's shared memory lives in /dev/shm, not there).
        QCOMPARE(filesUnder(root.filePath(u"cwd"_s)), QStringList());
        QCOMPARE(filesUnder(root.filePath(u"tmp"_s)), QStringList());
        QCOMPARE(filesUnder(root.filePath(u"out"_s)), QStringList{u"shot.png"_s});
        // In HOME only what the libraries keep for themselves: fontconfig's
        // cache and, for HTML, Chromium's per-user folders (the evidence
        // profile is off the record: no cookies, storage or history).
        for (const QString &f : filesUnder(root.filePath(u"home"_s))) {
            m_homeFiles.insert(f);
            const bool allowed = f.startsWith(u".cache/fontconfig/"_s) || f.startsWith(u".local/share/assay/QtWebEngine/"_s)
                || f.startsWith(u".cache/assay/QtWebEngine/"_s) || f.startsWith(u".pki/nssdb/"_s);
            QVERIFY2(allowed, qPrintable(u"assay view wrote %1 in HOME"_s.arg(f)));
        }
    }

    void aFileThatCannotBeReadIsAnErrorWithAReason_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("says");
        QTest::newRow("missing") << m_generated.filePath(u"no-such-file.txt"_s) << u"no such file"_s;
        if (!QDir(m_generated.path()).mkdir(u"a-folder"_s))
            qFatal("cannot make a folder in the test's folder");
        QTest::newRow("directory") << m_generated.filePath(u"a-folder"_s) << u"is a directory"_s;
        const QString locked = generate(u"locked.txt"_s, "secret\n");
        if (!QFile::setPermissions(locked, QFileDevice::Permissions()))
            qFatal("cannot take the permissions of a file in the test's folder");
        QTest::newRow("no permission") << locked << u"cannot read"_s;
        // A named pipe would block the open until someone writes to it, and
        // a device never ends: neither is a file to view.
        const QString fifo = m_generated.filePath(u"a-pipe"_s);
        if (::mkfifo(QFile::encodeName(fifo).constData(), 0600) != 0)
            qFatal("cannot make a named pipe in the test's folder");
        QTest::newRow("named pipe") << fifo << u"not a regular file"_s;
        QTest::newRow("device") << u"/dev/zero"_s << u"not a regular file"_s;
    }

    void aFileThatCannotBeReadIsAnErrorWithAReason()
    {
        QFETCH(QString, file);
        QFETCH(QString, says);
        if (says == u"cannot read"_s && geteuid() == 0)
            QSKIP("root reads files without permission");
        QTemporaryDir root;
        QVERIFY(root.isValid());
        const QString shot = root.filePath(u"out/shot.png"_s);
        const Run run = view({file, u"--screenshot"_s, shot}, root.path());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(says), qPrintable(run.err));
        QVERIFY(!QFile::exists(shot));
    }

    // What never finishes still ends: the watchdog takes the picture with a
    // note and says so in the exit code. (Made to fire at once here: an
    // HTML page takes WebEngine far longer than 1 ms to show.)
    void theWatchdogEndsAViewThatDoesNotFinish()
    {
        QTemporaryDir root;
        QVERIFY(root.isValid());
        const QString shot = root.filePath(u"out/shot.png"_s);
        const Run run = view({hostileDir() + u"/benign-report.html"_s, u"--screenshot"_s, shot}, root.path(), u"1"_s);
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.err.contains(u"Not finished within 1 ms"_s), qPrintable(run.err));
        QVERIFY(!QImage(shot, "PNG").isNull());
    }

    // assay view scans on its own: text, a PDF's pages; bytes not at all.
    void itScansOnItsOwn_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("findings");
        QTest::newRow("invalid UTF-8") << u"invalid-utf8.log"_s << u"line 8, AWS access key\n"_s;
        QTest::newRow("PDF") << u"pdf-actions.pdf"_s << u"page 1, line 4, password in a URL\n"_s;
        QTest::newRow("ELF") << u"elf-named.cpp"_s << QString();
    }

    void itScansOnItsOwn()
    {
        QFETCH(QString, file);
        QFETCH(QString, findings);
        QTemporaryDir root;
        QVERIFY(root.isValid());
        const QString shot = root.filePath(u"out/shot.png"_s);
        const Run run = view({hostileDir() + u'/' + file, u"--list-findings"_s, u"--redacted"_s, u"--screenshot"_s, shot},
                             root.path());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.out, findings);
        // References only: no secret on stdout.
        QVERIFY(!run.out.contains(u"AKIA"_s));
        QVERIFY(!run.out.contains(u"Tr0ub4dor"_s));
    }

    void usageErrors()
    {
        QTemporaryDir root;
        QVERIFY(root.isValid());
        QCOMPARE(view({}, root.path()).exitCode, 2);
        const Run two = view({u"a"_s, u"b"_s}, root.path());
        QCOMPARE(two.exitCode, 2);
        QVERIFY2(two.err.contains(u"usage: assay view FILE"_s), qPrintable(two.err));
    }

    void cleanupTestCase()
    {
        // The corpus is read, never written.
        QCOMPARE(inventory(hostileDir()), m_corpusBefore);
        QStringList home(m_homeFiles.cbegin(), m_homeFiles.cend());
        home.sort();
        qInfo("files the libraries kept in the temporary HOME: %s", qPrintable(home.join(u", "_s)));
    }
};

QTEST_GUILESS_MAIN(TestViewCli)
#include "tst_view_cli.moc"
