#include "ui/shell/Translations.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTranslator>

namespace assay {

namespace {
Q_LOGGING_CATEGORY(lcTranslations, "assay.ui.translations")
}

bool ensureTranslationsLoaded()
{
    static bool loaded = false;
    static bool tried = false;
    if (tried)
        return loaded;
    auto *app = QCoreApplication::instance();
    if (!app)
        return false;
    tried = true;
    auto *english = new QTranslator(app);
    if (!english->load(QStringLiteral(":/assay/i18n/assay_en.qm"))) {
        qCWarning(lcTranslations) << "the English plural forms could not be loaded";
        delete english;
        return false;
    }
    loaded = QCoreApplication::installTranslator(english);
    return loaded;
}

} // namespace assay
