#pragma once

#include <QIcon>

namespace assay {

// Assay's application icon (resources/icons/assay.svg) drawn at the usual
// sizes with QtSvg — the build root has no SVG image plugin, so QIcon could
// not read the file by itself.
QIcon applicationIcon();

} // namespace assay
