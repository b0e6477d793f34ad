#pragma once

#include <QByteArray>
#include <QString>

#include <cstdio>

namespace assay::console {

// The command line's two streams, flushed at once: a script reading the
// output line by line (and tests waiting for it) sees each line as written.
inline void err(const QString &text)
{
    std::fprintf(stderr, "assay: %s\n", qUtf8Printable(text));
    std::fflush(stderr);
}

inline void out(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

} // namespace assay::console
