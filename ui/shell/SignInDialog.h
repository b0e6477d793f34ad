#pragma once

#include "models/UserDirectory.h"

#include <QDialog>
#include <QPointer>
#include <QUrl>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace assay {

class CredentialStore;
class MarketplaceClient;

// Signs in to a marketplace: its URL (https, or plain http only to this
// machine) and a personal token, typed hidden. "Sign in" asks the server who
// the token belongs to (GET /me) without blocking the window, and only a
// token the server accepted is written to the credential store (the system
// keychain in production). A wrong token, an unreachable server or a missing
// keychain is said in the dialog; where no keychain runs, the checked token
// can still be used for this session, and ASSAY_TOKEN is the lasting way out.
class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SignInDialog(CredentialStore &store, QWidget *parent = nullptr);
    ~SignInDialog() override;

    // Whether Assay may talk to `server`; when not, `why` (if given) says why.
    static bool isAllowedServer(const QUrl &server, QString *why = nullptr);

    void setServer(const QUrl &server);
    // Said above the fields before anything is typed (e.g. that no keychain
    // runs here).
    void setNotice(const QString &text);

    // After acceptance: the server signed in to, its user, and the token
    // (held by the caller for this session's sync; never logged).
    QUrl server() const;
    UserDirectory::User user() const { return m_user; }
    QString token() const { return m_token; }
    // The token is in the credential store (false: this session only).
    bool stored() const { return m_stored; }
    // A check with the server is under way.
    bool isChecking() const;

    QLineEdit *serverField() const { return m_serverField; }
    QLineEdit *tokenField() const { return m_tokenField; }
    QPushButton *signInButton() const { return m_signIn; }
    QLabel *messageLabel() const { return m_message; }

public Q_SLOTS:
    void reject() override;

Q_SIGNALS:
    // Whatever the dialog now says (a failure, the progress of a check).
    void messageChanged(const QString &text);

private:
    void signIn();
    void checked(const QString &token, const UserDirectory::User &user);
    void storeFailed(const QString &error);
    void abortCheck();
    void setBusy(bool busy);
    void say(const QString &text, bool problem);
    void updateButtons();

    CredentialStore &m_store;
    QLineEdit *m_serverField;
    QLineEdit *m_tokenField;
    QLabel *m_notice;
    QLabel *m_message;
    QLabel *m_icon;
    QDialogButtonBox *m_buttons;
    QPushButton *m_signIn;
    QPointer<MarketplaceClient> m_client;
    // Answers of a check (or a store write) started before the last Cancel
    // are dropped: each attempt has its number.
    quint64 m_attempt = 0;
    bool m_writing = false;
    bool m_sessionOnly = false;
    QUrl m_server;
    QString m_token;
    UserDirectory::User m_user;
    bool m_stored = false;
};

} // namespace assay
