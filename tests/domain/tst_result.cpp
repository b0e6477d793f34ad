#include "domain/Result.h"

#include <QTest>

#include <memory>

using namespace assay;

namespace {

Result<int> parsePositive(const QString &text)
{
    bool ok = false;
    const int n = text.toInt(&ok);
    if (!ok)
        return Error{QStringLiteral("not a number: %1").arg(text)};
    if (n <= 0)
        return Error{QStringLiteral("not positive: %1").arg(n)};
    return n;
}

// Passes a failure on unchanged, adds to a success.
Result<QString> describe(const QString &text)
{
    const Result<int> n = parsePositive(text);
    if (!n)
        return n.error();
    return QStringLiteral("%1 items").arg(*n);
}

Result<> check(bool good)
{
    if (!good)
        return Error{QStringLiteral("bad")};
    return {};
}

} // namespace

class TestResult : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void valueAndError()
    {
        const Result<int> good = parsePositive(QStringLiteral("12"));
        QVERIFY(good);
        QCOMPARE(*good, 12);
        QVERIFY(good.errorString().isEmpty());

        const Result<int> bad = parsePositive(QStringLiteral("twelve"));
        QVERIFY(!bad);
        QCOMPARE(bad.errorString(), QStringLiteral("not a number: twelve"));
        QCOMPARE(bad.error().message, QStringLiteral("not a number: twelve"));
    }

    void failurePassesThrough()
    {
        QCOMPARE(describe(QStringLiteral("3")).value(), QStringLiteral("3 items"));
        const Result<QString> r = describe(QStringLiteral("-4"));
        QVERIFY(!r.has_value());
        QCOMPARE(r.errorString(), QStringLiteral("not positive: -4"));
    }

    void voidResult()
    {
        QVERIFY(check(true));
        QVERIFY(!check(false));
        QCOMPARE(check(false).errorString(), QStringLiteral("bad"));
        QVERIFY(check(true).errorString().isEmpty());
    }

    void moveOnlyValue()
    {
        Result<std::unique_ptr<int>> r = std::make_unique<int>(7);
        QVERIFY(r);
        std::unique_ptr<int> taken = std::move(*r);
        QCOMPARE(*taken, 7);
    }
};

QTEST_GUILESS_MAIN(TestResult)
#include "tst_result.moc"
