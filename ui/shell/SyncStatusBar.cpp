#include "ui/shell/SyncStatusBar.h"

#include "sync/SyncController.h"
#include "ui/shell/Translations.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QRegularExpression>
#include <QStyle>
#include <QTimer>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace assay {

namespace {
QString phaseName(const QString &phase)
{
    if (phase == u"feed"_s)
        return SyncStatusBar::tr("Reading the change feed");
    if (phase == u"details"_s)
        return SyncStatusBar::tr("Fetching details");
    if (phase == u"evidence"_s)
        return SyncStatusBar::tr("Downloading evidence");
    if (phase == u"pushing decisions"_s)
        return SyncStatusBar::tr("Sending changes");
    if (phase == u"fetching questionnaires"_s)
        return SyncStatusBar::tr("Fetching questionnaires");
    return SyncStatusBar::tr("Syncing");
}
} // namespace

SyncStatusBar::SyncStatusBar(QWidget *parent)
    : QWidget(parent)
    , m_syncNow(new QAction(tr("&Sync Now"), this))
    , m_syncButton(new QToolButton)
    , m_message(new QLabel)
    , m_phase(new QLabel)
    , m_progress(new QProgressBar)
    , m_online(new QLabel)
    , m_lastSync(new QLabel)
    , m_pending(new QLabel)
    , m_failure(new QToolButton)
    , m_clock(new QTimer(this))
{
    // "%n change(s) waiting" needs the English plural forms.
    ensureTranslationsLoaded();
    setObjectName(u"SyncStatusBar"_s);
    setAccessibleName(tr("Sync status"));
    m_syncNow->setObjectName(u"syncNow"_s);
    m_syncNow->setShortcut(QKeySequence(Qt::Key_F5));
    m_syncNow->setStatusTip(tr("Send waiting changes and fetch what is new from the marketplace"));
    m_syncNow->setEnabled(false);
    connect(m_syncNow, &QAction::triggered, this, [this] {
        if (m_controller)
            m_controller->syncNow();
    });
    m_syncButton->setDefaultAction(m_syncNow);
    m_syncButton->setAutoRaise(true);
    m_syncButton->setAccessibleName(tr("Sync now"));

    for (QLabel *l : {m_message, m_phase, m_online, m_lastSync, m_pending})
        l->setTextFormat(Qt::PlainText);
    m_message->setObjectName(u"SyncStatus"_s);
    m_message->setAccessibleName(tr("Sync message"));
    m_phase->setAccessibleName(tr("Sync phase"));
    m_progress->setObjectName(u"syncProgress"_s);
    m_progress->setAccessibleName(tr("Sync progress"));
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(false);
    m_phase->hide();
    m_progress->hide();
    m_online->setAccessibleName(tr("Connection"));
    m_lastSync->setAccessibleName(tr("Last successful sync"));
    m_pending->setAccessibleName(tr("Changes waiting to be sent"));
    m_pending->hide();
    m_failure->setObjectName(u"syncFailure"_s);
    m_failure->setAutoRaise(true);
    m_failure->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_failure->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
    m_failure->setText(tr("Sync failed"));
    m_failure->setAccessibleName(tr("Sync failed: show the server's message"));
    m_failure->hide();
    connect(m_failure, &QToolButton::clicked, this, &SyncStatusBar::openFailure);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_message);
    layout->addWidget(m_phase);
    layout->addWidget(m_progress);
    layout->addWidget(m_failure);
    layout->addWidget(m_pending);
    layout->addWidget(m_online);
    layout->addWidget(m_lastSync);
    layout->addWidget(m_syncButton);

    m_clock->setInterval(std::chrono::minutes(1));
    connect(m_clock, &QTimer::timeout, this, [this] { showLastSync(m_lastSyncAt); });
    m_clock->start();
    attach(nullptr);
}

void SyncStatusBar::attach(SyncController *controller)
{
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    m_controller = controller;
    m_syncNow->setEnabled(controller != nullptr);
    showProgress({}, 0, 0);
    if (!controller) {
        m_online->setText(tr("Not signed in"));
        m_lastSync->clear();
        m_lastSync->hide();
        m_failure->hide();
        return;
    }
    connect(controller, &SyncController::progressChanged, this, &SyncStatusBar::showProgress);
    connect(controller, &SyncController::onlineChanged, this, &SyncStatusBar::showOnline);
    connect(controller, &SyncController::lastSyncChanged, this, &SyncStatusBar::showLastSync);
    connect(controller, &SyncController::failed, this, &SyncStatusBar::showFailure);
    connect(controller, &SyncController::pendingChanged, this, &SyncStatusBar::setPending);
    connect(controller, &SyncController::finished, this, &SyncStatusBar::syncEnded);
    connect(controller, &SyncController::statusChanged, this, &SyncStatusBar::setMessage);
    showOnline(controller->isOnline());
    showLastSync(controller->lastSuccess());
    if (!controller->lastError().isEmpty())
        showFailure(controller->lastError());
    else
        m_failure->hide();
}

SyncController *SyncStatusBar::controller() const
{
    return m_controller;
}

QMessageBox *SyncStatusBar::failureDialog() const
{
    return m_failureDialog;
}

void SyncStatusBar::setPending(int changes)
{
    m_pending->setText(tr("%Ln change(s) waiting", nullptr, changes));
    m_pending->setVisible(changes > 0);
}

void SyncStatusBar::setMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setToolTip(text);
}

QString SyncStatusBar::whenText(const QDateTime &at, const QDateTime &now)
{
    const QDateTime local = at.toLocalTime();
    const QLocale locale;
    if (local.date() == now.toLocalTime().date()) {
        // Minutes are enough to say how fresh the queue is.
        QString format = locale.timeFormat(QLocale::ShortFormat);
        format.remove(QRegularExpression(u"[:.]ss"_s));
        return locale.toString(local.time(), format);
    }
    return locale.toString(local, QLocale::ShortFormat);
}

void SyncStatusBar::showProgress(const QString &phase, int done, int total)
{
    const bool running = !phase.isEmpty();
    m_phase->setVisible(running);
    m_progress->setVisible(running);
    // While a phase shows, the sync's own words would repeat it.
    m_message->setVisible(!running);
    if (!running)
        return;
    m_phase->setText(phaseName(phase));
    if (total > 0) {
        m_progress->setRange(0, total);
        m_progress->setValue(std::clamp(done, 0, total));
        m_progress->setToolTip(tr("%1: %L2 of %L3").arg(phaseName(phase)).arg(done).arg(total));
    } else {
        // Not known yet (the feed's length) or not counted: busy.
        m_progress->setRange(0, 0);
        m_progress->setToolTip(done > 0 ? tr("%1: %Ln so far", nullptr, done).arg(phaseName(phase)) : phaseName(phase));
    }
    m_progress->setAccessibleDescription(m_progress->toolTip());
}

void SyncStatusBar::showOnline(bool online)
{
    m_online->setText(online ? tr("Online") : tr("Offline"));
    m_online->setToolTip(online ? tr("The marketplace answered the last sync.")
                                : tr("The marketplace cannot be reached; changes wait in the outbox and are sent when it can."));
}

void SyncStatusBar::showLastSync(const QDateTime &at)
{
    m_lastSyncAt = at;
    m_lastSync->setVisible(true);
    if (!at.isValid()) {
        m_lastSync->setText(tr("Never synced"));
        return;
    }
    m_lastSync->setText(tr("Last synced %1").arg(whenText(at, QDateTime::currentDateTime())));
    m_lastSync->setToolTip(QLocale().toString(at.toLocalTime(), QLocale::LongFormat));
}

void SyncStatusBar::showFailure(const QString &serverMessage)
{
    m_failureText = serverMessage;
    m_failure->setToolTip(tr("The last sync failed. Click to read what happened."));
    m_failure->show();
    if (m_failureDialog)
        m_failureDialog->setInformativeText(serverMessage);
}

void SyncStatusBar::syncEnded()
{
    showProgress({}, 0, 0);
    // What the cycle said while it ran; its outcome is in the labels now.
    setMessage({});
    const SyncController *controller = m_controller.data();
    if (controller && controller->lastError().isEmpty()) {
        m_failureText.clear();
        m_failure->hide();
    }
}

void SyncStatusBar::openFailure()
{
    QMessageBox *box = m_failureDialog.data();
    if (!box) {
        box = new QMessageBox(QMessageBox::Warning, tr("Sync Failed"), tr("The last sync did not finish."),
                              QMessageBox::Close, this);
        box->setObjectName(u"syncFailureDialog"_s);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_failureDialog = box;
    }
    box->setInformativeText(m_failureText);
    // Window-modal, not application-modal: open() returns at once.
    box->open();
}

} // namespace assay
