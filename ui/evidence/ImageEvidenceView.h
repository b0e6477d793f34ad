#pragma once

#include <QImage>
#include <QWidget>

class QAction;
class QLabel;
class QScrollArea;
template<typename T>
class QFutureWatcher;

namespace assay {

// A raster image (PNG, JPEG, GIF, WebP, BMP), decoded off the GUI thread by
// QImageReader with an allocation limit: an image whose declared size would
// not fit is refused before a pixel is decoded (a decompression bomb gets a
// message, not an out-of-memory). Zoom in and out, fit to the window, 1:1.
class ImageEvidenceView : public QWidget
{
    Q_OBJECT

public:
    // The most a decoded image may take (32-bit pixels): 256 MiB, a
    // 8192 × 8192 screenshot; QImageReader refuses past it too.
    static constexpr int AllocationLimitMiB = 256;

    explicit ImageEvidenceView(QWidget *parent = nullptr);
    ~ImageEvidenceView() override;

    // Returns at once; shown() once decoded, failed() with the reason it was
    // refused or could not be decoded.
    void open(const QString &path);
    void clear();

    void zoomIn();
    void zoomOut();
    void fitToWindow();
    void actualSize();
    qreal zoom() const { return m_zoom; }
    bool isFit() const { return m_fit; }
    QSize imageSize() const { return m_image.size(); }

    struct Decoded
    {
        QImage image;
        QString error;
    };
    // The decoding itself (any thread): the size is checked first.
    static Decoded decode(const QString &path);

Q_SIGNALS:
    void shown();
    void failed(const QString &message);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void decoded();
    void setZoom(qreal zoom);
    void applyZoom();
    qreal fitZoom() const;

    QImage m_image;
    qreal m_zoom = 1.0;
    bool m_fit = true;
    quint64 m_generation = 0;
    QFutureWatcher<Decoded> *m_watcher = nullptr;
    QScrollArea *m_scroll;
    QWidget *m_canvas;
    QLabel *m_zoomLabel;
    QAction *m_zoomIn;
    QAction *m_zoomOut;
    QAction *m_fitAction;
    QAction *m_actualSize;
};

} // namespace assay
