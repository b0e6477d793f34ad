// HTML, XHTML and SVG evidence: the hostile corpus rendered against a
// loopback canary. Three channels watch each file: the canary (every TCP
// connection to it counts, on IPv4 and IPv6 loopback), the view's own
// interceptor record, and the DOM and pixels (every script in the corpus
// would retitle the page, mark its root and paint it magenta — read back from
// C++ in an isolated world, which runs with the page's script off).
//
// ASSAY_HOSTILE_DIR points the corpus test at another folder (a larger
// corpus); the placeholders it uses are the ones in tests/data/hostile/README.md.

#include "ui/evidence/EvidenceRequestInterceptor.h"
#include "ui/evidence/EvidenceScheme.h"
#include "ui/evidence/EvidenceSchemeHandler.h"
#include "ui/evidence/EvidenceWebPage.h"
#include "ui/evidence/EvidenceWebProfile.h"
#include "ui/evidence/HtmlEvidenceView.h"

#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLoggingCategory>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QWebEngineProfile>
#include <QWebEngineScript>
#include <QWebEngineSettings>
#include <QWebEngineView>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <memory>

#include <unistd.h>

using namespace assay;
using namespace Qt::StringLiterals;

namespace {

// A loopback HTTP listener that counts everything that reaches it. It answers
// each request with something loud (script, magenta CSS) so that a leak that
// got through would also show in the DOM and on screen.
class Canary : public QObject
{
public:
    bool listen()
    {
        if (!m_v4.listen(QHostAddress::LocalHost, 0))
            return false;
        // The same port on ::1 where the machine has IPv6: "localhost" may
        // resolve there.
        std::ignore = m_v6.listen(QHostAddress::LocalHostIPv6, m_v4.serverPort());
        for (QTcpServer *server : {&m_v4, &m_v6})
            connect(server, &QTcpServer::newConnection, this, [this, server] { accept(server); });
        return true;
    }
    quint16 port() const { return m_v4.serverPort(); }
    int connections() const { return m_connections; }
    QList<QByteArray> requests() const { return m_requests; }
    QTcpServer *v4() { return &m_v4; }

private:
    void accept(QTcpServer *server)
    {
        while (QTcpSocket *socket = server->nextPendingConnection()) {
            ++m_connections;
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            // A connection that sends no HTTP request (a preconnect, a TLS
            // handshake) is recorded by what it sent, and closed, so that a
            // naive page waiting on it still finishes loading.
            QTimer::singleShot(2000, socket, [this, socket] {
                m_requests.append("no request: " + socket->readAll().left(16).toHex(' '));
                socket->abort();
            });
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                const QByteArray head = socket->peek(8192);
                if (!head.isEmpty() && !std::isalpha(static_cast<unsigned char>(head.front()))) {
                    m_requests.append("not HTTP: " + head.left(16).toHex(' '));
                    socket->abort();
                    return;
                }
                if (!head.contains("\r\n\r\n"))
                    return;
                const QByteArray line = head.left(head.indexOf("\r\n"));
                m_requests.append(line);
                socket->readAll();
                QByteArray type = "text/html";
                QByteArray body = "<script>document.title='PWNED'</script><style>html{background:#f0f}</style>";
                if (line.contains(".js")) {
                    type = "text/javascript";
                    body = "document.title='PWNED';document.documentElement.style.background='#f0f';";
                } else if (line.contains(".css")) {
                    type = "text/css";
                    body = "html,body{background:#f0f!important}";
                }
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nContent-Length: "
                              + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
                socket->disconnectFromHost();
            });
        }
    }

    QTcpServer m_v4;
    QTcpServer m_v6;
    int m_connections = 0;
    QList<QByteArray> m_requests;
};

QString sourceDir()
{
    return qEnvironmentVariable("ASSAY_SOURCE_DIR");
}

QString corpusDir()
{
    const QString other = qEnvironmentVariable("ASSAY_HOSTILE_DIR");
    return other.isEmpty() ? sourceDir() + u"/tests/data/hostile"_s : other;
}

// The media type each corpus file is rendered as: what the view would be
// given had the partner declared it so and detection agreed. XML with a
// stylesheet is rendered as XHTML, the worst case.
QString mediaTypeFor(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == u"html"_s || suffix == u"htm"_s)
        return u"text/html"_s;
    if (suffix == u"xhtml"_s || suffix == u"xht"_s || suffix == u"xml"_s || suffix == u"xsl"_s)
        return u"application/xhtml+xml"_s;
    if (suffix == u"svg"_s)
        return u"image/svg+xml"_s;
    return {};
}

// Every file and folder under dir, with its size: what Chromium or Qt wrote.
QStringList tree(const QString &dir)
{
    QStringList entries;
    QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        entries.append(it.filePath() + u' ' + QString::number(it.fileInfo().isDir() ? -1 : it.fileInfo().size()));
    }
    entries.sort();
    return entries;
}

// What the isolated world sees of the page: the marks a script would leave.
QVariantMap readDom(QWebEnginePage *page)
{
    QVariantMap result;
    bool done = false;
    page->runJavaScript(
        uR"((function () {
            var root = document.documentElement;
            var text = document.body ? document.body.innerText : (root ? root.textContent : '');
            return {
                title: document.title,
                marked: !!document.querySelector('[data-pwned]') || !!document.getElementById('pwned'),
                rootStyle: root ? (root.getAttribute('style') || '') : '',
                href: location.href,
                text: (text || '').slice(0, 2000)
            };
        })())"_s,
        QWebEngineScript::ApplicationWorld, [&](const QVariant &v) {
            result = v.toMap();
            done = true;
        });
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        result.insert(u"timeout"_s, true);
    return result;
}

int magentaPixels(const QImage &image)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    int count = 0;
    for (int y = 0; y < rgb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x)
            if (qRed(line[x]) > 230 && qGreen(line[x]) < 40 && qBlue(line[x]) > 230)
                ++count;
    }
    return count;
}

int inkPixels(const QImage &image)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    int count = 0;
    for (int y = 0; y < rgb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x)
            if (qGray(line[x]) < 128)
                ++count;
    }
    return count;
}

} // namespace

class TstHtmlEvidenceView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void refusesToStartChromiumAsRootWithItsSandbox();
    void profileIsMadeLazilyAndHardened();
    void refusesWhatItDoesNotRender();
    void benignReportRenders();
    void hostileCorpus();
    void clickedLinkIsNotFollowed();
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

    Canary m_canary;
    std::unique_ptr<QTemporaryDir> m_dir;
    QStringList m_homeBefore;
};

void TstHtmlEvidenceView::initTestCase()
{
    // The home tree before Chromium starts: nothing may be added to it.
    m_homeBefore = tree(QDir::homePath());
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
        child.waitForFinished();
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
    // Visible: the text is drawn (dark ink on the light page), not a blank view.
    const QImage shot = view.webView()->grab().toImage();
    QVERIFY2(inkPixels(shot) > 200, qPrintable(QString::number(inkPixels(shot))));
    QCOMPARE(magentaPixels(shot), 0);
    // Nothing the benign report needs was blocked (its picture is data:).
    QCOMPARE(view.blockedRequests().size(), 0);
    QCOMPARE(m_canary.connections(), before);
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
