#pragma once

#include "common/HttpClient.h"
#include "common/LoopbackMarketplace.h"
#include "domain/Questionnaire.h"
#include "domain/Submission.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>

namespace assay::test {

using namespace Qt::StringLiterals;

// What tst_apiserver (reads) and tst_apiwrites share: the reference server
// in-process over a store seeded once per binary, a clock the tests set, and
// request bodies built from the shipped questionnaire.
class ApiTestBase : public QObject
{
protected:
    std::unique_ptr<LoopbackMarketplace> m_market;
    std::unique_ptr<HttpClient> m_http;
    QDateTime m_now = QDateTime(QDate(2026, 11, 28), QTime(10, 0), QTimeZone::UTC);

    static QString tok(const char *user) { return LoopbackMarketplace::token(QString::fromLatin1(user)); }

    HttpClient &http() { return *m_http; }

    // A submission in the given stage/status from the seeded data.
    QString find(SubmissionSummary::Stage stage, const std::optional<QString> &assignee = std::nullopt,
                 std::optional<SubmissionSummary::Status> status = std::nullopt)
    {
        const auto page = m_market->store().feed(0, 100000);
        for (const SubmissionSummary &s : page->items) {
            if (s.stage == stage && (!assignee || s.assignee == assignee) && (!status || s.status == *status))
                return s.id;
        }
        return {};
    }

    SubmissionSummary summaryOf(const QString &id)
    {
        return m_market->store().stored(id)->summary;
    }

    QJsonObject allTicked()
    {
        QJsonObject checks;
        const auto q = Questionnaire::builtin(u"2026.1"_s);
        for (const QString &k : q->requiredChecklistKeys())
            checks.insert(k, true);
        return checks;
    }

    QJsonObject approve(qint64 base)
    {
        return {{u"decision"_s, u"approve"_s}, {u"base_version"_s, base}, {u"summary"_s, u"Meets the rubric."_s},
                {u"checklist"_s, allTicked()}, {u"reasons"_s, QJsonArray()}};
    }

    QJsonObject reject(qint64 base)
    {
        const auto q = Questionnaire::builtin(u"2026.1"_s);
        const auto &cat = q->categories.at(3);
        return {{u"decision"_s, u"reject"_s}, {u"base_version"_s, base}, {u"checklist"_s, QJsonObject()},
                {u"reasons"_s, QJsonArray{QJsonObject{{u"category"_s, cat.key}, {u"code"_s, cat.rejectionReasons.first().code},
                                                      {u"note"_s, u"No token on /settings."_s}}}}};
    }

    QTemporaryDir m_templateDir;
    QString m_template;

    void makeTemplate()
    {
        m_template = m_templateDir.filePath(QStringLiteral("template.sqlite"));
        QCOMPARE(LoopbackMarketplace::makeTemplate(m_template, 40), QString());
    }

    void startServer()
    {
        m_now = QDateTime(QDate(2026, 11, 28), QTime(10, 0), QTimeZone::UTC);
        server::ApiServer::Options options = LoopbackMarketplace::quietOptions();
        options.clock = [this] { return m_now; };
        m_market = std::make_unique<LoopbackMarketplace>(m_template, options);
        QVERIFY2(m_market->ok(), qPrintable(m_market->error()));
        m_http = std::make_unique<HttpClient>(m_market->url());
    }
};

} // namespace assay::test
