#pragma once

// What the review screen's tests share: a profile and a cache in a temporary
// folder holding the six test submissions and the built-in questionnaire, as
// a sync stores them; a MainWindow over them; and a reviewer's ways in — a
// click on a queue row, a key to whatever has the focus.
//
// A test class derives from QObject and from this, calls open() in init()
// and close() in cleanup(). The helpers use QVERIFY: a failure ends the
// helper and fails the test function that called it.

#include "common/ResultCheck.h"
#include "common/TestData.h"
#include "domain/Questionnaire.h"
#include "models/Cache.h"
#include "models/Profile.h"
#include "models/QueueModel.h"
#include "models/SubmissionStore.h"
#include "ui/MainWindow.h"
#include "ui/review/ReviewView.h"

#include <QApplication>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace assay::test {

// The queue row of a submission, by its id.
inline QModelIndex rowOf(QAbstractItemModel *model, const QString &id)
{
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, 0).data(QueueModel::IdRole).toString() == id)
            return model->index(r, 0);
    return {};
}

class ReviewWindowFixture
{
protected:
    QTemporaryDir m_dir;
    std::unique_ptr<Profile> m_profile;
    std::unique_ptr<Cache> m_cache;
    std::unique_ptr<MainWindow> m_window;
    int m_run = 0;

    ReviewView *review() { return m_window->reviewView(); }

    // A fresh profile for each test function, with `more` stored too.
    void open(const QList<Submission> &more = {})
    {
        m_profile = std::make_unique<Profile>(m_dir.filePath(QStringLiteral("p%1").arg(++m_run)));
        QCOMPARE(m_profile->ensureExists().errorString(), QString());
        m_cache = std::make_unique<Cache>();
        QVERIFY(ok(m_cache->open(m_profile->cachePath())));
        for (int i = 0; i < 6; ++i)
            QVERIFY(ok(m_cache->submissions().store(submission(i))));
        for (const Submission &s : more)
            QVERIFY(ok(m_cache->submissions().store(s)));
        const std::optional<Questionnaire> questionnaire = Questionnaire::builtin(QStringLiteral("2026.1"));
        QVERIFY(questionnaire);
        QVERIFY(ok(m_cache->submissions().storeQuestionnaire(*questionnaire)));
        m_window = std::make_unique<MainWindow>(m_cache.get(), *m_profile);
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void close()
    {
        m_window.reset();
        m_cache.reset();
    }

    // Opens a submission the way a reviewer does: a click on its queue row.
    void clickRow(const QString &id)
    {
        QTableView *view = m_window->queueView();
        const QModelIndex row = rowOf(view->model(), id);
        QVERIFY2(row.isValid(), qPrintable(id));
        view->scrollTo(row);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(row).center());
        QTRY_VERIFY(m_window->isReviewing());
        QCOMPARE(review()->submissionId(), id);
    }

    void key(int k, Qt::KeyboardModifiers mods = {})
    {
        QWidget *focus = QApplication::focusWidget();
        QVERIFY(focus);
        QTest::keyClick(focus, Qt::Key(k), mods);
    }
};

} // namespace assay::test
