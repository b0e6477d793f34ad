#pragma once

#include <QWidget>

class QAction;
class QFile;
class QLabel;
class QPdfDocument;
class QPdfView;
class QSpinBox;

namespace assay {

// A PDF through QtPdf (PDFium without its JavaScript engine), never through
// Chromium's viewer: pages, zoom, nothing else. No PDF script runs, no link
// is followed (not even within the document: a click is a click), no form is
// filled or submitted, no URI action is handed to anything.
class PdfEvidenceView : public QWidget
{
    Q_OBJECT

public:
    explicit PdfEvidenceView(QWidget *parent = nullptr);
    ~PdfEvidenceView() override;

    // Reads the file through a QFile (never a URL). Returns at once; shown()
    // once the pages are there, failed() with a reason when the file is not a
    // PDF QtPdf can read (damaged, encrypted, truncated).
    void open(const QString &path);
    void clear();

    int pageCount() const;
    // Pages count from 1, as findings do.
    int currentPage() const;
    void goToPage(int page);
    void zoomIn();
    void zoomOut();
    void fitWidth();
    qreal zoomFactor() const;
    bool isFitWidth() const;

    QPdfView *pdfView() const { return m_view; }
    QPdfDocument *document() const { return m_document; }

Q_SIGNALS:
    void shown();
    void failed(const QString &message);

private:
    void statusChanged();
    void updateControls();
    void setZoom(qreal factor);
    static QString errorText(int error);

    QPdfDocument *m_document;
    QPdfView *m_view;
    QFile *m_file = nullptr;
    QSpinBox *m_page;
    QLabel *m_pages;
    QAction *m_previous;
    QAction *m_next;
    QAction *m_zoomIn;
    QAction *m_zoomOut;
    QAction *m_fitWidth;
};

} // namespace assay
