#include "common/ResultCheck.h"
#include "models/Cache.h"
#include "ui/MainWindow.h"
#include "ui/shell/AboutDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace assay;
using namespace Qt::StringLiterals;
using test::ok;

// Help → About Assay: the version CMake has, the licence, the libraries'
// licences, every control named for assistive technology.
class TestAboutDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // The library list's licence for the row whose name starts with `name`.
    static QString licenceOf(const AboutDialog &dialog, const QString &name)
    {
        QTreeWidget *list = dialog.libraryList();
        for (int row = 0; row < list->topLevelItemCount(); ++row) {
            if (list->topLevelItem(row)->text(0).startsWith(name))
                return list->topLevelItem(row)->text(1);
        }
        return u"(no row for %1)"_s.arg(name);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName(u"Assay"_s);
        QCoreApplication::setApplicationName(u"assay"_s);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(u"settings"_s));
    }

    void showsTheProjectVersion()
    {
        const AboutDialog dialog;
        QCOMPARE(dialog.windowTitle(), u"About Assay"_s);
        // The version as CMake passes it to this test, not as ui was compiled.
        const QString expected = QStringLiteral(ASSAY_EXPECTED_VERSION);
        QVERIFY(!expected.isEmpty());
        QVERIFY2(dialog.versionLabel()->text().contains(u"Assay "_s + expected), qPrintable(dialog.versionLabel()->text()));
    }

    void statesItsLicence()
    {
        const AboutDialog dialog;
        const QString text = dialog.licenceLabel()->text();
        QVERIFY2(text.contains(u"GPL-3.0-or-later"_s), qPrintable(text));
        QVERIFY(text.contains(u"GNU General Public License"_s));
    }

    void listsTheLibrariesWithTheirLicences()
    {
        const AboutDialog dialog;
        QCOMPARE(dialog.libraryList()->topLevelItemCount(), 8);
        // As the Debian copyright files in the build root give them.
        QCOMPARE(licenceOf(dialog, u"QtKeychain"_s), u"BSD-2-Clause"_s);
        QCOMPARE(licenceOf(dialog, u"SQLite"_s), u"Public domain"_s);
        QCOMPARE(licenceOf(dialog, u"Qt Charts"_s), u"GPL-3.0-or-later"_s);
        QCOMPARE(licenceOf(dialog, u"Qt HTTP Server"_s), u"GPL-3.0"_s);
        QVERIFY(licenceOf(dialog, u"KDE Frameworks Syntax Highlighting"_s).startsWith(u"MIT"_s));
        QVERIFY(licenceOf(dialog, u"Qt WebEngine"_s).contains(u"BSD-3-Clause"_s));
        QVERIFY(licenceOf(dialog, u"Qt PDF"_s).contains(u"LGPL-3.0"_s));
        // Qt's row names the Qt Assay runs with.
        QVERIFY(licenceOf(dialog, u"Qt "_s + QString::fromLatin1(qVersion())).contains(u"LGPL-3.0"_s));
        for (int row = 0; row < dialog.libraryList()->topLevelItemCount(); ++row) {
            for (int column = 0; column < 3; ++column)
                QVERIFY(!dialog.libraryList()->topLevelItem(row)->text(column).isEmpty());
        }
    }

    void everyControlHasAnAccessibleName()
    {
        AboutDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QList<QWidget *> controls = dialog.findChildren<QWidget *>();
        int named = 0;
        for (QWidget *w : controls) {
            if (!w->isVisible() || !(qobject_cast<QPushButton *>(w) || qobject_cast<QTreeWidget *>(w)))
                continue;
            QVERIFY2(!w->accessibleName().isEmpty(), w->metaObject()->className());
            ++named;
        }
        QCOMPARE(named, 3); // Close, About Qt and the library list
    }

    void closes()
    {
        AboutDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy finished(&dialog, &QDialog::finished);
        dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Close)->click();
        QCOMPARE(finished.size(), 1);
        QVERIFY(!dialog.isVisible());
    }

    void theMainWindowsHelpMenuOpensIt()
    {
        const Profile profile(m_dir.filePath(u"profile"_s));
        QCOMPARE(profile.ensureExists().errorString(), QString());
        Cache cache;
        QVERIFY(ok(cache.open(profile.cachePath())));
        MainWindow window(&cache, profile);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QAction *about = window.action(u"about"_s);
        QVERIFY(about);
        // In the menu bar's last menu, Help.
        const QList<QAction *> menus = window.menuBar()->actions();
        QVERIFY(!menus.isEmpty());
        QCOMPARE(menus.last()->text(), u"&Help"_s);
        QVERIFY(menus.last()->menu()->actions().contains(about));
        QVERIFY(window.findChildren<AboutDialog *>().isEmpty());
        about->trigger();
        QTRY_COMPARE(window.findChildren<AboutDialog *>().size(), 1);
        AboutDialog *dialog = window.findChildren<AboutDialog *>().constFirst();
        QTRY_VERIFY(dialog->isVisible());
        QVERIFY(dialog->isModal());
        dialog->reject();
        // Closed, it is deleted: opening it again does not stack dialogs.
        QTRY_VERIFY(window.findChildren<AboutDialog *>().isEmpty());
    }
};

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"
