#include "ui/review/SaveIndicator.h"

namespace assay {

SaveIndicator::SaveIndicator(DebouncedWriter *writer, QWidget *parent)
    : QLabel(parent)
    , m_writer(writer)
{
    setObjectName(QStringLiteral("SaveIndicator"));
    setAccessibleName(tr("Save state of your work"));
    setTextFormat(Qt::PlainText);
    setForegroundRole(QPalette::PlaceholderText);
    connect(writer, &DebouncedWriter::stateChanged, this, &SaveIndicator::display);
    display(writer->state());
}

void SaveIndicator::display(DebouncedWriter::State state)
{
    QFont f = font();
    f.setBold(state == DebouncedWriter::State::Failed);
    setFont(f);
    switch (state) {
    case DebouncedWriter::State::Idle:
        setText(tr("Your work is saved as you go"));
        setForegroundRole(QPalette::PlaceholderText);
        break;
    case DebouncedWriter::State::Pending:
        setText(tr("Saving…"));
        setForegroundRole(QPalette::PlaceholderText);
        break;
    case DebouncedWriter::State::Saved:
        setText(tr("Saved"));
        setForegroundRole(QPalette::PlaceholderText);
        break;
    case DebouncedWriter::State::Failed:
        setText(tr("Not saved: %1").arg(m_writer->error()));
        setForegroundRole(QPalette::WindowText);
        break;
    }
    setToolTip(text());
}

} // namespace assay
