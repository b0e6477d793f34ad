#include "ui/evidence/EvidenceRequestInterceptor.h"

#include "ui/evidence/EvidenceWebLogging.h"

#include <QWebEngineUrlRequestInfo>

namespace assay {

EvidenceRequestInterceptor::EvidenceRequestInterceptor(QObject *parent)
    : QWebEngineUrlRequestInterceptor(parent)
{
}

void EvidenceRequestInterceptor::allowOnly(const QUrl &document)
{
    m_document = document;
    m_scheme.clear();
}

void EvidenceRequestInterceptor::allowScheme(const QByteArray &scheme)
{
    m_scheme = scheme;
    m_document.clear();
}

void EvidenceRequestInterceptor::clearRecord()
{
    m_blocked.clear();
    m_count = 0;
}

void EvidenceRequestInterceptor::interceptRequest(QWebEngineUrlRequestInfo &info)
{
    // Called on the GUI thread (Qt 6) with the request stalled: decide
    // quickly, from the URL alone. Only a GET can load a document.
    const QUrl url = info.requestUrl();
    const bool allowed = info.requestMethod() == "GET"
        && (m_scheme.isEmpty() ? (!m_document.isEmpty() && url.adjusted(QUrl::RemoveFragment) == m_document)
                               : url.scheme().toLatin1() == m_scheme);
    if (allowed)
        return;
    info.block(true);
    ++m_count;
    if (m_blocked.size() < MaxRecorded)
        m_blocked.append(url);
    qCDebug(lcEvidenceWeb) << "blocked a request of type" << int(info.resourceType()) << "; blocked so far:" << m_count;
    Q_EMIT requestBlocked(m_count);
}

} // namespace assay
