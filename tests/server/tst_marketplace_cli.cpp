#include "common/HttpClient.h"
#include "domain/JsonReader.h"
#include "server/Seeder.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace assay;
using namespace assay::test;
using namespace Qt::StringLiterals;

// The assay-marketplace program as scripts and other tests use it.
class TestMarketplaceCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static QString program() { return qEnvironmentVariable("ASSAY_BIN_DIR") + u"/assay-marketplace"_s; }

    // Starts the server and reads what it prints first.
    static bool start(QProcess &p, const QStringList &args, QString *listening, QStringList *tokens, int tokenCount)
    {
        p.setProgram(program());
        p.setArguments(args);
        p.start();
        if (!p.waitForStarted())
            return false;
        QByteArray out;
        while (out.count('\n') < 1 + tokenCount) {
            if (!p.waitForReadyRead(60000))
                return false;
            out += p.readAllStandardOutput();
        }
        QStringList lines = QString::fromUtf8(out).split(u'\n', Qt::SkipEmptyParts);
        *listening = lines.takeFirst();
        *tokens = lines;
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Whatever a server puts in the temporary folder goes into this
        // test's own (leavesNothingInTmp checks that it puts nothing there).
        qputenv("TMPDIR", QFile::encodeName(m_dir.path()));
    }

    void servesWithTokensAndLogsWithoutThem()
    {
        QProcess p;
        QString listening;
        QStringList tokens;
        const QString db = m_dir.filePath(u"m.sqlite"_s);
        // The clock at the seeding anchor: the seeded re-validations are
        // all there is, on whatever day the test runs.
        const QString now = JsonReader::formatTimestamp(server::Seeder::anchor());
        QVERIFY(start(p, {u"--listen"_s, u"127.0.0.1:0"_s, u"--db"_s, db, u"--seed"_s, u"20"_s, u"--print-tokens"_s,
                          u"--now"_s, now},
                      &listening, &tokens, 7));
        const auto m = QRegularExpression(u"^listening on (http://127\\.0\\.0\\.1:(\\d+))$"_s).match(listening);
        QVERIFY2(m.hasMatch(), qPrintable(listening));
        QVERIFY(m.captured(2).toInt() > 0);
        QCOMPARE(tokens.size(), 7);
        QString leadToken;
        for (const QString &line : std::as_const(tokens)) {
            const auto t = QRegularExpression(u"^token (u_\\w+) ([a-z,]+) (\\S+)$"_s).match(line);
            QVERIFY2(t.hasMatch(), qPrintable(line));
            if (t.captured(2).split(u',').contains(u"lead"_s))
                leadToken = t.captured(3);
        }
        QVERIFY(!leadToken.isEmpty());

        HttpClient http(QUrl(m.captured(1)));
        QCOMPARE(http.get(u"/api/v1/me"_s, leadToken).status, 200);
        const auto feed = http.get(u"/api/v1/submissions?limit=500"_s, leadToken);
        QCOMPARE(feed.json().value(u"items"_s).toArray().size(), 20);
        p.terminate();
        QVERIFY(p.waitForFinished(10000));
        const QString log = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(log.contains(u"GET /api/v1/me 200"_s), qPrintable(log));
        QVERIFY2(log.contains(u"GET /api/v1/submissions 200"_s), qPrintable(log));
        QVERIFY2(!log.contains(leadToken), "a token reached the log");
        QVERIFY(!log.contains(u"limit=500"_s));

        // Restarting on the same store adds nothing and keeps the tokens.
        QProcess again;
        QStringList tokens2;
        QVERIFY(start(again, {u"--listen"_s, u"127.0.0.1:0"_s, u"--db"_s, db, u"--seed"_s, u"20"_s, u"--print-tokens"_s,
                              u"--now"_s, now},
                      &listening, &tokens2, 7));
        QCOMPARE(tokens2, tokens);
        HttpClient http2(QUrl(listening.mid(13)));
        QCOMPARE(http2.get(u"/api/v1/submissions?limit=500"_s, leadToken).json().value(u"items"_s).toArray().size(), 20);
        QCOMPARE(again.state(), QProcess::Running);
        again.terminate();
        QVERIFY(again.waitForFinished(10000));
    }

    void refusesNonLoopbackAndBadArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("all interfaces") << QStringList{u"--listen"_s, u"0.0.0.0:0"_s} << u"loopback only"_s;
        QTest::newRow("no port") << QStringList{u"--listen"_s, u"127.0.0.1"_s} << u"HOST:PORT"_s;
        QTest::newRow("faults > 1") << QStringList{u"--faults"_s, u"1.5"_s} << u"--faults"_s;
        QTest::newRow("bad seed") << QStringList{u"--seed"_s, u"lots"_s} << u"--seed"_s;
        QTest::newRow("bad now") << QStringList{u"--now"_s, u"20 November 2026"_s} << u"--now"_s;
    }
    void refusesNonLoopbackAndBadArguments()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QProcess p;
        p.start(program(), args);
        QVERIFY(p.waitForFinished(30000));
        QVERIFY(p.exitCode() != 0);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(message), qPrintable(err));
    }

    // Stopped as tests and scripts stop it (SIGTERM), with or without --db,
    // the server leaves nothing in the temporary folder.
    void leavesNothingInTmp_data()
    {
        QTest::addColumn<bool>("withDb");
        QTest::newRow("--db") << true;
        QTest::newRow("scratch store") << false;
    }
    void leavesNothingInTmp()
    {
        QFETCH(bool, withDb);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"TMPDIR"_s, tmp.path());
        p.setProcessEnvironment(env);
        QStringList args = {u"--listen"_s, u"127.0.0.1:0"_s, u"--quiet"_s};
        if (withDb)
            args += {u"--db"_s, m_dir.filePath(u"tmpcheck.sqlite"_s)};
        QString listening;
        QStringList tokens;
        QVERIFY(start(p, args, &listening, &tokens, 0));
        QVERIFY2(listening.startsWith(u"listening on "_s), qPrintable(listening));
        if (!withDb)
            QCOMPARE(QDir(tmp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).size(), 1);
        p.terminate();
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(QDir(tmp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    }

    void listsItsRoutes()
    {
        QProcess p;
        p.start(program(), {u"--list-routes"_s});
        QVERIFY(p.waitForFinished(30000));
        const QStringList lines = QString::fromUtf8(p.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        // The contract's operations (shared/design/api.md), written out here;
        // check_openapi.py compares the same printout with api/openapi.yaml.
        QCOMPARE(lines, (QStringList{
                            u"GET /me getMe"_s,
                            u"GET /users listUsers"_s,
                            u"GET /questionnaires/{version} getQuestionnaire"_s,
                            u"GET /submissions listSubmissions"_s,
                            u"GET /submissions/{id} getSubmission"_s,
                            u"POST /submissions/{id}/verdict postVerdict"_s,
                            u"PUT /submissions/{id}/assignee putAssignee"_s,
                            u"POST /submissions/{id}/comments postComment"_s,
                            u"GET /evidence/{id} getEvidence"_s,
                            u"GET /reviewers listReviewers"_s,
                        }));
    }
};

QTEST_MAIN(TestMarketplaceCli)
#include "tst_marketplace_cli.moc"
