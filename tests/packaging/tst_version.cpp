// Both programs print the one version, project(VERSION) in CMakeLists.txt:
// the test is given that version by CMake (ASSAY_EXPECTED_VERSION) and runs
// the built programs, so a program that printed a version of its own, or
// none, fails here.

#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;

class TestVersion : public QObject
{
    Q_OBJECT

private:
    static QString versionLine(const QString &program, const QStringList &arguments)
    {
        QProcess process;
        process.start(qEnvironmentVariable("ASSAY_BIN_DIR") + u'/' + program, arguments);
        if (!process.waitForStarted() || !process.waitForFinished(60000))
            return u"(did not run: %1)"_s.arg(process.errorString());
        if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
            return u"(exit %1: %2)"_s.arg(process.exitCode()).arg(QString::fromUtf8(process.readAllStandardError()));
        return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    }

private Q_SLOTS:
    void printsTheProjectVersion_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("assay --version") << u"assay"_s << QStringList{u"--version"_s};
        QTest::newRow("assay -v") << u"assay"_s << QStringList{u"-v"_s};
        QTest::newRow("assay-marketplace --version") << u"assay-marketplace"_s << QStringList{u"--version"_s};
    }

    void printsTheProjectVersion()
    {
        QFETCH(QString, program);
        QFETCH(QStringList, arguments);
        const QString expected = QStringLiteral(ASSAY_EXPECTED_VERSION);
        QVERIFY(!expected.isEmpty());
        QCOMPARE(versionLine(program, arguments), program + u' ' + expected);
    }
};

QTEST_GUILESS_MAIN(TestVersion)
#include "tst_version.moc"
