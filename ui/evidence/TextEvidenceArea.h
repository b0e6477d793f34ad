#pragma once

#include "domain/SecretFinding.h"
#include "models/LineIndex.h"
#include "ui/evidence/TextSearch.h"
#include "ui/evidence/TextSpan.h"

#include <QAbstractScrollArea>
#include <QList>
#include <QString>
#include <QTextLayout>

namespace assay {

class TextHighlighter;

// The scrolling text of TextEvidenceView: paints only the rows on screen,
// decoded from the mapped file, with a gutter of line numbers, syntax colours
// as they arrive, findings and search hits marked, and findings replaced by
// their redaction when asked. Rows are the LineIndex's segments.
class TextEvidenceArea : public QAbstractScrollArea
{
    Q_OBJECT

public:
    explicit TextEvidenceArea(QWidget *parent = nullptr);
    ~TextEvidenceArea() override;

    Result<> open(const QString &path, const QString &definitionName, const QString &themeName);
    void clear();
    void setFindings(const QList<SecretFinding> &findings);
    void setRedacted(bool redacted);
    bool isRedacted() const { return m_redacted; }
    void setWrap(bool wrap);
    bool wraps() const { return m_wrap; }
    // line from 0; a line not indexed yet is gone to when it is.
    void goTo(int line, qint64 column, int length);

    void find(const QString &text);
    void findNext();
    void findPrevious();
    TextSearch *search() const { return m_search; }
    // The search hit shown as current, or -1.
    qsizetype currentHit() const { return m_currentHit; }

    QStringList visibleText() const;
    int topLine() const;
    int lineCount() const { return m_snapshot.lineCount(); }
    bool isIndexed() const;
    // The text of the selected rows, as drawn (redacted when redaction is on).
    QString selectedText() const;
    void copySelection() const;
    // The syntax spans of a row, as the highlighter gave them (null if none yet).
    const TextSpans *rowSpans(qsizetype row) const;
    qsizetype rowOfLine(int line) const { return m_snapshot.firstSegmentOfLine(line); }
    TextHighlighter *highlighter() const { return m_highlighter; }

Q_SIGNALS:
    void shown();
    void indexed();
    void rowsHighlighted();
    void currentHitChanged(qsizetype index);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void changeEvent(QEvent *event) override;

private:
    struct DisplayRow
    {
        QString text;
        QList<QTextLayout::FormatRange> formats;
    };
    struct Mark
    {
        int line = -1;
        qint64 column = 0;
        int length = 0;
    };
    DisplayRow displayRow(qsizetype row) const;
    void grown();
    void updateScrollBars();
    int visibleRows() const;
    int gutterWidth() const;
    int lineHeight() const;
    qsizetype rowAt(int y) const;
    qsizetype rowOfColumn(int line, qint64 column) const;
    void showMark(const Mark &mark);
    void scrollToRow(qsizetype row);
    void requestHighlight();
    void showHit(qsizetype index);
    qsizetype hitNear(bool forward) const;

    LineIndex *m_index;
    LineIndex::Snapshot m_snapshot;
    TextHighlighter *m_highlighter;
    TextSearch *m_search;
    QList<SecretFinding> m_findings; // sorted by line
    bool m_redacted = false;
    bool m_wrap = false;
    bool m_shownPending = false;
    Mark m_mark;
    Mark m_pendingGoTo;
    qsizetype m_currentHit = -1;
    qsizetype m_selectionAnchor = -1;
    qsizetype m_selectionEnd = -1;
    int m_widestSeen = 0;
    qsizetype m_rowsPainted = 0; // rows the last paint drew (wrap: may be fewer than fit)
};

} // namespace assay
