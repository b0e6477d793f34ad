#pragma once

#include "domain/Result.h"

#include <QTest>

#include <source_location>

namespace assay::test {

// A Result's value in a test: a failure is recorded with the error's message
// and where it happened (the test fails), and a default value stands in so
// the expression can be compared inline.
template<typename T>
T ok(Result<T> r, std::source_location at = std::source_location::current())
{
    if (!r) {
        QTest::qFail(qPrintable(r.error().message), at.file_name(), int(at.line()));
        return T();
    }
    return std::move(*r);
}

// For a write: true when it worked, else the failure is recorded with its
// message. Use as QVERIFY(test::ok(...)).
inline bool ok(Result<> r, std::source_location at = std::source_location::current())
{
    if (!r)
        QTest::qFail(qPrintable(r.error().message), at.file_name(), int(at.line()));
    return r.has_value();
}

} // namespace assay::test
