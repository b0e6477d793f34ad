#include "common/ResultCheck.h"
#include "common/TestData.h"
#include "domain/JsonReader.h"
#include "domain/Questionnaire.h"
#include "models/Cache.h"
#include "models/Outbox.h"
#include "models/ReviewDraft.h"
#include "models/ReviewWork.h"
#include "models/SubmissionStore.h"
#include "models/UserDirectory.h"
#include "ui/review/VerdictDialog.h"

#include <QAccessible>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace assay;
using test::ok;
using D = Verdict::Decision;

// The verdict dialog driven like a reviewer drives it (clicks and keys) over
// a real cache: what it refuses and why, the reasons it offers, what the
// partner will read, the draft kept as typed, and the outbox entry it records.
class TestVerdictDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;
    Questionnaire m_q;
    const QString m_sid = QStringLiteral("s_00002"); // test::submission(2): u_alice's, stage review

    // The rubric with known reason_codes (whatever the shipped data says):
    // csrf.c1 -> no_token; csrf.c2 -> no_token, samesite_only.
    static Questionnaire rubric()
    {
        Questionnaire q = *Questionnaire::builtin(QStringLiteral("2026.1"));
        for (auto &c : q.categories) {
            for (auto &item : c.checklist) {
                item.reasonCodes.clear();
                if (item.key == u"csrf.c1")
                    item.reasonCodes = {QStringLiteral("csrf.no_token")};
                if (item.key == u"csrf.c2")
                    item.reasonCodes = {QStringLiteral("csrf.no_token"), QStringLiteral("csrf.samesite_only")};
            }
        }
        return q;
    }
    QString rubricText(const QString &category, const QString &code) const
    {
        for (const auto &r : m_q.category(category)->rejectionReasons) {
            if (r.code == code)
                return r.text;
        }
        return {};
    }

    bool open(Cache &cache, const Submission &s)
    {
        return ok(cache.open(m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(++m_n))))
            && ok(cache.submissions().storeQuestionnaire(m_q)) && ok(cache.submissions().store(s));
    }
    bool tickRequired(Cache &cache, const QStringList &except = {})
    {
        for (const QString &k : m_q.requiredChecklistKeys()) {
            if (!except.contains(k) && !ok(cache.work().setChecklistTick(m_sid, k, true)))
                return false;
        }
        return true;
    }
    static ApprovalGate::Signer alice() { return {QStringLiteral("u_alice"), QStringLiteral("Alice Reviewer"), {QStringLiteral("reviewer")}}; }

    template<typename W>
    static W *child(QWidget &d, const QString &name)
    {
        W *w = d.findChild<W *>(name);
        if (!w)
            qWarning("no widget %s", qPrintable(name));
        return w;
    }
    // Near the left edge: a check box or radio button takes clicks on its
    // indicator and label only, not on the stretch the layout gives it.
    static void click(QWidget *w)
    {
        QTest::mouseClick(w, Qt::LeftButton, {}, QPoint(std::min(8, w->width() / 2), w->height() / 2));
    }
    static void clickCell(QTableWidget *t, int row, int column)
    {
        QTest::mouseClick(t->viewport(), Qt::LeftButton, {}, t->visualItemRect(t->item(row, column)).center());
    }
    // Types into a note cell as a user does: select it, F2, type, Enter.
    static void typeNote(QTableWidget *t, int row, const QString &text)
    {
        clickCell(t, row, 2);
        QTest::keyClick(t, Qt::Key_F2);
        auto *editor = t->viewport()->findChild<QLineEdit *>();
        QVERIFY(editor);
        QVERIFY(editor->isVisible());
        editor->selectAll();
        QTest::keyClicks(editor, text);
        QTest::keyClick(editor, Qt::Key_Return);
    }
    static bool shown(QDialog &d)
    {
        d.show();
        return QTest::qWaitForWindowExposed(&d);
    }
    static QList<OutboxEntry> outbox(Cache &cache) { return ok(cache.outbox().entries()); }
    static Verdict payload(const OutboxEntry &e)
    {
        JsonReader reader(e.payload);
        return Verdict::fromJson(reader);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY(Questionnaire::builtin(QStringLiteral("2026.1")));
        m_q = rubric();
        QCOMPARE(m_q.validate(), QString());
    }

    void approveWaitsForTheLastRequiredItem()
    {
        Cache cache;
        QVERIFY(open(cache, test::submission(2)));
        QVERIFY(tickRequired(cache, {QStringLiteral("csrf.c1")}));
        VerdictDialog d(cache, m_sid, D::Approve, alice());
        QCOMPARE(d.loadError(), QString());
        QVERIFY(shown(d));
        auto *approve = child<QRadioButton>(d, QStringLiteral("decisionapprove"));
        auto *record = child<QPushButton>(d, QStringLiteral("record"));
        QVERIFY(approve && record);
        QVERIFY(!approve->isEnabled());
        QVERIFY(!record->isEnabled());
        // The reason is on screen, not only in a tooltip.
        QVERIFY2(child<QLabel>(d, QStringLiteral("decisionRefusals"))->text().contains(QStringLiteral("csrf.c1")),
                 qPrintable(child<QLabel>(d, QStringLiteral("decisionRefusals"))->text()));
        QVERIFY(child<QLabel>(d, QStringLiteral("recordBlocker"))->text().contains(QStringLiteral("csrf.c1")));
        QVERIFY(approve->toolTip().contains(QStringLiteral("csrf.c1")));

        // The review screen ticks the last item and tells the open dialog.
        QVERIFY(ok(cache.work().setChecklistTick(m_sid, QStringLiteral("csrf.c1"), true)));
        d.reload();
        QVERIFY(approve->isEnabled());
        QVERIFY(approve->isChecked());
        // Its evidence is not downloaded: the warnings come first.
        auto *warnings = child<QListWidget>(d, QStringLiteral("approveWarnings"));
        QVERIFY(warnings->isVisible());
        QVERIFY(warnings->count() > 0);
        QVERIFY(!record->isEnabled());
        QVERIFY(outbox(cache).isEmpty());
        auto *seen = child<QCheckBox>(d, QStringLiteral("warningsSeen"));
        click(seen);
        QVERIFY2(record->isEnabled(), qPrintable(d.recordBlocker()));
        // A new warning (the viewer's unreviewed secrets findings) needs a new confirmation.
        const int before = warnings->count();
        d.setUnreviewedSecretsFindings({{QStringLiteral("e_2_1"), 2}});
        QCOMPARE(warnings->count(), before + 1);
        QVERIFY(!seen->isChecked());
        QVERIFY(!record->isEnabled());
        click(seen);
        QVERIFY(record->isEnabled());
        // Approving tells the partner nothing but the badge, later.
        QVERIFY(d.partnerPreview().contains(QStringLiteral("Security Badge")));

        QSignalSpy recorded(&d, &VerdictDialog::recorded);
        click(record);
        QCOMPARE(recorded.count(), 1);
        QCOMPARE(d.result(), int(QDialog::Accepted));
        const QList<OutboxEntry> entries = outbox(cache);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().id, recorded.first().first().toLongLong());
        const Verdict v = payload(entries.first());
        QCOMPARE(v.decision, D::Approve);
        QCOMPARE(v.baseVersion, 1);
        QVERIFY(v.reasons.isEmpty());
        QCOMPARE(v.checklist.value(QStringLiteral("csrf.c1")), true);
    }

    void rejectionWithTwoReasons()
    {
        Cache cache;
        QVERIFY(open(cache, test::submission(2)));
        QVERIFY(tickRequired(cache, {QStringLiteral("csrf.c1"), QStringLiteral("csrf.c2")}));
        const QString internalNote = QStringLiteral("INTERNAL: middleware skipped on /api/v2");
        QVERIFY(ok(cache.work().setNote(m_sid, QStringLiteral("csrf.c1"), internalNote)));
        VerdictDialog d(cache, m_sid, D::Reject, alice());
        QVERIFY(shown(d));
        auto *reasons = child<QTableWidget>(d, QStringLiteral("reasons"));
        QVERIFY(reasons && reasons->isVisible());

        // Offered from the unticked items: no_token once (for both), samesite_only; none taken yet.
        QCOMPARE(reasons->rowCount(), 2);
        QVERIFY(reasons->item(0, 1)->text().startsWith(QStringLiteral("csrf.no_token")));
        QVERIFY(reasons->item(0, 1)->text().contains(QStringLiteral("csrf.c1, csrf.c2")));
        QVERIFY(reasons->item(1, 1)->text().startsWith(QStringLiteral("csrf.samesite_only")));
        QCOMPARE(reasons->item(0, 0)->checkState(), Qt::Unchecked);
        QVERIFY(!child<QPushButton>(d, QStringLiteral("record"))->isEnabled());

        // Accept the first with Space and give it a note; drop the second with Delete.
        clickCell(reasons, 0, 0);
        QTest::keyClick(reasons, Qt::Key_Space);
        QCOMPARE(reasons->item(0, 0)->checkState(), Qt::Checked);
        typeNote(reasons, 0, QStringLiteral("the settings form"));
        QTRY_COMPARE(reasons->item(0, 2)->text(), QStringLiteral("the settings form"));
        clickCell(reasons, 1, 1);
        QTest::keyClick(reasons, Qt::Key_Delete);
        QCOMPARE(reasons->rowCount(), 1);

        // A second reason from another category, picked from the rubric.
        auto *category = child<QComboBox>(d, QStringLiteral("reasonCategory"));
        auto *code = child<QComboBox>(d, QStringLiteral("reasonCode"));
        category->setFocus();
        QTest::keyClicks(category, QStringLiteral("XSS"));
        QCOMPARE(category->currentData().toString(), QStringLiteral("xss_sanitization"));
        QTest::keyClick(code, Qt::Key_Down);
        QCOMPARE(code->currentData().toString(), QStringLiteral("xss.no_sanitizer"));
        QTest::keyClicks(child<QLineEdit>(d, QStringLiteral("reasonNote")), QStringLiteral("rich text in comments"));
        click(child<QPushButton>(d, QStringLiteral("addReason")));
        QCOMPARE(reasons->rowCount(), 2);
        QTest::keyClicks(child<QPlainTextEdit>(d, QStringLiteral("summary")), QStringLiteral("Two gaps to close."));

        // The partner reads the summary and each reason's rubric text with
        // its note; the internal note stays on our side.
        const QString partner = d.partnerPreview();
        QVERIFY(partner.contains(QStringLiteral("Two gaps to close.")));
        QVERIFY(partner.contains(rubricText(QStringLiteral("csrf_protection"), QStringLiteral("csrf.no_token"))));
        QVERIFY(partner.contains(rubricText(QStringLiteral("xss_sanitization"), QStringLiteral("xss.no_sanitizer"))));
        QVERIFY(partner.contains(QStringLiteral("the settings form")));
        QVERIFY(partner.contains(QStringLiteral("rich text in comments")));
        QVERIFY(!partner.contains(QStringLiteral("samesite")));
        QVERIFY(!partner.contains(internalNote));
        QVERIFY(!partner.contains(QStringLiteral("csrf.c1")));
        QVERIFY(d.internalPreview().contains(internalNote));

        click(child<QPushButton>(d, QStringLiteral("record")));
        QCOMPARE(d.result(), int(QDialog::Accepted));
        const QList<OutboxEntry> entries = outbox(cache);
        QCOMPARE(entries.size(), 1);
        const Verdict v = payload(entries.first());
        QCOMPARE(v.decision, D::Reject);
        QCOMPARE(v.summary, QStringLiteral("Two gaps to close."));
        const QList<Verdict::Reason> expected{
            {QStringLiteral("csrf_protection"), QStringLiteral("csrf.no_token"), QStringLiteral("the settings form")},
            {QStringLiteral("xss_sanitization"), QStringLiteral("xss.no_sanitizer"), QStringLiteral("rich text in comments")}};
        QCOMPARE(v.reasons, expected);
        QCOMPARE(v.checklist.value(QStringLiteral("csrf.c1"), true), false);
    }

    void draftIsKeptAsTyped()
    {
        Cache cache;
        QVERIFY(open(cache, test::submission(2)));
        QVERIFY(tickRequired(cache, {QStringLiteral("csrf.c1")}));
        {
            VerdictDialog d(cache, m_sid, D::Reject, alice());
            QVERIFY(shown(d));
            QSignalSpy saved(&d, &VerdictDialog::draftSaved);
            auto *reasons = child<QTableWidget>(d, QStringLiteral("reasons"));
            clickCell(reasons, 0, 0);
            QTest::keyClick(reasons, Qt::Key_Space);
            auto *summary = child<QPlainTextEdit>(d, QStringLiteral("summary"));
            QElapsedTimer sinceLastKey;
            qint64 savedAfter = -1;
            connect(&d, &VerdictDialog::draftSaved, &d, [&] { savedAfter = sinceLastKey.elapsed(); });
            QTest::keyClicks(summary, QStringLiteral("No token"));
            sinceLastKey.start();
            QTRY_COMPARE(saved.count(), 1);
            // A figure, not a pass mark: the debounce is 200 ms, the limit 300.
            qInfo("draft saved %lld ms after the last keystroke", savedAfter);
            QCOMPARE(saved.first().first().toString(), QString());
            const std::optional<ReviewDraft> draft = ok(cache.work().draft(m_sid));
            QVERIFY(draft);
            QCOMPARE(draft->summary, QStringLiteral("No token"));
            QCOMPARE(draft->decision, std::optional<D>(D::Reject));
            QCOMPARE(draft->reasons.size(), 1);
            QCOMPARE(draft->reasons.first().code, QStringLiteral("csrf.no_token"));
            QVERIFY(child<QLabel>(d, QStringLiteral("draftState"))->text().startsWith(QStringLiteral("Draft saved")));

            // Typing and closing at once loses nothing either.
            QTest::keyClicks(summary, QStringLiteral(" anywhere"));
            QTest::keyClick(&d, Qt::Key_Escape);
            QVERIFY(!d.isVisible());
            QCOMPARE(ok(cache.work().draft(m_sid))->summary, QStringLiteral("No token anywhere"));
        }
        // Reopened without a decision asked for: the draft's comes back.
        VerdictDialog again(cache, m_sid, std::nullopt, alice());
        QVERIFY(shown(again));
        QVERIFY(child<QRadioButton>(again, QStringLiteral("decisionreject"))->isChecked());
        QCOMPARE(child<QPlainTextEdit>(again, QStringLiteral("summary"))->toPlainText(), QStringLiteral("No token anywhere"));
        auto *reasons = child<QTableWidget>(again, QStringLiteral("reasons"));
        QCOMPARE(reasons->rowCount(), 1);
        QCOMPARE(reasons->item(0, 0)->checkState(), Qt::Checked);
        // Nothing was recorded by any of it.
        QVERIFY(outbox(cache).isEmpty());
    }

    void securityStage()
    {
        Submission s = test::submission(2, 2);
        s.summary.stage = SubmissionSummary::Stage::Security;
        RecordedVerdict review;
        review.stage = RecordedVerdict::Stage::Review;
        review.by = QStringLiteral("u_dana");
        review.at = s.summary.updatedAt;
        review.version = 1;
        review.verdict.decision = D::Approve;
        review.verdict.baseVersion = 1;
        review.verdict.summary = QStringLiteral("Middleware verified against the evidence");
        review.verdict.notes.insert(QStringLiteral("csrf.c1"), QStringLiteral("checked the middleware order"));
        for (const QString &k : m_q.requiredChecklistKeys())
            review.verdict.checklist.insert(k, true);
        s.verdicts.append(review);
        Cache cache;
        QVERIFY(open(cache, s));
        QVERIFY(tickRequired(cache));
        QCOMPARE(ok(cache.submissions().submission(m_sid))->verdicts.size(), 1);
        QVERIFY(ok(cache.users().storeUsers({{QStringLiteral("u_dana"), QStringLiteral("Dana Okafor"),
                                              {QStringLiteral("reviewer"), QStringLiteral("security")}}})));

        // Dana approved the review stage: as a security user she may not decide it again.
        {
            VerdictDialog d(cache, m_sid, D::Approve, {QStringLiteral("u_dana"), QStringLiteral("Dana"), {QStringLiteral("reviewer"), QStringLiteral("security")}});
            QVERIFY(shown(d));
            for (const QString &name : {QStringLiteral("decisionapprove"), QStringLiteral("decisionreject"), QStringLiteral("decisionreturn")})
                QVERIFY2(!child<QRadioButton>(d, name)->isEnabled(), qPrintable(name));
            QVERIFY(child<QLabel>(d, QStringLiteral("decisionRefusals"))->text().contains(QStringLiteral("four eyes")));
            QVERIFY(!child<QPushButton>(d, QStringLiteral("record"))->isEnabled());
            click(child<QPushButton>(d, QStringLiteral("record")));
            QVERIFY(outbox(cache).isEmpty());
        }

        // Sam reads the review stage's verdict above his own and returns it.
        VerdictDialog d(cache, m_sid, D::Approve, {QStringLiteral("u_sam"), QStringLiteral("Sam"), {QStringLiteral("security")}});
        QVERIFY(shown(d));
        auto *reviewStage = child<QTextBrowser>(d, QStringLiteral("reviewStageVerdict"));
        QVERIFY(reviewStage->isVisible());
        QVERIFY(reviewStage->isReadOnly());
        QVERIFY(reviewStage->toPlainText().contains(QStringLiteral("Middleware verified against the evidence")));
        QVERIFY(reviewStage->toPlainText().contains(QStringLiteral("checked the middleware order")));
        QVERIFY(reviewStage->toPlainText().contains(QStringLiteral("Dana Okafor (u_dana)")));
        QVERIFY(child<QRadioButton>(d, QStringLiteral("decisionapprove"))->isEnabled());
        auto *ret = child<QRadioButton>(d, QStringLiteral("decisionreturn"));
        QVERIFY(ret->isVisible() && ret->isEnabled());
        click(ret);
        QVERIFY(ret->isChecked());
        QVERIFY(!child<QPushButton>(d, QStringLiteral("record"))->isEnabled());
        QVERIFY2(d.partnerPreview().contains(QStringLiteral("receives nothing")), qPrintable(d.partnerPreview()));
        QTest::keyClicks(child<QPlainTextEdit>(d, QStringLiteral("summary")), QStringLiteral("Recheck seg.c3"));
        QVERIFY(d.internalPreview().contains(QStringLiteral("Recheck seg.c3")));
        QVERIFY(!d.partnerPreview().contains(QStringLiteral("Recheck")));
        click(child<QPushButton>(d, QStringLiteral("record")));
        const QList<OutboxEntry> entries = outbox(cache);
        QCOMPARE(entries.size(), 1);
        const Verdict v = payload(entries.first());
        QCOMPARE(v.decision, D::Return);
        QCOMPARE(v.baseVersion, 2);
        QCOMPARE(v.summary, QStringLiteral("Recheck seg.c3"));
        QVERIFY(v.reasons.isEmpty());
    }

    // Keyboard first: every control that takes focus says what it is, and a
    // rejection is recorded without a mouse.
    void everyControlIsNamedAndReachable()
    {
        Cache cache;
        QVERIFY(open(cache, test::submission(2)));
        QVERIFY(tickRequired(cache, {QStringLiteral("csrf.c1")}));
        VerdictDialog d(cache, m_sid, D::Reject, alice());
        QVERIFY(shown(d));
        QVERIFY(QTest::qWaitForWindowActive(&d));
        const auto widgets = d.findChildren<QWidget *>();
        int named = 0;
        for (QWidget *w : widgets) {
            // Scroll areas' viewports and scroll bars belong to their view.
            if (w->focusPolicy() == Qt::NoFocus || !w->isVisible() || qobject_cast<QAbstractScrollArea *>(w->parentWidget()))
                continue;
            QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
            QVERIFY(iface);
            QVERIFY2(!iface->text(QAccessible::Name).isEmpty(), w->metaObject()->className());
            ++named;
        }
        QVERIFY2(named >= 12, QByteArray::number(named).constData());
        // Without a mouse: from the decision, Tab to the offered reasons,
        // Space takes the first, Tab on to Record, Space records.
        auto *reasons = child<QTableWidget>(d, QStringLiteral("reasons"));
        auto *record = child<QPushButton>(d, QStringLiteral("record"));
        QCOMPARE(QApplication::focusWidget(), child<QRadioButton>(d, QStringLiteral("decisionreject")));
        auto tabTo = [](QWidget *target) {
            for (int i = 0; i < 40 && QApplication::focusWidget() != target; ++i)
                QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            return QApplication::focusWidget() == target;
        };
        QVERIFY(tabTo(reasons));
        QTest::keyClick(reasons, Qt::Key_Space);
        QCOMPARE(reasons->item(0, 0)->checkState(), Qt::Checked);
        QVERIFY(record->isEnabled());
        QVERIFY(tabTo(record));
        QTest::keyClick(record, Qt::Key_Space);
        QCOMPARE(d.result(), int(QDialog::Accepted));
        QCOMPARE(outbox(cache).size(), 1);
        QCOMPARE(payload(outbox(cache).first()).reasons.first().code, QStringLiteral("csrf.no_token"));
    }

    void missingSubmissionSaysWhy()
    {
        Cache cache;
        QVERIFY(open(cache, test::submission(2)));
        VerdictDialog d(cache, QStringLiteral("s_99999"), D::Reject, alice());
        QVERIFY(d.loadError().contains(QStringLiteral("s_99999")));
        QVERIFY(shown(d));
        QVERIFY(!child<QPushButton>(d, QStringLiteral("record"))->isEnabled());
        QVERIFY(child<QLabel>(d, QStringLiteral("recordBlocker"))->text().contains(QStringLiteral("sync first")));
    }
};

QTEST_MAIN(TestVerdictDialog)
#include "tst_verdictdialog.moc"
