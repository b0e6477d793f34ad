#pragma once

#include "domain/Result.h"

#include <QAbstractScrollArea>

#include <memory>

class QFile;

namespace assay {

// Evidence that is neither text nor a rendered kind, as bytes: offset, sixteen
// bytes in hex and their printable ASCII, one row per line. The file is
// memory-mapped and only the rows in view are read and painted, so a
// gigabyte is as quick as a kilobyte. The bytes are never interpreted beyond
// that: never executed, never handed to another program.
class HexEvidenceView : public QAbstractScrollArea
{
    Q_OBJECT

public:
    static constexpr int BytesPerRow = 16;

    explicit HexEvidenceView(QWidget *parent = nullptr);
    ~HexEvidenceView() override;

    // Maps the file read-only; an error says why it cannot be shown.
    Result<> open(const QString &path);
    void clear();

    qint64 fileSize() const { return m_size; }
    qint64 rowCount() const { return (m_size + BytesPerRow - 1) / BytesPerRow; }
    qint64 firstVisibleRow() const;
    int visibleRowCount() const;
    // The text of one row as painted ("00000010  7f 45 4c 46 …  |.ELF…|").
    QString rowText(qint64 row) const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateScrollBars();
    int rowHeight() const;
    // The bytes of a row; fewer at the end of the file.
    QByteArrayView rowBytes(qint64 row) const;

    std::unique_ptr<QFile> m_file;
    const uchar *m_data = nullptr;
    qint64 m_size = 0;
    int m_offsetDigits = 8;
};

} // namespace assay
