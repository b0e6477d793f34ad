#include "ui/evidence/EvidenceWebProfile.h"

#include "ui/evidence/EvidenceRequestInterceptor.h"
#include "ui/evidence/EvidenceScheme.h"
#include "ui/evidence/EvidenceSchemeHandler.h"
#include "ui/evidence/EvidenceWebLogging.h"

#include <QCoreApplication>
#include <QPointer>
#include <QWebEngineClientHints>
#include <QWebEngineCookieStore>
#include <QWebEngineDownloadRequest>
#include <QWebEngineProfile>
#include <QWebEngineSettings>

#include <unistd.h>

namespace assay {

namespace {
QPointer<QWebEngineProfile> s_profile;
QPointer<EvidenceSchemeHandler> s_handler;
} // namespace

QString EvidenceWebProfile::startProblem()
{
    if (!EvidenceScheme::isRegistered())
        return QCoreApplication::translate("assay::EvidenceWebProfile",
                                           "HTML evidence cannot be shown: the evidence scheme was not registered "
                                           "when the program started.");
    if (!EvidenceScheme::isNetworkClosed())
        return QCoreApplication::translate("assay::EvidenceWebProfile",
                                           "HTML evidence cannot be shown: the web engine's network was not closed "
                                           "when the program started.");
    // Chromium's zygote refuses to run as root with its sandbox on and ends
    // the whole process; say so instead. The override is for tests and
    // containers: a desktop user runs sandboxed.
    const bool sandboxOff = qEnvironmentVariableIsSet("QTWEBENGINE_DISABLE_SANDBOX")
        || qEnvironmentVariable("QTWEBENGINE_CHROMIUM_FLAGS").contains(QLatin1String("--no-sandbox"))
        || QCoreApplication::arguments().contains(QLatin1String("--no-sandbox"));
    if (::geteuid() == 0 && !sandboxOff)
        return QCoreApplication::translate("assay::EvidenceWebProfile",
                                           "HTML evidence cannot be shown: the program runs as root, where the "
                                           "web engine's sandbox cannot start. Run Assay as a normal user (or set "
                                           "QTWEBENGINE_DISABLE_SANDBOX=1 in a disposable container).");
    return {};
}

bool EvidenceWebProfile::exists()
{
    return !s_profile.isNull();
}

EvidenceSchemeHandler *EvidenceWebProfile::schemeHandler()
{
    return s_handler.data();
}

void EvidenceWebProfile::harden(QWebEngineProfile *profile)
{
    QWebEngineSettings *s = profile->settings();
    // Nothing of the document runs: no script (the isolated world Assay uses
    // to read the DOM back is not the document's), no plugins, no PDF viewer.
    s->setAttribute(QWebEngineSettings::JavascriptEnabled, false);
    s->setAttribute(QWebEngineSettings::JavascriptCanOpenWindows, false);
    s->setAttribute(QWebEngineSettings::JavascriptCanAccessClipboard, false);
    s->setAttribute(QWebEngineSettings::JavascriptCanPaste, false);
    s->setAttribute(QWebEngineSettings::AllowWindowActivationFromJavaScript, false);
    s->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    s->setAttribute(QWebEngineSettings::PdfViewerEnabled, false);
    // Nothing local, nothing remote, nothing kept.
    s->setAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls, false);
    s->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    s->setAttribute(QWebEngineSettings::LocalStorageEnabled, false);
    s->setAttribute(QWebEngineSettings::AllowRunningInsecureContent, false);
    s->setAttribute(QWebEngineSettings::AllowGeolocationOnInsecureOrigins, false);
    // No lookups or pings behind the reviewer's back.
    s->setAttribute(QWebEngineSettings::DnsPrefetchEnabled, false);
    s->setAttribute(QWebEngineSettings::HyperlinkAuditingEnabled, false);
    s->setAttribute(QWebEngineSettings::AutoLoadIconsForPage, false);
    s->setAttribute(QWebEngineSettings::TouchIconsEnabled, false);
    s->setAttribute(QWebEngineSettings::WebRTCPublicInterfacesOnly, true);
    // Nothing plays, captures, goes full screen or navigates by itself.
    s->setAttribute(QWebEngineSettings::PlaybackRequiresUserGesture, true);
    s->setAttribute(QWebEngineSettings::ScreenCaptureEnabled, false);
    s->setAttribute(QWebEngineSettings::FullScreenSupportEnabled, false);
    s->setAttribute(QWebEngineSettings::NavigateOnDropEnabled, false);
    s->setAttribute(QWebEngineSettings::FocusOnNavigationEnabled, false);
    s->setAttribute(QWebEngineSettings::SpatialNavigationEnabled, false);
    // Less attack surface for content that only has to be read.
    s->setAttribute(QWebEngineSettings::WebGLEnabled, false);
    s->setAttribute(QWebEngineSettings::Accelerated2dCanvasEnabled, false);
    s->setAttribute(QWebEngineSettings::ReadingFromCanvasEnabled, false);
    // A failed load shows nothing of Chromium's (its error page has script).
    s->setAttribute(QWebEngineSettings::ErrorPageEnabled, false);
    s->setUnknownUrlSchemePolicy(QWebEngineSettings::DisallowUnknownUrlSchemes);

    profile->setHttpCacheType(QWebEngineProfile::NoCache);
    profile->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
    profile->setPersistentPermissionsPolicy(QWebEngineProfile::PersistentPermissionsPolicy::AskEveryTime);
    profile->setSpellCheckEnabled(false);
    profile->setPushServiceEnabled(false);
    profile->clientHints()->setAllClientHintsEnabled(false);
    // No cookie at all, first or third party: there is nobody to talk to.
    profile->cookieStore()->setCookieFilter([](const QWebEngineCookieStore::FilterRequest &) { return false; });
    // Nothing is saved: a download (which a refused navigation cannot start
    // anyway) is cancelled the moment it is asked for.
    QObject::connect(profile, &QWebEngineProfile::downloadRequested, profile,
                     [](QWebEngineDownloadRequest *download) { download->cancel(); });
}

Result<QWebEngineProfile *> EvidenceWebProfile::instance()
{
    if (s_profile)
        return s_profile.data();
    if (const QString problem = startProblem(); !problem.isEmpty())
        return Error{problem};
    // No storage name: off the record. Parented to the application so it
    // outlives every page (the views are gone before the application is).
    auto *profile = new QWebEngineProfile(QCoreApplication::instance());
    if (!profile->isOffTheRecord()) {
        delete profile;
        return Error{QCoreApplication::translate("assay::EvidenceWebProfile",
                                                 "HTML evidence cannot be shown: the web engine gave a profile "
                                                 "that keeps data on disk.")};
    }
    harden(profile);
    auto *handler = new EvidenceSchemeHandler(profile);
    profile->installUrlSchemeHandler(EvidenceScheme::name(), handler);
    // The backstop: every page has its own interceptor that allows only its
    // document; this one catches what no page owns.
    auto *backstop = new EvidenceRequestInterceptor(profile);
    backstop->allowScheme(EvidenceScheme::name());
    profile->setUrlRequestInterceptor(backstop);
    s_profile = profile;
    s_handler = handler;
    qCInfo(lcEvidenceWeb) << "web profile for HTML evidence created";
    return profile;
}

} // namespace assay
