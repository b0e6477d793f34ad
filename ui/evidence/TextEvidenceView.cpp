#include "ui/evidence/TextEvidenceView.h"

#include "ui/evidence/SyntaxRepository.h"
#include "ui/evidence/TextEvidenceArea.h"
#include "ui/evidence/TextFindBar.h"
#include "ui/evidence/TextGoToBar.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Theme>

#include <QAction>
#include <QFile>
#include <QKeySequence>
#include <QLabel>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace assay {

namespace {

// "Find (Ctrl+F)": the shortcut is said where the action is.
void describe(QAction *action, const QString &text, const QKeySequence &key)
{
    action->setText(text);
    action->setShortcut(key);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    action->setToolTip(QStringLiteral("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText)));
}

} // namespace

TextEvidenceView::TextEvidenceView(QWidget *parent)
    : QWidget(parent)
    , m_area(new TextEvidenceArea)
    , m_findBar(new TextFindBar(m_area))
    , m_goToBar(new TextGoToBar)
    , m_toolBar(new QToolBar)
    , m_status(new QLabel)
    , m_wrapAction(new QAction(this))
{
    setObjectName(QStringLiteral("TextEvidenceView"));
    setAccessibleName(tr("Text evidence"));
    m_toolBar->setAccessibleName(tr("Text tools"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_status->setAccessibleName(tr("Syntax"));
    m_status->setTextFormat(Qt::PlainText);

    auto *find = new QAction(this);
    describe(find, tr("Find"), QKeySequence(Qt::CTRL | Qt::Key_F));
    connect(find, &QAction::triggered, this, &TextEvidenceView::showFindBar);
    auto *next = new QAction(this);
    describe(next, tr("Find next"), QKeySequence(Qt::Key_F3));
    connect(next, &QAction::triggered, m_area, &TextEvidenceArea::findNext);
    auto *previous = new QAction(this);
    describe(previous, tr("Find previous"), QKeySequence(Qt::SHIFT | Qt::Key_F3));
    connect(previous, &QAction::triggered, m_area, &TextEvidenceArea::findPrevious);
    auto *goToAction = new QAction(this);
    describe(goToAction, tr("Go to line"), QKeySequence(Qt::CTRL | Qt::Key_G));
    connect(goToAction, &QAction::triggered, this, &TextEvidenceView::showGoToBar);
    describe(m_wrapAction, tr("Wrap lines"), QKeySequence(Qt::ALT | Qt::Key_Z));
    m_wrapAction->setCheckable(true);
    connect(m_wrapAction, &QAction::toggled, m_area, &TextEvidenceArea::setWrap);
    auto *copy = new QAction(this);
    describe(copy, tr("Copy"), QKeySequence(QKeySequence::Copy));
    connect(copy, &QAction::triggered, m_area, &TextEvidenceArea::copySelection);
    for (QAction *a : {find, previous, next, goToAction, m_wrapAction, copy}) {
        addAction(a);
        m_toolBar->addAction(a);
        m_toolBar->widgetForAction(a)->setAccessibleName(a->text());
    }
    m_toolBar->addSeparator();
    m_toolBar->addWidget(m_status);
    // The toolbar's own overflow button ("more") has no name of its own.
    const auto buttons = m_toolBar->findChildren<QToolButton *>();
    for (QToolButton *b : buttons) {
        if (b->accessibleName().isEmpty())
            b->setAccessibleName(tr("More text tools"));
    }

    m_findBar->hide();
    m_goToBar->hide();
    connect(m_goToBar, &TextGoToBar::goToLine, this, [this](int line) {
        goTo(line);
        m_area->setFocus();
    });
    connect(m_goToBar, &TextGoToBar::closed, m_area, qOverload<>(&QWidget::setFocus));
    connect(m_area, &TextEvidenceArea::shown, this, &TextEvidenceView::shown);
    connect(m_area, &TextEvidenceArea::indexed, this, &TextEvidenceView::indexed);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_area, 1);
    layout->addWidget(m_goToBar);
    layout->addWidget(m_findBar);
    setFocusProxy(m_area);
}

TextEvidenceView::~TextEvidenceView() = default;

void TextEvidenceView::open(const QString &path, const QString &fileName, const QString &mediaType)
{
    clear();
    QByteArray head;
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            const QString message = tr("Cannot open the file: %1").arg(file.errorString());
            QMetaObject::invokeMethod(this, [this, message] { Q_EMIT failed(message); }, Qt::QueuedConnection);
            return;
        }
        head = file.read(4096);
    }
    const KSyntaxHighlighting::Definition definition = SyntaxRepository::definitionFor(fileName, mediaType, head);
    const KSyntaxHighlighting::Theme theme = SyntaxRepository::themeFor(palette());
    m_definitionName = definition.isValid() ? definition.name() : QString();
    m_themeName = theme.name();
    m_status->setText(m_definitionName.isEmpty() ? tr("Plain text") : definition.translatedName());
    if (Result<> r = m_area->open(path, m_definitionName, theme.name()); !r) {
        const QString message = r.error().message;
        QMetaObject::invokeMethod(this, [this, message] { Q_EMIT failed(message); }, Qt::QueuedConnection);
    }
}

void TextEvidenceView::clear()
{
    m_area->clear();
    m_findBar->hide();
    m_goToBar->hide();
    m_definitionName.clear();
    m_status->clear();
}

void TextEvidenceView::setFindings(const QList<SecretFinding> &findings)
{
    m_area->setFindings(findings);
}

void TextEvidenceView::setRedacted(bool redacted)
{
    m_area->setRedacted(redacted);
}

void TextEvidenceView::goTo(int line, int column, int length)
{
    m_area->goTo(line - 1, column, length);
}

void TextEvidenceView::setWrap(bool wrap)
{
    m_wrapAction->setChecked(wrap);
}

QString TextEvidenceView::definitionName() const
{
    return m_definitionName;
}

QString TextEvidenceView::themeName() const
{
    return m_themeName;
}

bool TextEvidenceView::isRedacted() const
{
    return m_area->isRedacted();
}

bool TextEvidenceView::wraps() const
{
    return m_area->wraps();
}

QStringList TextEvidenceView::visibleText() const
{
    return m_area->visibleText();
}

int TextEvidenceView::topLine() const
{
    return m_area->topLine();
}

int TextEvidenceView::lineCount() const
{
    return m_area->lineCount();
}

bool TextEvidenceView::isIndexed() const
{
    return m_area->isIndexed();
}

QWidget *TextEvidenceView::textArea() const
{
    return m_area;
}

TextEvidenceArea *TextEvidenceView::area() const
{
    return m_area;
}

TextFindBar *TextEvidenceView::findBar() const
{
    return m_findBar;
}

void TextEvidenceView::showFindBar()
{
    m_goToBar->hide();
    m_findBar->activate();
}

void TextEvidenceView::showGoToBar()
{
    m_findBar->hide();
    m_goToBar->activate(m_area->lineCount());
}

} // namespace assay
