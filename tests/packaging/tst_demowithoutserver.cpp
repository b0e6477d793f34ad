// `assay --demo` where the assay-marketplace package is not installed: assay
// looks for the server beside its own executable, so a copy of the built
// assay in a folder of its own is an installation without that package. It
// must say which package to install and exit non-zero — no window, no crash,
// no hang.

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestDemoWithoutServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesThePackageToInstall()
    {
        const QString built = qEnvironmentVariable("ASSAY_BIN_DIR") + u"/assay"_s;
        // The premise: in the build, the server is beside assay (so the copy
        // below differs from it in that alone).
        QVERIFY2(QFileInfo(qEnvironmentVariable("ASSAY_BIN_DIR") + u"/assay-marketplace"_s).isExecutable(),
                 "the build has no assay-marketplace beside assay");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString assay = dir.filePath(u"assay"_s);
        // A copy, not a symbolic link: assay looks beside the file that
        // /proc/self/exe resolves to.
        QVERIFY(QFile::copy(built, assay));
        QVERIFY(!QFileInfo::exists(dir.filePath(u"assay-marketplace"_s)));

        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        process.setProcessEnvironment(env);
        process.start(assay, {u"--demo"_s});
        QVERIFY2(process.waitForStarted(), qPrintable(process.errorString()));
        QVERIFY2(process.waitForFinished(60000), "assay --demo without the server did not exit within 60 s");
        const QString errors = QString::fromUtf8(process.readAllStandardError());
        QCOMPARE(process.exitStatus(), QProcess::NormalExit); // not a crash
        QVERIFY2(process.exitCode() != 0, qPrintable(errors));
        QVERIFY2(errors.contains(u"install the package assay-marketplace"_s), qPrintable(errors));
        QVERIFY2(errors.contains(dir.filePath(u"assay-marketplace"_s)), qPrintable(errors)); // where it looked
        // It stopped before the demo: no profile made, no server started.
        QVERIFY2(!errors.contains(u"demo marketplace ready"_s), qPrintable(errors));
    }
};

QTEST_GUILESS_MAIN(TestDemoWithoutServer)
#include "tst_demowithoutserver.moc"
