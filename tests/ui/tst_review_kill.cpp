// Work is never lost: a process typing into the review screen is killed with
// SIGKILL at random moments; after each kill the cache holds everything the
// screen had shown as Saved.

#include "common/ResultCheck.h"
#include "common/TestData.h"
#include "models/Cache.h"
#include "models/Profile.h"
#include "models/ReviewWork.h"
#include "models/SubmissionStore.h"

#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace assay;

class TestReviewKill : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everythingShownSavedSurvivesSigkill()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Profile profile(dir.filePath(QStringLiteral("profile")));
        QCOMPARE(profile.ensureExists().errorString(), QString());
        const Submission submission = test::submission(2);
        const QString sid = submission.summary.id;
        {
            Cache cache;
            QVERIFY(test::ok(cache.open(profile.cachePath())));
            QVERIFY(test::ok(cache.submissions().store(submission)));
        }
        const QString typist = QCoreApplication::applicationDirPath() + QStringLiteral("/review_typist");
        QVERIFY2(QFileInfo::exists(typist), qPrintable(typist));

        bool given = false;
        const quint32 fromEnv = qEnvironmentVariable("ASSAY_TEST_SEED").toUInt(&given);
        const quint32 seed = given ? fromEnv : QRandomGenerator::global()->generate();
        qInfo("kill schedule seed %u (replay with ASSAY_TEST_SEED=%u)", seed, seed);
        QRandomGenerator random(seed);

        constexpr int Rounds = 6;
        int savedSeen = 0;
        for (int round = 0; round < Rounds; ++round) {
            QProcess p;
            p.setProgram(typist);
            p.setArguments({profile.dir(), sid, QString::number(random.generate())});
            p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            p.start();
            QVERIFY(p.waitForStarted());
            QByteArray out;
            // Killed once it has said Saved a few times, at a random moment after.
            const int wanted = 1 + int(random.bounded(6));
            while (out.count("\nsaved ") + (out.startsWith("saved ") ? 1 : 0) < wanted) {
                QVERIFY2(p.waitForReadyRead(30000), out.constData());
                out += p.readAllStandardOutput();
            }
            QTest::qWait(int(random.bounded(250)));
            p.kill();
            QVERIFY(p.waitForFinished(10000));
            QCOMPARE(p.exitStatus(), QProcess::CrashExit);
            out += p.readAllStandardOutput();

            // The last complete "saved" line: what the screen last showed as saved.
            QList<QByteArray> lines = out.split('\n');
            if (!out.endsWith('\n'))
                lines.removeLast(); // cut off mid-line by the kill
            QByteArray last;
            for (const QByteArray &line : std::as_const(lines))
                if (line.startsWith("saved "))
                    last = line;
            QVERIFY(!last.isEmpty());
            const QList<QByteArray> fields = last.split(' ');
            QCOMPARE(fields.size(), 3);
            const QStringList ticked = fields.at(1) == "-" ? QStringList() : QString::fromUtf8(fields.at(1)).split(QLatin1Char(','));
            const QString note = QString::fromUtf8(QByteArray::fromHex(fields.at(2)));
            savedSeen += int(lines.size());

            Cache cache;
            QVERIFY(test::ok(cache.open(profile.cachePath())));
            const auto notes = test::ok(cache.work().notes(sid));
            const auto ticks = test::ok(cache.work().checklistTicks(sid));
            // Typing only appends and items are only ever ticked, so a write
            // that committed after the last "Saved" can only add to it.
            const QString stored = notes.value(QStringLiteral("data_segregation")).body;
            QVERIFY2(stored.startsWith(note), qPrintable(QStringLiteral("round %1: cache has “%2”, the screen showed “%3” as saved")
                                                             .arg(round).arg(stored, note)));
            for (const QString &key : ticked)
                QVERIFY2(ticks.value(key).checked, qPrintable(QStringLiteral("round %1: %2 shown ticked and saved").arg(round).arg(key)));
        }
        QVERIFY(savedSeen >= Rounds);
    }
};

QTEST_MAIN(TestReviewKill)
#include "tst_review_kill.moc"
