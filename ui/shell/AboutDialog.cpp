#include "ui/shell/AboutDialog.h"

#include "ui/shell/AppIcon.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace assay {

QList<AboutDialog::Library> AboutDialog::libraries()
{
    // Each licence as the library's Debian copyright file
    // (/usr/share/doc/<package>/copyright) states it for the library's own
    // files; where a library carries others' code, the main ones are named.
    return {
        {tr("Qt %1").arg(QString::fromLatin1(qVersion())),
         tr("The application framework: windows, SQL, network, SVG"),
         tr("LGPL-3.0 or GPL-2.0 (also offered under GPL-3.0)")},
        {tr("Qt WebEngine"),
         tr("Showing HTML evidence, without network access or scripts"),
         tr("LGPL-3.0 or GPL-2.0; the Chromium inside: BSD-3-Clause and others")},
        {tr("Qt PDF"),
         tr("Showing PDF evidence and scanning its text"),
         tr("LGPL-3.0 or GPL-2.0; the PDFium inside: BSD-3-Clause and others")},
        {tr("Qt Charts"), tr("The lead's board's charts"), tr("GPL-3.0-or-later")},
        {tr("KDE Frameworks Syntax Highlighting"),
         tr("Highlighting source code evidence"),
         tr("MIT; its syntax definitions: MIT, LGPL and others")},
        {tr("QtKeychain"), tr("Keeping access tokens in the system keychain"), tr("BSD-2-Clause")},
        {tr("SQLite"), tr("The local cache"), tr("Public domain")},
        {tr("Qt HTTP Server"),
         tr("Only in assay-marketplace, the reference server, a separate program"),
         tr("GPL-3.0")},
    };
}

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
    , m_version(new QLabel)
    , m_licence(new QLabel)
    , m_libraries(new QTreeWidget)
{
    setWindowTitle(tr("About Assay"));
    setObjectName(QStringLiteral("AboutDialog"));

    auto *icon = new QLabel;
    icon->setPixmap(applicationIcon().pixmap(64, 64));
    icon->setAccessibleName(tr("Assay's icon"));

    m_version->setText(QStringLiteral("<h2>%1</h2>").arg(tr("Assay %1").arg(QStringLiteral(ASSAY_VERSION)).toHtmlEscaped()));
    m_version->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_version->setAccessibleName(tr("Version"));
    auto *purpose = new QLabel(tr("The workstation of the reviewers of an app marketplace's Security Program."));
    purpose->setWordWrap(true);

    m_licence->setText(tr("Assay is free software: you can redistribute it and/or modify it under the terms of "
                          "the GNU General Public License, version 3 or (at your option) any later version "
                          "(GPL-3.0-or-later). It comes with ABSOLUTELY NO WARRANTY."));
    m_licence->setWordWrap(true);
    m_licence->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_licence->setAccessibleName(tr("Licence"));

    auto *librariesTitle = new QLabel(tr("Assay uses these libraries:"));
    m_libraries->setColumnCount(3);
    // The licence before the use: it is what the list is for.
    m_libraries->setHeaderLabels({tr("Library"), tr("Licence"), tr("Used for")});
    m_libraries->setRootIsDecorated(false);
    m_libraries->setSelectionMode(QAbstractItemView::NoSelection);
    m_libraries->setAccessibleName(tr("Libraries and their licences"));
    librariesTitle->setBuddy(m_libraries);
    for (const Library &library : libraries()) {
        auto *item = new QTreeWidgetItem({library.name, library.licence, library.use});
        // A narrow window cuts the last column off: the whole row on hover.
        for (int column = 0; column < 3; ++column)
            item->setToolTip(column, item->text(column));
        m_libraries->addTopLevelItem(item);
    }
    for (int column = 0; column < m_libraries->columnCount(); ++column)
        m_libraries->resizeColumnToContents(column);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QPushButton *close = buttons->button(QDialogButtonBox::Close);
    close->setAccessibleName(tr("Close"));
    auto *aboutQt = buttons->addButton(tr("About &Qt"), QDialogButtonBox::HelpRole);
    aboutQt->setAccessibleName(tr("About Qt"));
    connect(aboutQt, &QPushButton::clicked, this, [this] { QMessageBox::aboutQt(this, tr("About Qt")); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *heading = new QHBoxLayout;
    heading->addWidget(icon, 0, Qt::AlignTop);
    auto *texts = new QVBoxLayout;
    texts->addWidget(m_version);
    texts->addWidget(purpose);
    heading->addLayout(texts, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(heading);
    layout->addWidget(m_licence);
    layout->addWidget(librariesTitle);
    layout->addWidget(m_libraries, 1);
    layout->addWidget(buttons);
    resize(1000, 500);
}

} // namespace assay
