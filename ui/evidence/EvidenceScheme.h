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

// Registers the scheme with QtWebEngine. Must run before QApplication exists
// (in main(), and in a WebEngine test's main); later calls are ignored by
// QtWebEngine with a "too late" warning. Calling it twice is harmless.
void registerScheme();

// Whether registerScheme() ran in time (before QApplication); the HTML view
// refuses to render otherwise.
bool isRegistered();

// The URL of one served document: the scheme and an unguessable token.
QUrl documentUrl(const QString &token);

} // namespace assay::EvidenceScheme
