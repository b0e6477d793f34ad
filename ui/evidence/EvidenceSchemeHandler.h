#pragma once

#include <QByteArray>
#include <QHash>
#include <QMultiMap>
#include <QString>
#include <QWebEngineUrlSchemeHandler>

namespace assay {

// Serves HTML, XHTML and SVG evidence on the assay-evidence scheme: only the
// documents registered with add(), each under an unguessable token, each
// with a strict Content-Security-Policy and nosniff headers, read straight
// from the local file (never through setHtml, never as file://). Anything
// else on the scheme — a relative link, a guessed token, a POST — fails.
class EvidenceSchemeHandler : public QWebEngineUrlSchemeHandler
{
    Q_OBJECT

public:
    explicit EvidenceSchemeHandler(QObject *parent = nullptr);

    // Registers a local file to be served as mediaType (the detected type).
    // Returns the token; its URL is EvidenceScheme::documentUrl(token).
    QString add(const QString &path, const QByteArray &mediaType);
    void remove(const QString &token);
    int documentCount() const { return int(m_documents.size()); }

    // The policy every response carries: nothing may load but inline style
    // and data: images, nothing may run, submit, navigate, frame or be framed.
    static QByteArray contentSecurityPolicy();
    // Every header added to a response (the CSP among them).
    static QMultiMap<QByteArray, QByteArray> responseHeaders();

    void requestStarted(QWebEngineUrlRequestJob *job) override;

private:
    struct Document
    {
        QString path;
        QByteArray mediaType;
    };
    QHash<QString, Document> m_documents;
};

} // namespace assay
