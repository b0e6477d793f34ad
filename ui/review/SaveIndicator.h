#pragma once

#include "ui/review/DebouncedWriter.h"

#include <QLabel>

namespace assay {

// The small "Saving…" / "Saved" mark beside the reviewer's work: it says
// Saved only after the cache committed the write, and says why when it could
// not.
class SaveIndicator : public QLabel
{
    Q_OBJECT

public:
    explicit SaveIndicator(DebouncedWriter *writer, QWidget *parent = nullptr);

private:
    void display(DebouncedWriter::State state);

    DebouncedWriter *m_writer;
};

} // namespace assay
