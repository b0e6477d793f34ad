#pragma once

// Watching a window paint, for the review screen's benchmark: waiting for a
// widget's paint to finish, and counting what a key makes the window repaint.

#include <QApplication>
#include <QEvent>
#include <QEventLoop>
#include <QHash>
#include <QStringList>
#include <QTimer>
#include <QWidget>

#include <algorithm>

namespace assay::bench {

// Runs the event loop until `watched` has been painted and the paint that
// included it has finished (the loop returns once the event being handled,
// the window's whole repaint and flush, is done), or `timeoutMs` passed.
class PaintWaiter : public QObject
{
public:
    explicit PaintWaiter(QWidget *watched)
        : m_watched(watched)
    {
        watched->installEventFilter(this);
    }
    ~PaintWaiter() override { m_watched->removeEventFilter(this); }

    bool wait(int timeoutMs)
    {
        if (m_painted)
            return true;
        QTimer::singleShot(timeoutMs, &m_loop, &QEventLoop::quit);
        m_loop.exec();
        return m_painted;
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_watched && event->type() == QEvent::Paint) {
            m_painted = true;
            m_loop.quit();
        }
        return false;
    }

private:
    QWidget *m_watched;
    QEventLoop m_loop;
    bool m_painted = false;
};

// Counts the widgets painted, by class and the nearest named ancestor,
// while it lives: what a key makes the window repaint.
class PaintCounter : public QObject
{
public:
    PaintCounter() { qApp->installEventFilter(this); }
    ~PaintCounter() override { qApp->removeEventFilter(this); }
    // Paints are counted under the key that was sent last.
    QString bucket;
    QHash<QString, QHash<QString, int>> counts;

    // "QTreeView 63, QLabel#title 63, ..." (the most painted first)
    QString top(const QString &which, int n, int per) const
    {
        QList<std::pair<int, QString>> sorted;
        const QHash<QString, int> in = counts.value(which);
        for (auto it = in.cbegin(); it != in.cend(); ++it)
            sorted.append({it.value(), it.key()});
        std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
        QStringList parts;
        for (qsizetype i = 0; i < std::min<qsizetype>(n, sorted.size()); ++i)
            parts.append(QStringLiteral("%1 %2").arg(sorted.at(i).second).arg(double(sorted.at(i).first) / per, 0, 'f', 1));
        return parts.join(QStringLiteral(", "));
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            // A viewport or a child without a name is named after the nearest
            // ancestor with one.
            QString name = QString::fromLatin1(watched->metaObject()->className());
            const QObject *named = watched;
            while (named && (named->objectName().isEmpty() || named->objectName().startsWith(QStringLiteral("qt_"))))
                named = named->parent();
            if (named)
                name += QStringLiteral(" in ") + named->objectName();
            ++counts[bucket][name];
        }
        return false;
    }
};

} // namespace assay::bench
