#pragma once

#include <QByteArray>
#include <QList>
#include <QUrl>
#include <QWebEngineUrlRequestInterceptor>

namespace assay {

// Blocks every request but the one allowed: on a page, exactly its evidence
// document; on the profile (a backstop for anything not tied to a page), any
// URL of the evidence scheme, which serves only registered documents. Keeps
// its own record of what it blocked, for the tests and the view's "N
// requests blocked" line; what it writes to the log is counts, never a URL
// (a partner's URL can carry anything).
class EvidenceRequestInterceptor : public QWebEngineUrlRequestInterceptor
{
    Q_OBJECT

public:
    explicit EvidenceRequestInterceptor(QObject *parent = nullptr);

    // Allows exactly this URL (ignoring a fragment); everything else is blocked.
    void allowOnly(const QUrl &document);
    // Allows any URL of this scheme; everything else is blocked.
    void allowScheme(const QByteArray &scheme);

    // The blocked requests' URLs, oldest first; at most MaxRecorded kept,
    // blockedCount() counts them all.
    QList<QUrl> blocked() const { return m_blocked; }
    int blockedCount() const { return m_count; }
    void clearRecord();

    static constexpr int MaxRecorded = 1000;

    void interceptRequest(QWebEngineUrlRequestInfo &info) override;

Q_SIGNALS:
    void requestBlocked(int count);

private:
    QUrl m_document;
    QByteArray m_scheme;
    QList<QUrl> m_blocked;
    int m_count = 0;
};

} // namespace assay
