#include "models/Profile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace assay;
using namespace Qt::StringLiterals;

// The profile folder: what Assay creates is owner-only, what the user gave
// keeps its permissions, and a folder others can write to is refused.
class TestProfile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static mode_t modeOf(const QString &path)
    {
        struct stat st{};
        if (::stat(QFile::encodeName(path).constData(), &st) != 0)
            qFatal("cannot stat %s", qPrintable(path));
        return st.st_mode & 07777;
    }

    // A folder made with exactly `mode`, whatever the umask.
    QString folder(const QString &name, mode_t mode)
    {
        const QString path = m_dir.filePath(name);
        if (!QDir().mkdir(path) || ::chmod(QFile::encodeName(path).constData(), mode) != 0)
            qFatal("cannot make %s", qPrintable(path));
        return path;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void createdFoldersAreOwnerOnly()
    {
        // Three levels that do not exist yet: each one is made 0700.
        const QString top = m_dir.filePath(u"new"_s);
        const Profile profile(top + u"/deeper/profile"_s);
        const Result<> made = profile.ensureExists();
        QVERIFY2(made, qPrintable(made.errorString()));
        for (const QString &d : QStringList{top, top + u"/deeper"_s, profile.dir(), profile.evidenceDir(), profile.quarantineDir()}) {
            QVERIFY2(QFileInfo(d).isDir(), qPrintable(d));
            QCOMPARE(modeOf(d), mode_t(0700));
        }
        // Asked again, nothing changes and nothing fails.
        QVERIFY(profile.ensureExists());
        QCOMPARE(modeOf(profile.dir()), mode_t(0700));
    }

    void anExistingFolderKeepsItsPermissions_data()
    {
        QTest::addColumn<uint>("mode");
        QTest::newRow("0700") << 0700u;
        QTest::newRow("0750") << 0750u;
        QTest::newRow("0755") << 0755u;
        QTest::newRow("0711") << 0711u;
    }
    void anExistingFolderKeepsItsPermissions()
    {
        QFETCH(uint, mode);
        const QString path = folder(u"kept-%1"_s.arg(mode, 0, 8), mode_t(mode));
        const Profile profile(path);
        const Result<> made = profile.ensureExists();
        QVERIFY2(made, qPrintable(made.errorString()));
        QCOMPARE(modeOf(path), mode_t(mode));
        // Its new subfolders are Assay's own: owner-only.
        QCOMPARE(modeOf(profile.evidenceDir()), mode_t(0700));
        QCOMPARE(modeOf(profile.quarantineDir()), mode_t(0700));
    }

    void aFolderOthersCanWriteToIsRefused_data()
    {
        QTest::addColumn<uint>("mode");
        QTest::newRow("group write") << 0770u;
        QTest::newRow("other write") << 0702u;
        QTest::newRow("everyone, sticky") << 01777u;
    }
    void aFolderOthersCanWriteToIsRefused()
    {
        QFETCH(uint, mode);
        const QString path = folder(u"open-%1"_s.arg(mode, 0, 8), mode_t(mode));
        const Profile profile(path);
        const Result<> made = profile.ensureExists();
        QVERIFY(!made);
        QVERIFY2(made.errorString().contains(u"can be written by other users"_s), qPrintable(made.errorString()));
        QVERIFY(made.errorString().contains(path));
        // Refused, not repaired, and nothing made inside.
        QCOMPARE(modeOf(path), mode_t(mode));
        QVERIFY(!QFileInfo::exists(profile.evidenceDir()));
    }

    void aSubfolderOthersCanWriteToIsRefused()
    {
        const QString path = folder(u"open-evidence"_s, 0700);
        const Profile profile(path);
        QVERIFY(QDir().mkdir(profile.evidenceDir()));
        QCOMPARE(::chmod(QFile::encodeName(profile.evidenceDir()).constData(), 0777), 0);
        const Result<> made = profile.ensureExists();
        QVERIFY(!made);
        QVERIFY2(made.errorString().contains(profile.evidenceDir()), qPrintable(made.errorString()));
    }

    void aFolderOfAnotherUserIsRefused()
    {
        if (::geteuid() != 0)
            QSKIP("giving a folder to another user needs root");
        const QString path = folder(u"someone-else"_s, 0700);
        QCOMPARE(::chown(QFile::encodeName(path).constData(), 4242, 4242), 0);
        const Result<> made = Profile(path).ensureExists();
        QVERIFY(!made);
        QVERIFY2(made.errorString().contains(u"belongs to another user"_s), qPrintable(made.errorString()));
    }

    void aFileIsNoProfile()
    {
        const QString path = m_dir.filePath(u"a-file"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        const Result<> made = Profile(path).ensureExists();
        QVERIFY(!made);
        QVERIFY2(made.errorString().contains(u"is not a folder"_s), qPrintable(made.errorString()));
    }
};

QTEST_GUILESS_MAIN(TestProfile)
#include "tst_profile.moc"
