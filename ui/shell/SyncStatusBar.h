#pragma once

#include <QDateTime>
#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QMessageBox;
class QProgressBar;
class QTimer;
class QToolButton;

namespace assay {

class SyncController;

// The sync as the status bar shows it: a "Sync now" button, the running
// phase (feed, details, evidence) with a progress bar, online or offline,
// when the last good sync ended, how many changes wait in the outbox, and
// the last failure as a button that shows what the server said.
class SyncStatusBar : public QWidget
{
    Q_OBJECT

public:
    explicit SyncStatusBar(QWidget *parent = nullptr);

    // Follows `controller` (nullptr: none, e.g. after signing out).
    void attach(SyncController *controller);
    SyncController *controller() const;
    // Changes waiting in the outbox (the window counts them after its own writes).
    void setPending(int changes);
    // A line of the sync's own words ("starting the demo marketplace…").
    void setMessage(const QString &text);

    // "Sync now" (the window puts it in its menu with F5).
    QAction *syncNowAction() const { return m_syncNow; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *phaseLabel() const { return m_phase; }
    QLabel *onlineLabel() const { return m_online; }
    QLabel *lastSyncLabel() const { return m_lastSync; }
    QLabel *pendingLabel() const { return m_pending; }
    QLabel *messageLabel() const { return m_message; }
    QToolButton *failureButton() const { return m_failure; }
    // The failure's message box once shown (for a click), else nullptr.
    QMessageBox *failureDialog() const;
    QString failureMessage() const { return m_failureText; }

    // "10:42" today, a date and time before.
    static QString whenText(const QDateTime &at, const QDateTime &now);

private:
    void showProgress(const QString &phase, int done, int total);
    void showOnline(bool online);
    void showLastSync(const QDateTime &at);
    void showFailure(const QString &serverMessage);
    void syncEnded();
    void openFailure();

    QPointer<SyncController> m_controller;
    QAction *m_syncNow;
    QToolButton *m_syncButton;
    QLabel *m_message;
    QLabel *m_phase;
    QProgressBar *m_progress;
    QLabel *m_online;
    QLabel *m_lastSync;
    QLabel *m_pending;
    QToolButton *m_failure;
    QPointer<QMessageBox> m_failureDialog;
    QString m_failureText;
    QDateTime m_lastSyncAt;
    // "Last synced" is redrawn when the day changes under it.
    QTimer *m_clock;
};

} // namespace assay
