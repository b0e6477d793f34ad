#include "domain/JsonReader.h"

#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace assay;

class TestJsonReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsTypedFields()
    {
        JsonReader r(QJsonObject{{QStringLiteral("s"), QStringLiteral("x")},
                                 {QStringLiteral("i"), 42},
                                 {QStringLiteral("b"), true},
                                 {QStringLiteral("t"), QStringLiteral("2026-11-28T10:00:00Z")},
                                 {QStringLiteral("n"), QJsonValue::Null}});
        QCOMPARE(r.string(QStringLiteral("s")), QStringLiteral("x"));
        QCOMPARE(r.integer(QStringLiteral("i"), 0, 100), 42);
        QCOMPARE(r.boolean(QStringLiteral("b")), true);
        QCOMPARE(r.timestamp(QStringLiteral("t")), QDateTime(QDate(2026, 11, 28), QTime(10, 0), QTimeZone::UTC));
        QCOMPARE(r.nullableString(QStringLiteral("n")), std::nullopt);
        QVERIFY2(r.ok(), qPrintable(r.error()));
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expectedError");
        QTest::newRow("missing") << QByteArray("{}") << QStringLiteral("s: missing");
        QTest::newRow("number as string") << QByteArray(R"({"s": 5})") << QStringLiteral("s: expected a string");
        QTest::newRow("null as string") << QByteArray(R"({"s": null})") << QStringLiteral("s: expected a string");
        QTest::newRow("too long") << QByteArray(R"({"s": "abcdef"})") << QStringLiteral("s: longer than 5 characters");
        QTest::newRow("lone surrogate") << QByteArray(R"({"s": "a\ud800b"})")
                                        << QStringLiteral("s: invalid Unicode (unpaired surrogate)");
        QTest::newRow("lone low surrogate") << QByteArray(R"({"s": "a\udc00"})")
                                            << QStringLiteral("s: invalid Unicode (unpaired surrogate)");
        QTest::newRow("high surrogate at the end") << QByteArray(R"({"s": "ab\ud83d"})")
                                                   << QStringLiteral("s: invalid Unicode (unpaired surrogate)");
        QTest::newRow("pair reversed") << QByteArray(R"({"s": "\udd12\ud83d"})")
                                       << QStringLiteral("s: invalid Unicode (unpaired surrogate)");
        QTest::newRow("six emoji") << QByteArray(R"({"s": "\ud83d\udd12\ud83d\udd12\ud83d\udd12\ud83d\udd12\ud83d\udd12\ud83d\udd12"})")
                                   << QStringLiteral("s: longer than 5 characters");
    }
    void rejects()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expectedError);
        JsonReader r(QJsonDocument::fromJson(json).object());
        QCOMPARE(r.string(QStringLiteral("s"), 5), QString());
        QVERIFY(!r.ok());
        QCOMPARE(r.error(), expectedError);
    }

    void countsCodePointsNotUtf16Units()
    {
        // Five emoji are ten UTF-16 units but five characters.
        const QString emoji = QString::fromUtf8("\xF0\x9F\x94\x92\xF0\x9F\x94\x92\xF0\x9F\x94\x92\xF0\x9F\x94\x92\xF0\x9F\x94\x92");
        QCOMPARE(emoji.size(), 10);
        JsonReader r(QJsonObject{{QStringLiteral("s"), emoji}});
        QCOMPARE(r.string(QStringLiteral("s"), 5), emoji);
        QVERIFY(r.ok());
    }

    void integers_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<bool>("ok");
        QTest::newRow("fraction") << QJsonValue(1.5) << false;
        QTest::newRow("below") << QJsonValue(0) << false;
        QTest::newRow("above") << QJsonValue(11) << false;
        QTest::newRow("string") << QJsonValue(QStringLiteral("3")) << false;
        QTest::newRow("bool") << QJsonValue(true) << false;
        QTest::newRow("fine") << QJsonValue(10) << true;
    }
    void integers()
    {
        QFETCH(QJsonValue, value);
        QFETCH(bool, ok);
        JsonReader r(QJsonObject{{QStringLiteral("i"), value}});
        r.integer(QStringLiteral("i"), 1, 10);
        QCOMPARE(r.ok(), ok);
    }

    void timestamps_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::newRow("utc") << QStringLiteral("2026-11-28T10:00:00Z") << true;
        QTest::newRow("offset") << QStringLiteral("2026-11-28T11:00:00+01:00") << true;
        QTest::newRow("millis") << QStringLiteral("2026-11-28T10:00:00.250Z") << true;
        QTest::newRow("no zone") << QStringLiteral("2026-11-28T10:00:00") << false;
        QTest::newRow("date only") << QStringLiteral("2026-11-28") << false;
        QTest::newRow("garbage") << QStringLiteral("yesterday at noon, roughly") << false;
        QTest::newRow("bad month") << QStringLiteral("2026-13-28T10:00:00Z") << false;
    }
    void timestamps()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QCOMPARE(JsonReader::parseTimestamp(text).has_value(), ok);
        if (ok)
            QCOMPARE(JsonReader::parseTimestamp(text)->toSecsSinceEpoch() / 60,
                     QDateTime(QDate(2026, 11, 28), QTime(10, 0), QTimeZone::UTC).toSecsSinceEpoch() / 60);
    }

    void oneOfNamesTheUnknownValue()
    {
        JsonReader r(QJsonObject{{QStringLiteral("status"), QStringLiteral("escalated")}});
        r.oneOf(QStringLiteral("status"), {QStringLiteral("open"), QStringLiteral("closed")});
        QVERIFY(!r.ok());
        QVERIFY(r.error().contains(QStringLiteral("unknown value \"escalated\"")));
    }

    void firstErrorWinsWithItsPath()
    {
        JsonReader outer(QJsonObject{});
        JsonReader inner = outer.nested(QJsonObject{{QStringLiteral("x"), 1}}, QStringLiteral("answers[2]"));
        inner.string(QStringLiteral("x"));
        inner.string(QStringLiteral("y"));
        outer.adopt(inner);
        QCOMPARE(outer.error(), QStringLiteral("answers[2].x: expected a string"));
    }
};

QTEST_GUILESS_MAIN(TestJsonReader)
#include "tst_jsonreader.moc"
