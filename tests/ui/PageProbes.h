#pragma once

// Reading a rendered page back from the test: the marks a script would have
// left in the DOM (read in an isolated world, which runs with the page's own
// script off) and the colours on screen.

#include <QImage>
#include <QString>
#include <QTest>
#include <QVariantMap>
#include <QWebEnginePage>
#include <QWebEngineScript>

namespace assay::test {

using namespace Qt::StringLiterals;

// What the isolated world sees of the page: the marks a script would leave.
inline QVariantMap readDom(QWebEnginePage *page)
{
    QVariantMap result;
    bool done = false;
    page->runJavaScript(
        uR"((function () {
            var root = document.documentElement;
            var text = document.body ? document.body.innerText : (root ? root.textContent : '');
            return {
                title: document.title,
                marked: !!document.querySelector('[data-pwned]') || !!document.getElementById('pwned'),
                rootStyle: root ? (root.getAttribute('style') || '') : '',
                href: location.href,
                text: (text || '').slice(0, 2000)
            };
        })())"_s,
        QWebEngineScript::ApplicationWorld, [&](const QVariant &v) {
            result = v.toMap();
            done = true;
        });
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        result.insert(u"timeout"_s, true);
    return result;
}

inline int magentaPixels(const QImage &image)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    int count = 0;
    for (int y = 0; y < rgb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x)
            if (qRed(line[x]) > 230 && qGreen(line[x]) < 40 && qBlue(line[x]) > 230)
                ++count;
    }
    return count;
}

inline int inkPixels(const QImage &image)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    int count = 0;
    for (int y = 0; y < rgb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x)
            if (qGray(line[x]) < 128)
                ++count;
    }
    return count;
}

} // namespace assay::test
