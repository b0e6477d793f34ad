#pragma once

#include <QDialog>
#include <QList>

class QLabel;
class QTreeWidget;

namespace assay {

// Help → About Assay: the version (project(VERSION), as --version prints
// it), Assay's licence (GPL-3.0-or-later) and the libraries it uses with
// their licences, as their Debian copyright files give them.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    // One library Assay uses: its name, what Assay uses it for, its licence.
    struct Library
    {
        QString name;
        QString use;
        QString licence;
    };

    explicit AboutDialog(QWidget *parent = nullptr);

    // The libraries, in the order the dialog lists them.
    static QList<Library> libraries();

    QLabel *versionLabel() const { return m_version; }
    QLabel *licenceLabel() const { return m_licence; }
    QTreeWidget *libraryList() const { return m_libraries; }

private:
    QLabel *m_version = nullptr;
    QLabel *m_licence = nullptr;
    QTreeWidget *m_libraries = nullptr;
};

} // namespace assay
