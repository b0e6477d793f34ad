#include "ui/evidence/EvidenceSchemeHandler.h"

#include "ui/evidence/EvidenceWebLogging.h"
#include "ui/evidence/EvidenceScheme.h"

#include <QFile>
#include <QRandomGenerator>
#include <QWebEngineUrlRequestJob>

#include <array>

namespace assay {

EvidenceSchemeHandler::EvidenceSchemeHandler(QObject *parent)
    : QWebEngineUrlSchemeHandler(parent)
{
}

QString EvidenceSchemeHandler::add(const QString &path, const QByteArray &mediaType)
{
    // 128 bits from the system's generator: a document's URL cannot be
    // guessed by another document (or by anything else that can reach the
    // profile), even though the interceptor would block it anyway.
    std::array<quint32, 4> bits{};
    QRandomGenerator::system()->fillRange(bits.data(), bits.size());
    const QString token =
        QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(bits.data()), sizeof bits).toHex());
    m_documents.insert(token, Document{path, mediaType});
    return token;
}

void EvidenceSchemeHandler::remove(const QString &token)
{
    m_documents.remove(token);
}

QByteArray EvidenceSchemeHandler::contentSecurityPolicy()
{
    // Every fetch directive spelled out as 'none' even though default-src
    // covers most: a directive a future Chromium stops deriving from
    // default-src must still be closed. `sandbox` with no allow-* token:
    // no script, no forms, no popups, no top navigation, no downloads, no
    // pointer lock, an opaque origin — whatever the settings say.
    return QByteArrayLiteral("default-src 'none'; "
                             "script-src 'none'; script-src-elem 'none'; script-src-attr 'none'; "
                             "style-src 'unsafe-inline'; "
                             "img-src data:; "
                             "font-src 'none'; media-src 'none'; object-src 'none'; "
                             "connect-src 'none'; frame-src 'none'; child-src 'none'; worker-src 'none'; "
                             "manifest-src 'none'; "
                             "form-action 'none'; base-uri 'none'; frame-ancestors 'none'; "
                             "sandbox");
}

QMultiMap<QByteArray, QByteArray> EvidenceSchemeHandler::responseHeaders()
{
    QMultiMap<QByteArray, QByteArray> headers;
    headers.insert(QByteArrayLiteral("Content-Security-Policy"), contentSecurityPolicy());
    // Served as the detected type, never sniffed into something else.
    headers.insert(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
    // Chromium honours this one for the document: no speculative DNS lookups
    // of the hosts a report links to (DnsPrefetchEnabled is off as well).
    headers.insert(QByteArrayLiteral("X-DNS-Prefetch-Control"), QByteArrayLiteral("off"));
    headers.insert(QByteArrayLiteral("Referrer-Policy"), QByteArrayLiteral("no-referrer"));
    headers.insert(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    headers.insert(QByteArrayLiteral("X-Frame-Options"), QByteArrayLiteral("DENY"));
    headers.insert(QByteArrayLiteral("Cross-Origin-Opener-Policy"), QByteArrayLiteral("same-origin"));
    headers.insert(QByteArrayLiteral("Cross-Origin-Resource-Policy"), QByteArrayLiteral("same-origin"));
    // Every powerful feature off for the document and anything it embeds.
    headers.insert(QByteArrayLiteral("Permissions-Policy"),
                   QByteArrayLiteral("accelerometer=(), autoplay=(), camera=(), clipboard-read=(), "
                                     "clipboard-write=(), display-capture=(), fullscreen=(), geolocation=(), "
                                     "gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), "
                                     "publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), "
                                     "web-share=(), xr-spatial-tracking=()"));
    return headers;
}

void EvidenceSchemeHandler::requestStarted(QWebEngineUrlRequestJob *job)
{
    const QUrl url = job->requestUrl();
    const QString token = url.path().mid(1);
    const auto it = m_documents.constFind(token);
    if (job->requestMethod() != "GET" || url.hasQuery() || it == m_documents.cend()
        || EvidenceScheme::documentUrl(token) != url.adjusted(QUrl::RemoveFragment)) {
        qCDebug(lcEvidenceWeb) << "refused a request on the evidence scheme";
        job->fail(QWebEngineUrlRequestJob::RequestDenied);
        return;
    }
    auto *file = new QFile(it->path);
    if (!file->open(QIODevice::ReadOnly)) {
        qCWarning(lcEvidenceWeb) << "an evidence file could not be opened to be served";
        delete file;
        job->fail(QWebEngineUrlRequestJob::UrlNotFound);
        return;
    }
    // QtWebEngine reads the device on its own thread until the job is gone;
    // it does not own it. The file lives exactly as long as the job.
    connect(job, &QObject::destroyed, file, &QObject::deleteLater);
    job->setAdditionalResponseHeaders(responseHeaders());
    job->reply(it->mediaType, file);
}

} // namespace assay
