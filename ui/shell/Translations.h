#pragma once

namespace assay {

// Installs Assay's translations on the application once: the English .qm
// (translations/assay_en.ts, built into the UI library) gives the plural
// forms of "%n change(s) waiting" — without it Qt shows the "(s)". Every
// widget that shows a counted text calls this; later calls do nothing.
// False when the translation could not be loaded (the texts then keep "(s)").
bool ensureTranslationsLoaded();

} // namespace assay
