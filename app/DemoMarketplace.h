#pragma once

#include <QObject>
#include <QThread>
#include <QUrl>

namespace assay {

// `assay --demo`: the reference marketplace, seeded with demo data, serving
// on a free loopback port from a thread of its own (seeding draws PDFs and
// screenshots; the GUI thread never waits for it). Its store lives in a
// temporary folder and goes with the process.
class DemoMarketplace : public QObject
{
    Q_OBJECT

public:
    explicit DemoMarketplace(int submissions = 200, QObject *parent = nullptr);
    ~DemoMarketplace() override;

    void start();

Q_SIGNALS:
    // The server is up; `token` is the demo reviewer's (Alice's).
    void ready(const QUrl &url, const QString &token);
    void failed(const QString &error);

private:
    int m_submissions;
    QThread m_thread;
};

} // namespace assay
