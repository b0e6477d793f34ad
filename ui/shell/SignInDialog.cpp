#include "ui/shell/SignInDialog.h"

#include "sync/CredentialStore.h"
#include "sync/KeychainCredentialStore.h"
#include "sync/MarketplaceClient.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace assay {

namespace {
// Long enough for a slow server, short enough that a black hole is said.
constexpr int CheckTimeoutMs = 20000;

bool isLoopbackHost(const QString &host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}
} // namespace

SignInDialog::SignInDialog(CredentialStore &store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_serverField(new QLineEdit)
    , m_tokenField(new QLineEdit)
    , m_notice(new QLabel)
    , m_message(new QLabel)
    , m_icon(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel))
    , m_signIn(m_buttons->addButton(tr("&Sign In"), QDialogButtonBox::ActionRole))
{
    setWindowTitle(tr("Sign In to a Marketplace"));
    setObjectName(u"SignInDialog"_s);

    auto *intro = new QLabel(tr("Assay reads submissions from your marketplace with a personal access token. "
                                "It is checked with the marketplace before it is kept in the system keychain."));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);

    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setObjectName(u"notice"_s);
    m_notice->setAccessibleName(tr("Notice"));
    m_notice->hide();

    m_serverField->setObjectName(u"server"_s);
    m_serverField->setPlaceholderText(tr("https://marketplace.example.com"));
    m_serverField->setAccessibleName(tr("Marketplace URL"));
    m_serverField->setAccessibleDescription(tr("https://, or http:// only to this machine"));
    m_serverField->setInputMethodHints(Qt::ImhUrlCharactersOnly | Qt::ImhNoAutoUppercase);

    m_tokenField->setObjectName(u"token"_s);
    // Hidden while typed, kept out of input-method prediction and history.
    m_tokenField->setEchoMode(QLineEdit::Password);
    m_tokenField->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_tokenField->setAccessibleName(tr("Access token"));
    m_tokenField->setPlaceholderText(tr("Paste your personal access token"));

    m_message->setObjectName(u"message"_s);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setAccessibleName(tr("Sign-in status"));
    m_message->setMinimumHeight(m_message->fontMetrics().lineSpacing() * 3);
    m_message->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_icon->setAccessibleName(tr("Problem"));
    m_icon->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Marketplace:"), m_serverField);
    form->addRow(tr("&Token:"), m_tokenField);

    m_signIn->setObjectName(u"signIn"_s);
    m_signIn->setDefault(true);
    m_signIn->setAccessibleName(tr("Sign in"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_notice);
    layout->addLayout(form);
    auto *messageRow = new QHBoxLayout;
    messageRow->addWidget(m_icon, 0, Qt::AlignTop);
    messageRow->addWidget(m_message, 1);
    layout->addLayout(messageRow);
    layout->addWidget(m_buttons);

    connect(m_signIn, &QPushButton::clicked, this, &SignInDialog::signIn);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SignInDialog::reject);
    connect(m_serverField, &QLineEdit::textChanged, this, [this] {
        m_sessionOnly = false;
        updateButtons();
    });
    connect(m_tokenField, &QLineEdit::textChanged, this, [this] {
        m_sessionOnly = false;
        updateButtons();
    });
    updateButtons();
    setMinimumWidth(520);
}

SignInDialog::~SignInDialog()
{
    abortCheck();
}

bool SignInDialog::isAllowedServer(const QUrl &server, QString *why)
{
    auto refuse = [why](const QString &reason) {
        if (why)
            *why = reason;
        return false;
    };
    if (!server.isValid() || server.host().isEmpty())
        return refuse(tr("Enter the marketplace's address, e.g. https://marketplace.example.com."));
    const QString scheme = server.scheme().toLower();
    if (scheme == u"http"_s && !isLoopbackHost(server.host()))
        return refuse(tr("Plain http:// is allowed only to this machine; %1 needs https:// so that the token "
                         "and the partners' data travel encrypted.")
                          .arg(server.host()));
    if (scheme != u"https"_s && scheme != u"http"_s)
        return refuse(tr("“%1” is not a web address: use https://.").arg(server.scheme()));
    // The client's own rule has the last word (it refuses what it would not send).
    if (const QString refusal = MarketplaceClient::checkServerUrl(server); !refusal.isEmpty())
        return refuse(refusal);
    if (why)
        why->clear();
    return true;
}

void SignInDialog::setServer(const QUrl &server)
{
    m_serverField->setText(server.toString());
}

void SignInDialog::setNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

bool SignInDialog::isChecking() const
{
    return m_client != nullptr;
}

QUrl SignInDialog::server() const
{
    return m_server;
}

void SignInDialog::reject()
{
    // Cancel during a check stops the check; the dialog stays for another try.
    if (isChecking() || m_writing) {
        abortCheck();
        setBusy(false);
        say(tr("Sign-in cancelled."), false);
        return;
    }
    QDialog::reject();
}

void SignInDialog::signIn()
{
    if (m_sessionOnly) {
        // The token was checked; the store could not keep it.
        m_stored = false;
        accept();
        return;
    }
    QUrl url = QUrl::fromUserInput(m_serverField->text().trimmed());
    // What the user typed, not what fromUserInput guessed: "example.com"
    // must not quietly become http://.
    if (!m_serverField->text().contains(u"://"_s))
        url = QUrl(u"https://"_s + m_serverField->text().trimmed());
    QString why;
    if (!isAllowedServer(url, &why)) {
        say(why, true);
        m_serverField->setFocus(Qt::OtherFocusReason);
        return;
    }
    const QString token = m_tokenField->text().trimmed();
    if (token.isEmpty()) {
        say(tr("Enter the access token."), true);
        m_tokenField->setFocus(Qt::OtherFocusReason);
        return;
    }
    abortCheck();
    const quint64 attempt = ++m_attempt;
    m_client = new MarketplaceClient(url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment), token, this);
    m_client->setTransferTimeout(CheckTimeoutMs);
    setBusy(true);
    say(tr("Checking the token with %1…").arg(url.host()), false);
    m_client->me([this, attempt, url, token](MarketplaceClient::Result<MarketplaceClient::Account> result) {
        if (attempt != m_attempt)
            return;
        if (m_client)
            m_client->deleteLater();
        m_client = nullptr;
        if (!result.ok()) {
            setBusy(false);
            const ApiError &e = result.error;
            switch (e.kind) {
            case ApiError::Kind::Unauthorized:
                say(tr("The marketplace did not accept this token. Check it (or make a new one) and try again. "
                       "Nothing was stored."),
                    true);
                m_tokenField->setFocus(Qt::OtherFocusReason);
                m_tokenField->selectAll();
                break;
            case ApiError::Kind::Offline:
                say(tr("Could not reach %1: %2").arg(url.host(), e.message), true);
                break;
            case ApiError::Kind::Tls:
                say(tr("The connection to %1 is not secure, so the token was not sent again: %2").arg(url.host(), e.message), true);
                break;
            default:
                say(tr("The marketplace could not check the token: %1").arg(e.describe()), true);
                break;
            }
            return;
        }
        m_server = url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment);
        checked(token, UserDirectory::User{result.value->id, result.value->name, result.value->roles});
    });
}

void SignInDialog::checked(const QString &token, const UserDirectory::User &user)
{
    m_user = user;
    m_token = token;
    m_writing = true;
    say(tr("Signed in as %1. Keeping the token in %2…").arg(user.name, m_store.name()), false);
    const quint64 attempt = m_attempt;
    QPointer<SignInDialog> self(this);
    m_store.write(KeychainCredentialStore::keyFor(m_server), token, [self, attempt](const QString &error) {
        // A keychain may answer after the dialog is gone or the write was cancelled.
        SignInDialog *dialog = self.data();
        if (!dialog || attempt != dialog->m_attempt)
            return;
        dialog->m_writing = false;
        if (!error.isEmpty()) {
            dialog->storeFailed(error);
            return;
        }
        dialog->m_stored = true;
        dialog->setBusy(false);
        dialog->accept();
    });
}

void SignInDialog::storeFailed(const QString &error)
{
    setBusy(false);
    m_sessionOnly = true;
    m_stored = false;
    say(tr("Signed in as %1, but the token could not be kept in %2: %3.\n"
           "Assay can use it for this session only. To sign in without a keychain next time, start Assay with the "
           "token in the ASSAY_TOKEN environment variable (ASSAY_TOKEN=… assay).")
            .arg(m_user.name, m_store.name(), error),
        true);
    m_signIn->setText(tr("&Use for This Session"));
    m_signIn->setAccessibleName(tr("Use the token for this session only"));
}

void SignInDialog::abortCheck()
{
    ++m_attempt;
    m_writing = false;
    if (m_client) {
        m_client->abortAll();
        m_client->deleteLater();
        m_client = nullptr;
    }
}

void SignInDialog::setBusy(bool busy)
{
    m_serverField->setReadOnly(busy);
    m_tokenField->setReadOnly(busy);
    m_signIn->setEnabled(!busy);
    if (busy)
        setCursor(Qt::BusyCursor);
    else
        unsetCursor();
    if (!busy)
        updateButtons();
}

void SignInDialog::say(const QString &text, bool problem)
{
    m_message->setText(text);
    // Read by a screen reader as it changes.
    m_message->setAccessibleDescription(text);
    // A problem is marked by the style's warning icon, not by a colour of
    // our own: the palette (dark or light) stays the system's.
    const int side = m_message->fontMetrics().height();
    m_icon->setPixmap(problem ? style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(side, side) : QPixmap());
    m_icon->setVisible(problem);
    Q_EMIT messageChanged(text);
}

void SignInDialog::updateButtons()
{
    if (!m_sessionOnly) {
        m_signIn->setText(tr("&Sign In"));
        m_signIn->setAccessibleName(tr("Sign in"));
    }
    m_signIn->setEnabled(!isChecking() && !m_writing && !m_serverField->text().trimmed().isEmpty()
                         && !m_tokenField->text().trimmed().isEmpty());
}

} // namespace assay
