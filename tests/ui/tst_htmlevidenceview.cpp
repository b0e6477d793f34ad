// HTML, XHTML and SVG evidence: the hostile corpus rendered against a
// loopback canary. Three channels watch each file: the canary (every TCP
// connection to it counts, on IPv4 and IPv6 loopback), the view's own
// interceptor record, and the DOM and pixels (every script in the corpus
// would retitle the page, mark its root and paint it magenta — read back from
// C++ in an isolated world, which runs with the page's script off).
//
// ASSAY_HOSTILE_DIR points the corpus test at another folder (a larger
// corpus); the placeholders it uses are the ones in tests/data/hostile/README.md.

#include "CanaryServer.h"
#include "HostileCorpus.h"
#include "PageProbes.h"
#include "ui/evidence/EvidenceRequestInterceptor.h"
#include "ui/evidence/EvidenceScheme.h"
#include "ui/evidence/EvidenceSchemeHandler.h"
#include "ui/evidence/EvidenceWebPage.h"
#include "ui/evidence/EvidenceWebProfile.h"
#include "ui/evidence/HtmlEvidenceView.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLoggingCategory>
#include <QMenu>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QWebEngineProfile>
#include <QWebEngineScript>
#include <QWebEngineSettings>
#include <QWebEngineView>

#include <algorithm>
#include <cstdio>
#include <memory>

#include <unistd.h>

using namespace assay;
using namespace assay::test;
using namespace Qt::StringLiterals;

class TstHtmlEvidenceView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void refusesToStartChromiumAsRootWithItsSandbox();
    void profileIsMadeLazilyAndHardened();
    void refusesWhatItDoesNotRender();
    void benignReportRenders();
    void largeDocumentRenders();
    void hostileCorpus();
    void clickedLinkIsNotFollowed();
    void contextMenuCopiesTheLinkAddress();
    void policyAloneStopsScript();
    void interceptorAloneBlocksAndRecords();
    void documentsAreServedOnlyToTheirOwnPage();
    // Last but one: its leaks may still arrive after it ends.
    void canaryCatchesANaivePage();
    void nothingWrittenOutsideTheTestFolders();
    void cleanupTestCase();

private:
    // Copies the corpus with its placeholders aimed at the canary.
    QString prepared(const QString &fileName);
    // Opens a file in a shown view and waits for shown() (or failed()).
    bool openAndWait(HtmlEvidenceView &view, const QString &path, QString *failure);
    QByteArray renderNaively(const QString &fileName);

    test::CanaryServer m_canary;
    std::unique_ptr<QTemporaryDir> m_dir;
    QStringList m_homeBefore;
    QStringList m_temporariesBefore;
};

void TstHtmlEvidenceView::initTestCase()
{
    // The home tree before Chromium starts: nothing may be added to it.
    m_homeBefore = tree(QDir::homePath());
    m_temporariesBefore = chromiumTemporaries();
    QVERIFY(m_canary.listen());
    qInfo("canary on 127.0.0.1:%d", m_canary.port());
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY2(QDir(corpusDir()).exists(), qPrintable(corpusDir()));
}

QString TstHtmlEvidenceView::prepared(const QString &fileName)
{
    QFile in(corpusDir() + u'/' + fileName);
    if (!in.open(QIODevice::ReadOnly))
        return {};
    QByteArray text = in.readAll();
    const QByteArray port = QByteArray::number(m_canary.port());
    text.replace("CANARY_PORT", port);
    text.replace("CANARY", QByteArray("127.0.0.1:" + port));
    const QString out = m_dir->filePath(fileName);
    QFile file(out);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        return {};
    return out;
}

bool TstHtmlEvidenceView::openAndWait(HtmlEvidenceView &view, const QString &path, QString *failure)
{
    QSignalSpy shown(&view, &HtmlEvidenceView::shown);
    QSignalSpy failed(&view, &HtmlEvidenceView::failed);
    view.open(path, mediaTypeFor(path));
    if (!QTest::qWaitFor([&] { return !shown.isEmpty() || !failed.isEmpty(); }, 30000)) {
        *failure = u"neither shown nor failed in 30 s"_s;
        return false;
    }
    if (!failed.isEmpty()) {
        *failure = failed.first().first().toString();
        return false;
    }
    return true;
}

void TstHtmlEvidenceView::refusesToStartChromiumAsRootWithItsSandbox()
{
    // Chromium would end the whole process; the view says why instead. (Runs
    // before anything starts the engine.)
    if (::geteuid() != 0)
        QSKIP("not running as root");
    const QByteArray saved = qgetenv("QTWEBENGINE_DISABLE_SANDBOX");
    qunsetenv("QTWEBENGINE_DISABLE_SANDBOX");
    HtmlEvidenceView view;
    QSignalSpy failed(&view, &HtmlEvidenceView::failed);
    view.open(prepared(u"benign-report.html"_s), u"text/html"_s);
    qputenv("QTWEBENGINE_DISABLE_SANDBOX", saved);
    QVERIFY(failed.wait(5000));
    QVERIFY2(failed.first().first().toString().contains(u"root"_s), qPrintable(failed.first().first().toString()));
    QVERIFY(!EvidenceWebProfile::exists());
    QVERIFY(view.page() == nullptr);
}

void TstHtmlEvidenceView::profileIsMadeLazilyAndHardened()
{
    // Building the widget starts nothing of Chromium.
    HtmlEvidenceView view;
    QVERIFY(!EvidenceWebProfile::exists());
    QVERIFY(view.page() == nullptr);
    const Result<QWebEngineProfile *> made = EvidenceWebProfile::instance();
    QVERIFY2(made.has_value(), qPrintable(made.errorString()));
    QWebEngineProfile *profile = *made;
    QVERIFY(profile->isOffTheRecord());
    QCOMPARE(profile->httpCacheType(), QWebEngineProfile::NoCache);
    QCOMPARE(profile->persistentCookiesPolicy(), QWebEngineProfile::NoPersistentCookies);
    QCOMPARE(profile->persistentPermissionsPolicy(), QWebEngineProfile::PersistentPermissionsPolicy::AskEveryTime);
    QVERIFY(!profile->isSpellCheckEnabled());
    QWebEngineSettings *s = profile->settings();
    for (auto off : {QWebEngineSettings::JavascriptEnabled, QWebEngineSettings::JavascriptCanOpenWindows,
                     QWebEngineSettings::LocalContentCanAccessFileUrls, QWebEngineSettings::LocalContentCanAccessRemoteUrls,
                     QWebEngineSettings::PluginsEnabled, QWebEngineSettings::PdfViewerEnabled,
                     QWebEngineSettings::LocalStorageEnabled, QWebEngineSettings::DnsPrefetchEnabled,
                     QWebEngineSettings::NavigateOnDropEnabled, QWebEngineSettings::ErrorPageEnabled,
                     QWebEngineSettings::AutoLoadIconsForPage, QWebEngineSettings::FullScreenSupportEnabled,
                     QWebEngineSettings::HyperlinkAuditingEnabled}) {
        QVERIFY2(!s->testAttribute(off), qPrintable(QString::number(off)));
    }
    QVERIFY(s->testAttribute(QWebEngineSettings::PlaybackRequiresUserGesture));
    QVERIFY(s->testAttribute(QWebEngineSettings::WebRTCPublicInterfacesOnly));
    QCOMPARE(s->unknownUrlSchemePolicy(), QWebEngineSettings::DisallowUnknownUrlSchemes);
    // The same profile for every item.
    QCOMPARE(*EvidenceWebProfile::instance(), profile);
}

void TstHtmlEvidenceView::refusesWhatItDoesNotRender()
{
    HtmlEvidenceView view;
    QSignalSpy failed(&view, &HtmlEvidenceView::failed);
    view.open(prepared(u"benign-report.html"_s), u"text/plain"_s);
    QVERIFY(failed.wait(5000));
    view.open(m_dir->filePath(u"no-such-file.html"_s), u"text/html"_s);
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.size(), 2);
    QVERIFY(view.page() == nullptr);
}

// What a naive viewer does with a file: a child process (this binary, in
// naive mode) renders it with Chromium's defaults and none of Assay's layers,
// not even the closed network. Returns what it printed.
QByteArray TstHtmlEvidenceView::renderNaively(const QString &fileName)
{
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"QTWEBENGINE_CHROMIUM_FLAGS"_s);
    env.insert(u"ASSAY_NAIVE_RENDER"_s, prepared(fileName));
    env.insert(u"ASSAY_NAIVE_BASE"_s, u"http://127.0.0.1:%1/"_s.arg(m_canary.port()));
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::SeparateChannels);
    child.start(QCoreApplication::applicationFilePath(), {});
    // The canary answers while the child runs: wait in the event loop.
    if (!QTest::qWaitFor([&] { return child.state() == QProcess::NotRunning; }, 60000)) {
        child.kill();
        std::ignore = child.waitForFinished(); // killed: it ends at once
        return "timeout";
    }
    return child.readAllStandardOutput();
}

void TstHtmlEvidenceView::benignReportRenders()
{
    const int before = m_canary.connections();
    HtmlEvidenceView view;
    view.resize(800, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QString failure;
    QVERIFY2(openAndWait(view, prepared(u"benign-report.html"_s), &failure), qPrintable(failure));
    const QVariantMap dom = readDom(view.page());
    QCOMPARE(dom.value(u"title"_s).toString(), u"Benign scan report"_s);
    QVERIFY2(dom.value(u"text"_s).toString().contains(u"Benign scan report: 0 critical"_s),
             qPrintable(dom.value(u"text"_s).toString()));
    QCOMPARE(dom.value(u"href"_s).toString().left(16), u"assay-evidence:/"_s);
    // Visible: the text is drawn (dark ink on the light page), not a blank
    // view. On a loaded machine Chromium's frame can come after shown()
    // (a page painted before its load finished is shown after a grace
    // period): wait for the ink rather than take the first grab.
    QImage shot;
    const auto drawn = [&view, &shot] {
        shot = view.webView()->grab().toImage();
        return inkPixels(shot) > 200;
    };
    QTRY_VERIFY_WITH_TIMEOUT(drawn(), 10000);
    QCOMPARE(magentaPixels(shot), 0);
    // Nothing the benign report needs was blocked (its picture is data:).
    QCOMPARE(view.blockedRequests().size(), 0);
    QCOMPARE(m_canary.connections(), before);
}

void TstHtmlEvidenceView::largeDocumentRenders()
{
    // Past setHtml()'s 2 MB limit: the file is served, not pasted.
    QByteArray html = "<!DOCTYPE html><title>Large</title><pre>";
    for (int i = 0; html.size() < 3 * 1024 * 1024; ++i)
        html += "row " + QByteArray::number(i) + ' ' + QByteArray(200, 'x') + '\n';
    html += "</pre><p id=\"end\">the last line of a large report</p>";
    QFile file(m_dir->filePath(u"large.html"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(html), html.size());
    file.close();
    HtmlEvidenceView view;
    view.resize(640, 480);
    view.show();
    QString failure;
    QVERIFY2(openAndWait(view, file.fileName(), &failure), qPrintable(failure));
    QVERIFY(readDom(view.page()).value(u"text"_s).toString().startsWith(u"row 0"_s));
    bool found = false;
    view.page()->runJavaScript(u"document.getElementById('end').textContent"_s, QWebEngineScript::ApplicationWorld,
                               [&](const QVariant &v) { found = v.toString() == u"the last line of a large report"_s; });
    QTRY_VERIFY_WITH_TIMEOUT(found, 10000);
}

void TstHtmlEvidenceView::hostileCorpus()
{
    QStringList files;
    for (const QString &name : QDir(corpusDir()).entryList(QDir::Files, QDir::Name))
        if (!mediaTypeFor(name).isEmpty())
            files.append(name);
    QVERIFY(files.size() >= 20 || !qEnvironmentVariableIsEmpty("ASSAY_HOSTILE_DIR"));
    const int before = m_canary.connections();
    const qsizetype requestsBefore = m_canary.requests().size();
    QStringList problems;
    int blocked = 0;
    int refused = 0;
    int refusedByPolicy = 0;
    // In batches of views side by side: each batch waits once for what
    // takes time (meta refresh after a second, timers).
    constexpr int Batch = 6;
    for (qsizetype first = 0; first < files.size(); first += Batch) {
        std::vector<std::unique_ptr<HtmlEvidenceView>> views;
        QStringList names = files.mid(first, Batch);
        for (qsizetype i = 0; i < names.size(); ++i) {
            auto view = std::make_unique<HtmlEvidenceView>();
            view->resize(640, 480);
            view->show();
            views.push_back(std::move(view));
        }
        auto shownSpies = std::vector<std::unique_ptr<QSignalSpy>>();
        auto failedSpies = std::vector<std::unique_ptr<QSignalSpy>>();
        for (qsizetype i = 0; i < names.size(); ++i) {
            shownSpies.push_back(std::make_unique<QSignalSpy>(views[i].get(), &HtmlEvidenceView::shown));
            failedSpies.push_back(std::make_unique<QSignalSpy>(views[i].get(), &HtmlEvidenceView::failed));
            const QString path = prepared(names[i]);
            QVERIFY2(!path.isEmpty(), qPrintable(names[i]));
            views[i]->open(path, mediaTypeFor(names[i]));
        }
        const bool settled = QTest::qWaitFor(
            [&] {
                for (qsizetype i = 0; i < names.size(); ++i)
                    if (shownSpies[i]->isEmpty() && failedSpies[i]->isEmpty())
                        return false;
                return true;
            },
            30000);
        // A leak, were there one, comes within this window: refreshes fire
        // after a second at most, the corpus's timers sooner. The wait ends
        // early if the canary is reached.
        QSignalSpy reached(m_canary.v4(), &QTcpServer::newConnection);
        std::ignore = reached.wait(1500);
        for (qsizetype i = 0; i < names.size(); ++i) {
            HtmlEvidenceView &view = *views[i];
            const QString &name = names[i];
            if (!settled && shownSpies[i]->isEmpty() && failedSpies[i]->isEmpty()) {
                problems.append(name + u": hung (neither shown nor failed)"_s);
                continue;
            }
            if (!failedSpies[i]->isEmpty()) {
                problems.append(name + u": not shown: "_s + failedSpies[i]->first().first().toString());
                continue;
            }
            const QVariantMap dom = readDom(view.page());
            if (dom.contains(u"timeout"_s))
                problems.append(name + u": the DOM could not be read back"_s);
            if (dom.value(u"title"_s).toString().contains(u"PWNED"_s) || dom.value(u"marked"_s).toBool()
                || dom.value(u"rootStyle"_s).toString().contains(u"background"_s))
                problems.append(name + u": a script ran: "_s + dom.value(u"title"_s).toString());
            if (view.page()->scriptDialogs() > 0)
                problems.append(name + u": a script opened %1 dialogs"_s.arg(view.page()->scriptDialogs()));
            const QUrl document(dom.value(u"href"_s).toString());
            if (document.scheme() != u"assay-evidence"_s || view.page()->url() != document)
                problems.append(name + u": navigated to "_s + dom.value(u"href"_s).toString());
            const int magenta = magentaPixels(view.webView()->grab().toImage());
            if (magenta > 0)
                problems.append(name + u": %1 magenta pixels on screen"_s.arg(magenta));
            for (const QUrl &url : view.blockedRequests())
                if (url == document)
                    problems.append(name + u": its own document was blocked"_s);
            blocked += int(view.blockedRequests().size());
            refused += view.page()->refusedNavigations();
            refusedByPolicy += view.page()->refusedByPolicy();
        }
        for (const QByteArray &request : m_canary.requests().mid(requestsBefore))
            problems.append(u"the canary was reached: "_s + QString::fromLatin1(request));
        if (m_canary.connections() != before)
            problems.append(u"%1 connections reached the canary while these were shown: %2"_s
                                .arg(m_canary.connections() - before)
                                .arg(names.join(u", "_s)));
        if (!problems.isEmpty())
            break;
    }
    qInfo("%d files rendered; the interceptors blocked %d requests, the pages refused %d navigations, the "
          "policy refused %d loads and scripts",
          int(files.size()), blocked, refused, refusedByPolicy);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TstHtmlEvidenceView::clickedLinkIsNotFollowed()
{
    const int before = m_canary.connections();
    HtmlEvidenceView view;
    view.resize(640, 480);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QString failure;
    QVERIFY2(openAndWait(view, prepared(u"links.html"_s), &failure), qPrintable(failure));
    const QUrl document = view.page()->url();
    QWidget *surface = view.webView()->focusProxy();
    QVERIFY(surface);
    const QPoint centre = surface->rect().center();
    QTest::mouseMove(surface, centre);
    // Hovered, the link's address is shown as text.
    const QList<QLabel *> labels = view.findChildren<QLabel *>();
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(labels.cbegin(), labels.cend(),
                                         [](const QLabel *l) { return l->text().contains(u"/clicked"_s); }),
                             5000);
    QTest::mouseClick(surface, Qt::LeftButton, {}, centre);
    // The click reached the link (the page saw a navigation and refused it).
    QTRY_VERIFY_WITH_TIMEOUT(view.page()->refusedNavigations() > 0, 5000);
    QSignalSpy reached(m_canary.v4(), &QTcpServer::newConnection);
    QVERIFY(!reached.wait(1000));
    QCOMPARE(view.page()->url(), document);
    QCOMPARE(readDom(view.page()).value(u"href"_s).toUrl(), document);
    QCOMPARE(m_canary.connections(), before);
}

void TstHtmlEvidenceView::contextMenuCopiesTheLinkAddress()
{
    HtmlEvidenceView view;
    view.resize(640, 480);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QString failure;
    QVERIFY2(openAndWait(view, prepared(u"links.html"_s), &failure), qPrintable(failure));
    QApplication::clipboard()->clear();
    // The menu is modal: it is read and used from the event loop it runs.
    QStringList actions;
    QTimer poll;
    connect(&poll, &QTimer::timeout, this, [&] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        poll.stop();
        for (QAction *action : menu->actions()) {
            actions.append(action->text());
            if (action->text() == u"Copy &Link Address"_s && action->isEnabled())
                action->trigger();
        }
        menu->close();
    });
    poll.start(20);
    QWidget *surface = view.webView()->focusProxy();
    QTest::mouseMove(surface, surface->rect().center());
    QTest::mouseClick(surface, Qt::RightButton, {}, surface->rect().center());
    QTRY_VERIFY_WITH_TIMEOUT(!actions.isEmpty(), 5000);
    // Copy, select all, copy the link's address: nothing that opens, saves
    // or inspects anything.
    QCOMPARE(actions, (QStringList{u"&Copy"_s, u"Select &All"_s, u"Copy &Link Address"_s}));
    QCOMPARE(QApplication::clipboard()->text(), u"http://127.0.0.1:%1/clicked"_s.arg(m_canary.port()));
    QCOMPARE(view.page()->refusedNavigations(), 0);
}

void TstHtmlEvidenceView::policyAloneStopsScript()
{
    // Defence in depth: with script switched ON, the scheme's
    // Content-Security-Policy header alone still stops every script.
    // (The handler and the interceptor outlive the profile that uses them.)
    EvidenceSchemeHandler handler;
    EvidenceRequestInterceptor interceptor;
    interceptor.allowScheme(EvidenceScheme::name());
    QWebEngineProfile profile;
    profile.settings()->setAttribute(QWebEngineSettings::JavascriptEnabled, true);
    profile.installUrlSchemeHandler(EvidenceScheme::name(), &handler);
    profile.setUrlRequestInterceptor(&interceptor);
    const int before = m_canary.connections();
    for (const QString &name : {u"script-inline.html"_s, u"event-handlers.html"_s, u"svg-script.svg"_s}) {
        QWebEnginePage page(&profile);
        QSignalSpy loaded(&page, &QWebEnginePage::loadFinished);
        page.load(EvidenceScheme::documentUrl(handler.add(prepared(name), mediaTypeFor(name).toLatin1())));
        QVERIFY(loaded.wait(20000));
        QVERIFY2(loaded.first().first().toBool(), qPrintable(name));
        QSignalSpy reached(m_canary.v4(), &QTcpServer::newConnection);
        QVERIFY(!reached.wait(500));
        const QVariantMap dom = readDom(&page);
        QVERIFY2(!dom.value(u"marked"_s).toBool(), qPrintable(name));
        QVERIFY2(dom.value(u"title"_s).toString() != u"PWNED"_s, qPrintable(name));
    }
    QCOMPARE(m_canary.connections(), before);

    // The dialog channel sees a script that calls alert(), where one runs.
    EvidenceWebPage probe(&profile);
    probe.setDocument(QUrl(u"about:blank"_s));
    QSignalSpy probeLoaded(&probe, &QWebEnginePage::loadFinished);
    probe.load(QUrl(u"about:blank"_s));
    QVERIFY(probeLoaded.wait(20000));
    probe.runJavaScript(u"alert(1); confirm('x')"_s, QWebEngineScript::MainWorld);
    QTRY_COMPARE_WITH_TIMEOUT(probe.scriptDialogs(), 2, 5000);
}

void TstHtmlEvidenceView::interceptorAloneBlocksAndRecords()
{
    // Defence in depth: with no policy at all and script on, the
    // interceptor alone blocks every sub-resource and records it.
    // (setHtml() loads the document as a data: URL: that scheme is allowed.)
    EvidenceRequestInterceptor interceptor;
    interceptor.allowScheme(QByteArrayLiteral("data"));
    QWebEngineProfile profile;
    QWebEnginePage page(&profile);
    page.setUrlRequestInterceptor(&interceptor);
    QSignalSpy blocked(&interceptor, &EvidenceRequestInterceptor::requestBlocked);
    QSignalSpy loaded(&page, &QWebEnginePage::loadFinished);
    const QString canary = u"http://127.0.0.1:%1/"_s.arg(m_canary.port());
    page.setHtml(u"<img src='%1alone.png'><link rel=stylesheet href='%1alone.css'>"
                 "<script>fetch('%1alone-fetch')</script>"_s.arg(canary),
                 QUrl(canary));
    QVERIFY(loaded.wait(20000));
    QTRY_VERIFY2_WITH_TIMEOUT(interceptor.blockedCount() >= 3, qPrintable(QString::number(interceptor.blockedCount()) + QDebug::toString(interceptor.blocked())), 5000);
    QVERIFY(interceptor.blocked().contains(QUrl(canary + u"alone.png"_s)));
    QVERIFY(interceptor.blocked().contains(QUrl(canary + u"alone.css"_s)));
    QVERIFY(interceptor.blocked().contains(QUrl(canary + u"alone-fetch"_s)));
    QCOMPARE(blocked.size(), interceptor.blockedCount());
}

void TstHtmlEvidenceView::documentsAreServedOnlyToTheirOwnPage()
{
    // A document is served while its view shows it and not after: clear()
    // withdraws its token, and a page that asks for it then gets nothing.
    HtmlEvidenceView first;
    first.resize(400, 300);
    first.show();
    QString failure;
    QVERIFY2(openAndWait(first, prepared(u"benign-report.html"_s), &failure), qPrintable(failure));
    const QUrl firstDocument = first.page()->url();
    const int served = EvidenceWebProfile::schemeHandler()->documentCount();
    QVERIFY(served >= 1);
    first.clear();
    QCOMPARE(EvidenceWebProfile::schemeHandler()->documentCount(), served - 1);

    QWebEnginePage stranger(*EvidenceWebProfile::instance());
    QSignalSpy loaded(&stranger, &QWebEnginePage::loadFinished);
    stranger.load(firstDocument);
    QVERIFY(loaded.wait(20000));
    QCOMPARE(loaded.first().first().toBool(), false);
}

void TstHtmlEvidenceView::canaryCatchesANaivePage()
{
    // The channels must be able to see a leak and a script: the same files,
    // rendered naively, reach the canary and run.
    const int before = m_canary.connections();
    const QByteArray images = renderNaively(u"remote-images.html"_s);
    QVERIFY2(images.contains("loaded"), images.constData());
    QTRY_VERIFY_WITH_TIMEOUT(m_canary.connections() > before, 5000);
    const QByteArray scripts = renderNaively(u"script-inline.html"_s);
    QVERIFY2(scripts.contains("title=PWNED"), scripts.constData());
    QVERIFY2(scripts.contains("marked=1"), scripts.constData());
    qInfo("a naive viewer reached the canary %d times with remote-images.html", m_canary.connections() - before);
}

void TstHtmlEvidenceView::nothingWrittenOutsideTheTestFolders()
{
    // Off the record: Chromium kept nothing under the (test's) home folder.
    QCoreApplication::processEvents();
    const QStringList after = tree(QDir::homePath());
    QStringList added;
    for (const QString &entry : after)
        if (!m_homeBefore.contains(entry))
            added.append(entry);
    QVERIFY2(added.isEmpty(), qPrintable(added.join(u'\n')));
    // Nor in the temporary folder.
    QStringList temporaries = chromiumTemporaries();
    for (const QString &name : std::as_const(m_temporariesBefore))
        temporaries.removeAll(name);
    QVERIFY2(temporaries.isEmpty(), qPrintable(temporaries.join(u'\n')));
}

void TstHtmlEvidenceView::cleanupTestCase()
{
    qInfo("the canary saw %d connections from the naive control page and none from the evidence views",
          m_canary.connections());
}

// The naive viewer of canaryCatchesANaivePage(), in the child process: a
// default page, setHtml() with a remote base URL, script on.
static int renderNaively(int argc, char *argv[], const QString &path)
{
    QApplication app(argc, argv);
    QWebEnginePage page;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 2;
    QSignalSpy loaded(&page, &QWebEnginePage::loadFinished);
    page.setHtml(QString::fromUtf8(file.readAll()), QUrl(qEnvironmentVariable("ASSAY_NAIVE_BASE")));
    if (!loaded.wait(30000))
        return 3;
    std::printf("loaded\n");
    // Time for what the page does by itself (timers, refreshes).
    QSignalSpy never(&page, &QWebEnginePage::windowCloseRequested);
    std::ignore = never.wait(1000);
    const QVariantMap dom = readDom(&page);
    std::printf("title=%s\nmarked=%d\n", qPrintable(dom.value(u"title"_s).toString()),
                dom.value(u"marked"_s).toBool() ? 1 : 0);
    return 0;
}

int main(int argc, char *argv[])
{
    if (const QString naive = qEnvironmentVariable("ASSAY_NAIVE_RENDER"); !naive.isEmpty())
        return renderNaively(argc, argv, naive);
    // Before the application, as app/main.cpp does.
    EvidenceScheme::registerScheme();
    // The pages' own console (CSP and sandbox refusals, by the hundred) is
    // not the test's output.
    QLoggingCategory::setFilterRules(u"js.*=false"_s);
    QApplication app(argc, argv);
    TstHtmlEvidenceView test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_htmlevidenceview.moc"
