#include "ui/evidence/EvidenceViewer.h"

#include "ui/evidence/FindingsPanel.h"
#include "ui/evidence/HexEvidenceView.h"
#include "ui/evidence/HtmlEvidenceView.h"
#include "ui/evidence/ImageEvidenceView.h"
#include "ui/evidence/PdfEvidenceView.h"
#include "ui/evidence/TextEvidenceView.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace assay {

namespace {
Result<QString> sha256Of(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{file.errorString()};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return Error{file.errorString()};
    return QString::fromLatin1(hash.result().toHex());
}

bool isBidiControl(char32_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
}
} // namespace

EvidenceViewer::EvidenceViewer(QWidget *parent)
    : QWidget(parent)
    , m_name(new QLabel)
    , m_nameRow(new QHBoxLayout)
    , m_source(new QToolButton)
    , m_facts(new QLabel)
    , m_checksum(new QLabel)
    , m_banner(new QLabel)
    , m_split(new QSplitter(Qt::Horizontal))
    , m_stack(new QStackedWidget)
    , m_messagePage(new QWidget)
    , m_message(new QLabel)
    , m_showHex(new QPushButton(tr("Show the bytes (hex)")))
    , m_findings(new FindingsPanel)
{
    setObjectName(QStringLiteral("EvidenceViewer"));
    setAccessibleName(tr("Evidence viewer"));
    // Everything the partner wrote is shown as text, never as markup.
    for (QLabel *label : {m_name, m_facts, m_checksum, m_banner, m_message}) {
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    }
    m_name->setObjectName(QStringLiteral("evidenceFileName"));
    m_name->setAccessibleName(tr("File name"));
    QFont bold = m_name->font();
    bold.setBold(true);
    m_name->setFont(bold);
    m_facts->setObjectName(QStringLiteral("evidenceFacts"));
    m_facts->setAccessibleName(tr("Declared and detected type, size"));
    m_checksum->setObjectName(QStringLiteral("evidenceChecksum"));
    m_checksum->setAccessibleName(tr("Checksum"));
    m_banner->setObjectName(QStringLiteral("evidenceWarning"));
    m_banner->setAccessibleName(tr("Warning"));
    m_banner->setFont(bold);
    m_banner->setMargin(6);
    m_banner->setAutoFillBackground(true);
    m_banner->hide();
    m_source->setObjectName(QStringLiteral("evidenceSource"));
    m_source->setText(tr("&Source"));
    m_source->setCheckable(true);
    m_source->setAccessibleName(tr("Show the source instead of the page"));
    m_source->setToolTip(tr("Show the file's source as text: findings are in the source, and can be "
                            "jumped to and redacted there (Alt+S)"));
    m_source->hide();
    connect(m_source, &QToolButton::toggled, this, &EvidenceViewer::setSourceShown);

    m_message->setObjectName(QStringLiteral("evidenceMessage"));
    m_message->setAccessibleName(tr("Why the evidence is not shown"));
    m_message->setAlignment(Qt::AlignCenter);
    m_showHex->setObjectName(QStringLiteral("evidenceShowHex"));
    m_showHex->setToolTip(tr("Show the file's bytes in hex; nothing is decoded or run"));
    connect(m_showHex, &QPushButton::clicked, this, &EvidenceViewer::showHex);
    auto *messageLayout = new QVBoxLayout(m_messagePage);
    messageLayout->addStretch(1);
    messageLayout->addWidget(m_message);
    messageLayout->addWidget(m_showHex, 0, Qt::AlignHCenter);
    messageLayout->addStretch(1);
    m_stack->addWidget(m_messagePage);

    connect(m_findings, &FindingsPanel::findingActivated, this, &EvidenceViewer::goToFinding);
    connect(m_findings, &FindingsPanel::referenceRequested, this, &EvidenceViewer::referenceRequested);
    connect(m_findings, &FindingsPanel::redactToggled, this, [this](bool redacted) {
        if (redacted && m_type && (m_type->view == EvidenceType::View::Html || m_type->view == EvidenceType::View::Svg))
            setSourceShown(true);
        if (m_text)
            m_text->setRedacted(redacted);
    });

    m_split->setChildrenCollapsible(false);
    m_split->addWidget(m_stack);
    m_split->addWidget(m_findings);
    m_split->setStretchFactor(0, 4);
    m_split->setStretchFactor(1, 1);
    // The evidence gets the room; the findings a column beside it.
    m_split->setSizes({760, 240});

    m_nameRow->addWidget(m_name, 1);
    m_nameRow->addWidget(m_source, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_nameRow);
    layout->addWidget(m_facts);
    layout->addWidget(m_checksum);
    layout->addWidget(m_banner);
    layout->addWidget(m_split, 1);
    clear();
}

EvidenceViewer::~EvidenceViewer() = default;

void EvidenceViewer::addHeaderWidget(QWidget *widget)
{
    m_nameRow->addWidget(widget, 0, Qt::AlignTop);
}

QString EvidenceViewer::displayName(const QString &partnerName)
{
    QString shown;
    shown.reserve(partnerName.size());
    for (const char32_t c : partnerName.toUcs4()) {
        const QChar::Category category = QChar::category(c);
        if (category == QChar::Other_Control || category == QChar::Other_Format || isBidiControl(c)
            || category == QChar::Separator_Line || category == QChar::Separator_Paragraph)
            shown += QChar(QChar::ReplacementCharacter);
        else
            shown += QString::fromUcs4(&c, 1);
    }
    return shown.isEmpty() ? tr("(no name)") : shown;
}

QString EvidenceViewer::sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes);
}

void EvidenceViewer::clear()
{
    ++m_generation;
    if (m_hashing) {
        m_hashing->disconnect(this);
        m_hashing->deleteLater();
        m_hashing = nullptr;
    }
    // Views let go of their files; they stay made for the next item.
    if (m_text)
        m_text->clear();
    if (m_html)
        m_html->clear();
    if (m_pdf)
        m_pdf->clear();
    if (m_image)
        m_image->clear();
    if (m_hex)
        m_hex->clear();
    m_path.clear();
    m_item = {};
    m_type.reset();
    m_knownFindings.reset();
    m_shownEmitted = false;
    m_checksumDone = false;
    m_textOpen = false;
    m_textReady = false;
    m_pendingJump.reset();
    m_name->setText(tr("No evidence open"));
    m_facts->clear();
    m_checksum->clear();
    m_banner->clear();
    m_banner->hide();
    {
        const QSignalBlocker blocker(m_source);
        m_source->setChecked(false);
    }
    m_source->hide();
    m_findings->setRedacted(false);
    m_findings->setFindings(std::nullopt);
    m_findings->hide();
    m_message->setText(tr("Open an evidence item to see it here."));
    m_showHex->hide();
    m_stack->setCurrentWidget(m_messagePage);
}

void EvidenceViewer::setFacts(const EvidenceItem &item, const QString &detected)
{
    m_name->setText(displayName(item.filename));
    m_name->setToolTip(tr("The partner's name for the file; it is never used as a path"));
    m_facts->setText(tr("Declared: %1 · Detected: %2 · %3")
                         .arg(item.mediaType.isEmpty() ? tr("(nothing)") : item.mediaType, detected, sizeText(item.size)));
}

void EvidenceViewer::showUnavailable(const EvidenceItem &item)
{
    clear();
    m_item = item;
    setFacts(item, tr("not known until the file is here"));
    m_checksum->setText(tr("Declared sha256: %1").arg(item.sha256));
    switch (item.localState) {
    case EvidenceItem::LocalState::Absent:
        showMessage(tr("Not downloaded yet. The sync downloads evidence in the background and shows it here "
                       "once its sha256 is verified."), false);
        break;
    case EvidenceItem::LocalState::Mismatch:
        showMessage(tr("Quarantined: the downloaded bytes did not match the declared sha256. They are kept "
                       "aside and never opened."), false);
        break;
    case EvidenceItem::LocalState::Refused:
        showMessage(tr("Refused by the sync: the file was over the size limit or not what the marketplace "
                       "declared. It is not downloaded again until its content changes."), false);
        break;
    case EvidenceItem::LocalState::Present:
        showMessage(tr("The verified copy is missing from the evidence store; the next sync downloads it again."), false);
        break;
    }
    markShown();
}

void EvidenceViewer::open(const QString &path, const EvidenceItem &item, std::optional<QList<SecretFinding>> findings)
{
    clear();
    m_path = path;
    m_item = item;
    const Result<EvidenceType> detected = EvidenceType::detectFile(path, item.mediaType);
    if (!detected) {
        setFacts(item, tr("unknown"));
        showMessage(tr("The file cannot be read: %1").arg(detected.error().message), false);
        markShown();
        return;
    }
    m_type = *detected;
    setFacts(item, m_type->detectedComment.isEmpty() ? m_type->detected
                                                     : tr("%1 (%2)").arg(m_type->detected, m_type->detectedComment));
    if (!m_type->warning.isEmpty()) {
        m_banner->setText(m_type->warning);
        QPalette warn = m_banner->palette();
        // A warm tint over the theme's own base, so dark themes stay dark.
        const QColor base = palette().color(QPalette::Base);
        const QColor amber(255, 176, 0);
        warn.setColor(QPalette::Window, QColor::fromRgbF(base.redF() * 0.7f + amber.redF() * 0.3f,
                                                         base.greenF() * 0.7f + amber.greenF() * 0.3f,
                                                         base.blueF() * 0.7f + amber.blueF() * 0.3f));
        warn.setColor(QPalette::WindowText, palette().color(QPalette::Text));
        m_banner->setPalette(warn);
        m_banner->show();
    }
    startChecksum();
    m_knownFindings = std::move(findings);
    if (QFileInfo(path).size() == 0) {
        showMessage(tr("The file is empty (0 bytes): there is nothing to show."), false);
        markShown();
        return;
    }

    switch (m_type->view) {
    case EvidenceType::View::Html:
    case EvidenceType::View::Svg:
        if (!m_html) {
            // The first HTML item makes the view (and with it WebEngine).
            m_html = new HtmlEvidenceView;
            m_stack->addWidget(m_html);
            connect(m_html, &HtmlEvidenceView::shown, this, [this] { viewShown(m_html); });
            connect(m_html, &HtmlEvidenceView::failed, this, [this](const QString &why) { viewFailed(m_html, why); });
        }
        m_source->show();
        showView(m_html);
        m_html->open(path, m_type->detected);
        break;
    case EvidenceType::View::Pdf:
        if (!m_pdf) {
            m_pdf = new PdfEvidenceView;
            m_stack->addWidget(m_pdf);
            connect(m_pdf, &PdfEvidenceView::shown, this, [this] { viewShown(m_pdf); });
            connect(m_pdf, &PdfEvidenceView::failed, this, [this](const QString &why) { viewFailed(m_pdf, why); });
        }
        showView(m_pdf);
        m_pdf->open(path);
        break;
    case EvidenceType::View::Image:
        if (!m_image) {
            m_image = new ImageEvidenceView;
            m_stack->addWidget(m_image);
            connect(m_image, &ImageEvidenceView::shown, this, [this] { viewShown(m_image); });
            connect(m_image, &ImageEvidenceView::failed, this, [this](const QString &why) { viewFailed(m_image, why); });
        }
        showView(m_image);
        m_image->open(path);
        break;
    case EvidenceType::View::Text:
        showView(ensureText());
        m_textOpen = true;
        m_text->open(path, item.filename, m_type->detected);
        applyFindingsToText();
        break;
    case EvidenceType::View::Hex:
        showHex();
        break;
    }
    updateFindingsPanel();
}

TextEvidenceView *EvidenceViewer::ensureText()
{
    if (!m_text) {
        m_text = new TextEvidenceView;
        m_stack->addWidget(m_text);
        connect(m_text, &TextEvidenceView::shown, this, [this] {
            m_textReady = true;
            if (const std::optional<SecretFinding> jump = std::exchange(m_pendingJump, std::nullopt))
                goToFinding(*jump);
            viewShown(m_text);
        });
        connect(m_text, &TextEvidenceView::failed, this, [this](const QString &why) { viewFailed(m_text, why); });
    }
    return m_text;
}

void EvidenceViewer::showView(QWidget *view)
{
    m_stack->setCurrentWidget(view);
}

void EvidenceViewer::showMessage(const QString &message, bool offerHex)
{
    m_message->setText(message);
    m_showHex->setVisible(offerHex && !m_path.isEmpty());
    m_stack->setCurrentWidget(m_messagePage);
}

void EvidenceViewer::showHex()
{
    if (!m_hex) {
        m_hex = new HexEvidenceView;
        m_stack->addWidget(m_hex);
    }
    if (const Result<> opened = m_hex->open(m_path); !opened) {
        showMessage(opened.error().message, false);
    } else {
        showView(m_hex);
    }
    markShown();
}

void EvidenceViewer::viewShown(QWidget *view)
{
    if (m_stack->currentWidget() == view)
        markShown();
}

void EvidenceViewer::viewFailed(QWidget *view, const QString &message)
{
    // Only the view in front speaks; the source view of an HTML item failing
    // while the page shows says so when it is asked for.
    if (m_stack->currentWidget() != view)
        return;
    showMessage(message, true);
    markShown();
}

void EvidenceViewer::markShown()
{
    if (m_shownEmitted)
        return;
    m_shownEmitted = true;
    Q_EMIT shown();
}

QString EvidenceViewer::message() const
{
    return m_stack->currentWidget() == m_messagePage ? m_message->text() : QString();
}

QString EvidenceViewer::factsText() const
{
    return m_facts->text();
}

QString EvidenceViewer::checksumText() const
{
    return m_checksum->text();
}

QString EvidenceViewer::warningText() const
{
    return m_banner->isVisibleTo(this) ? m_banner->text() : QString();
}

QString EvidenceViewer::fileNameText() const
{
    return m_name->text();
}

QWidget *EvidenceViewer::currentView() const
{
    return m_stack->currentWidget() == m_messagePage ? nullptr : m_stack->currentWidget();
}

void EvidenceViewer::startChecksum()
{
    m_checksum->setText(tr("sha256: computing…"));
    const quint64 generation = m_generation;
    m_hashing = new QFutureWatcher<Result<QString>>(this);
    connect(m_hashing, &QFutureWatcher<Result<QString>>::finished, this, [this, generation] {
        if (generation == m_generation)
            checksumDone();
    });
    m_hashing->setFuture(QtConcurrent::run(&sha256Of, m_path));
}

void EvidenceViewer::checksumDone()
{
    const Result<QString> hash = m_hashing->result();
    m_hashing->deleteLater();
    m_hashing = nullptr;
    m_checksumDone = true;
    if (!hash) {
        m_checksum->setText(tr("sha256: the file cannot be read to check it: %1").arg(hash.error().message));
        Q_EMIT checksumChecked(false);
        return;
    }
    if (m_item.sha256.isEmpty()) {
        m_checksum->setText(tr("sha256 %1 (a local file: no declared checksum to compare)").arg(*hash));
        Q_EMIT checksumChecked(false);
        return;
    }
    const bool matches = hash->compare(m_item.sha256, Qt::CaseInsensitive) == 0;
    m_checksum->setText(matches ? tr("sha256 %1 — the local copy matches the declared checksum").arg(*hash)
                                : tr("sha256 %1 — does NOT match the declared %2: the local copy was changed")
                                      .arg(*hash, m_item.sha256));
    Q_EMIT checksumChecked(matches);
}

void EvidenceViewer::setFindings(std::optional<QList<SecretFinding>> findings)
{
    m_knownFindings = std::move(findings);
    applyFindingsToText();
    updateFindingsPanel();
}

void EvidenceViewer::setScanning()
{
    m_findings->setScanning();
    m_findings->show();
}

void EvidenceViewer::setScanFailed(const QString &why)
{
    m_findings->setNotScanned(tr("Not scanned for secrets: %1").arg(why));
    m_findings->show();
}

void EvidenceViewer::applyFindingsToText()
{
    if (m_text && m_textOpen) {
        m_text->setFindings(m_knownFindings.value_or(QList<SecretFinding>()));
        m_text->setRedacted(m_findings->isRedacted());
    }
}

void EvidenceViewer::updateFindingsPanel()
{
    if (!m_type) {
        m_findings->hide();
        return;
    }
    const EvidenceType::View view = m_type->view;
    const bool scannable = view != EvidenceType::View::Image && view != EvidenceType::View::Hex;
    if (!scannable && (!m_knownFindings || m_knownFindings->isEmpty())) {
        m_findings->hide();
        return;
    }
    m_findings->setFindings(m_knownFindings);
    if (view == EvidenceType::View::Pdf)
        m_findings->setRedactionAvailable(false, tr("PDF pages are drawn as they are; the findings list says where "
                                                    "each one is"));
    else
        m_findings->setRedactionAvailable(scannable);
    m_findings->show();
}

bool EvidenceViewer::isSourceShown() const
{
    return m_source->isVisibleTo(this) && m_source->isChecked();
}

void EvidenceViewer::setSourceShown(bool source)
{
    if (!m_type || (m_type->view != EvidenceType::View::Html && m_type->view != EvidenceType::View::Svg))
        return;
    {
        const QSignalBlocker blocker(m_source);
        m_source->setChecked(source);
    }
    if (!source) {
        showView(m_html);
        return;
    }
    showView(ensureText());
    if (!m_textOpen) {
        m_textOpen = true;
        m_textReady = false;
        // The source is text whatever the page is; its name picks the highlighting.
        m_text->open(m_path, m_item.filename, m_type->detected);
        applyFindingsToText();
    }
}

void EvidenceViewer::goToFinding(const SecretFinding &finding)
{
    if (!m_type)
        return;
    switch (m_type->view) {
    case EvidenceType::View::Pdf:
        if (m_pdf)
            m_pdf->goToPage(finding.page);
        return;
    case EvidenceType::View::Html:
    case EvidenceType::View::Svg:
        setSourceShown(true);
        [[fallthrough]];
    case EvidenceType::View::Text:
        if (!m_textReady) {
            // The text view draws its first screen moments after open().
            m_pendingJump = finding;
            return;
        }
        m_text->goTo(finding.line, finding.column, finding.length);
        m_text->setFocus(Qt::OtherFocusReason);
        return;
    case EvidenceType::View::Image:
    case EvidenceType::View::Hex:
        return;
    }
}

} // namespace assay
