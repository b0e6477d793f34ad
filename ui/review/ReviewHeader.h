#pragma once

#include <QWidget>

class QLabel;

namespace assay {

struct ReviewContext;
struct SubmissionSummary;
struct OutboxEntry;

// The top of the review screen: which app, whose, on which questionnaire,
// where it stands, and whether the reviewer's own writes about it have
// reached the marketplace.
class ReviewHeader : public QWidget
{
    Q_OBJECT

public:
    explicit ReviewHeader(QWidget *parent = nullptr);

    void setContext(const ReviewContext &context);
    // "nothing waiting", "pending upload", "conflict" … for this submission.
    QString outboxText() const;
    // "3 secrets findings in evidence · 1 item not opened yet · …".
    QString findingsText() const;
    static QString findingsText(const ReviewContext &context);

    static QString statusText(const SubmissionSummary &s);
    static QString stageText(const SubmissionSummary &s);
    static QString kindText(const SubmissionSummary &s);
    static QString outboxStateText(const QList<OutboxEntry> &entries);

private:
    QLabel *m_title;
    QLabel *m_facts;
    QLabel *m_dates;
    QLabel *m_outbox;
    QLabel *m_findings;
};

} // namespace assay
