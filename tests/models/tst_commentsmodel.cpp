#include "models/CommentsModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace assay;
using namespace Qt::StringLiterals;
using Kind = CommentsModel::Kind;

namespace {

const QDateTime t0(QDate(2026, 3, 1), QTime(9, 0), QTimeZone::UTC);

Comment comment(const QString &id, const QString &author, int minutes, Comment::Visibility v,
                Comment::From from = Comment::From::Marketplace)
{
    Comment c;
    c.id = id;
    c.author = author;
    c.visibility = v;
    c.from = from;
    c.body = u"Body of "_s + id;
    c.createdAt = t0.addSecs(minutes * 60);
    return c;
}

QString nameOf(const QString &id)
{
    return id == u"u_alice"_s ? u"Alice Reviewer"_s : id; // unknown ids show as themselves
}

} // namespace

class TestCommentsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void kindsNamesAndNewSinceLastOpened()
    {
        CommentsModel model(nameOf);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Given out of order: shown oldest first.
        model.setComments({comment(u"c3"_s, u"p_acme"_s, 30, Comment::Visibility::Partner, Comment::From::Partner),
                           comment(u"c1"_s, u"u_alice"_s, 0, Comment::Visibility::Internal),
                           comment(u"c2"_s, u"u_alice"_s, 10, Comment::Visibility::Partner)},
                          t0.addSecs(20 * 60));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0).data(CommentsModel::IdRole).toString(), u"c1"_s);
        QCOMPARE(model.index(0).data(CommentsModel::KindRole).toInt(), int(Kind::InternalNote));
        QCOMPARE(model.index(0).data(CommentsModel::KindTextRole).toString(), u"Internal note"_s);
        QCOMPARE(model.index(0).data(CommentsModel::AuthorNameRole).toString(), u"Alice Reviewer"_s);
        QCOMPARE(model.index(0).data(CommentsModel::TimeRole).toDateTime(), t0);
        QCOMPARE(model.index(0).data().toString(), u"Body of c1"_s);
        QCOMPARE(model.index(1).data(CommentsModel::KindRole).toInt(), int(Kind::ClarificationRequest));
        QCOMPARE(model.index(2).data(CommentsModel::KindRole).toInt(), int(Kind::PartnerReply));
        QCOMPARE(model.index(2).data(CommentsModel::AuthorNameRole).toString(), u"p_acme"_s);
        QCOMPARE(model.index(0).data(CommentsModel::NewRole).toBool(), false);
        QCOMPARE(model.index(1).data(CommentsModel::NewRole).toBool(), false);
        QCOMPARE(model.index(2).data(CommentsModel::NewRole).toBool(), true);
        QCOMPARE(model.newCount(), 1);
        QVERIFY(!model.awaitingPartner()); // the request was answered

        // A first opening singles nothing out.
        model.setComments({comment(u"c1"_s, u"u_alice"_s, 0, Comment::Visibility::Internal)}, QDateTime());
        QCOMPARE(model.newCount(), 0);
    }

    void awaitingPartnerUntilTheyReply()
    {
        CommentsModel model(nameOf);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy awaiting(&model, &CommentsModel::awaitingPartnerChanged);
        // Request, reply, a second request, then only internal notes.
        model.setComments({comment(u"c1"_s, u"u_alice"_s, 0, Comment::Visibility::Partner),
                           comment(u"c2"_s, u"p_acme"_s, 5, Comment::Visibility::Partner, Comment::From::Partner),
                           comment(u"c3"_s, u"u_alice"_s, 10, Comment::Visibility::Partner),
                           comment(u"c4"_s, u"u_alice"_s, 15, Comment::Visibility::Internal)},
                          t0);
        QVERIFY(model.awaitingPartner());
        QCOMPARE(awaiting.count(), 1);
        QCOMPARE(awaiting.at(0).at(0).toBool(), true);

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.addComment(comment(u"c5"_s, u"p_acme"_s, 12, Comment::Visibility::Partner, Comment::From::Partner));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 3); // between c3 and c4, by time
        QCOMPARE(model.index(3).data(CommentsModel::IdRole).toString(), u"c5"_s);
        QCOMPARE(model.index(3).data(CommentsModel::NewRole).toBool(), false);
        QVERIFY(!model.awaitingPartner());
        QCOMPARE(awaiting.count(), 2);
        QCOMPARE(awaiting.at(1).at(0).toBool(), false);

        // The same comment coming back from the server updates in place.
        Comment again = comment(u"c5"_s, u"p_acme"_s, 12, Comment::Visibility::Partner, Comment::From::Partner);
        again.body = u"Edited"_s;
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.addComment(again);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(3).data().toString(), u"Edited"_s);

        // Internal notes alone never await anyone.
        model.setComments({comment(u"c1"_s, u"u_alice"_s, 0, Comment::Visibility::Internal)}, t0);
        QVERIFY(!model.awaitingPartner());
    }
};

QTEST_GUILESS_MAIN(TestCommentsModel)
#include "tst_commentsmodel.moc"
