#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace assay::EvidenceScheme {

// The URL scheme HTML, XHTML and SVG evidence is served through
// ("assay-evidence"). Registered with NoAccessAllowed, so every document gets
// a unique opaque origin: it can read nothing, not even another evidence
// document, and it is never exempt from the Content-Security-Policy.
QByteArray name();

// Prepares QtWebEngine for evidence, which must happen before the engine
// starts: registers the scheme (QtWebEngine ignores a scheme registered after
// QApplication exists, with a "too late" warning) and cuts the engine off the
// network (see networkFlags()). Call it first thing in main(), and in a
// WebEngine test's main. Calling it twice is harmless.
void registerScheme();

// Whether registerScheme() ran in time (before QApplication); the HTML view
// refuses to render otherwise.
bool isRegistered();

// The Chromium switch registerScheme() adds to QTWEBENGINE_CHROMIUM_FLAGS:
// every host name and address resolves to "not found". Chromium opens some
// sockets no interceptor and no Content-Security-Policy sees —
// <link rel=preconnect> connects to its host straight from the network
// service — so the engine gets no network at all. It is process-wide: Assay
// uses QtWebEngine for evidence only.
QByteArray networkFlags();
// Whether the web engine will start (or started) with networkFlags().
bool isNetworkClosed();

// The URL of one served document: the scheme and an unguessable token.
QUrl documentUrl(const QString &token);

} // namespace assay::EvidenceScheme
