#include "server/Seeder.h"

#include "domain/JsonReader.h"
#include "domain/Questionnaire.h"
#include "server/AnswerEdits.h"
#include "server/EvidenceCache.h"
#include "server/EvidenceFactory.h"
#include "server/SeedRevalidations.h"
#include "server/SeedVerdicts.h"
#include "server/ServerLogging.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace assay::server {

namespace {

const QStringList PartnerStems = {
    u"Acme"_s,      u"Northwind"_s, u"Blue Fjord"_s, u"Kestrel"_s,   u"Lumen"_s,    u"Harbor"_s,   u"Granite"_s,
    u"Copperleaf"_s, u"Nimbus"_s,   u"Orchard"_s,    u"Polaris"_s,   u"Quillon"_s,  u"Redwood"_s,  u"Summit"_s,
    u"Tidewater"_s, u"Vantage"_s,   u"Willowbrook"_s, u"Zephyr"_s,   u"Atlas"_s,    u"Beacon"_s,   u"Cobalt"_s,
    u"Driftwood"_s, u"Emberline"_s, u"Foxglove"_s,   u"Helix"_s,     u"Juniper"_s,  u"Lattice"_s,  u"Meridian"_s,
    u"Novaris"_s,   u"Onyx"_s,      u"Pinecrest"_s,  u"Sälen"_s,     u"Østervik"_s, u"Brightwater"_s};
const QStringList PartnerForms = {u"Apps"_s,  u"Software"_s,     u"Labs"_s,  u"Systems"_s, u"Cloud"_s,  u"Digital"_s,
                                  u"AS"_s,    u"GmbH"_s,         u"Ltd"_s,   u"Inc."_s,    u"Studio"_s, u"Technologies"_s};
const QStringList AppStems = {u"Timesheets"_s, u"Invoice"_s,   u"Payroll"_s,   u"Helpdesk"_s,  u"CRM"_s,
                              u"Expense"_s,    u"Onboarding"_s, u"Roadmap"_s,  u"Survey"_s,    u"Inventory"_s,
                              u"Booking"_s,    u"Contract"_s,  u"E-Signature"_s, u"Backup"_s,  u"Analytics"_s,
                              u"Team Chat"_s,  u"Calendar"_s,  u"Recruiting"_s, u"Compliance"_s, u"Asset Tracker"_s,
                              u"Knowledge Base"_s, u"Release Notes"_s, u"Status Page"_s, u"Time Off"_s};
const QStringList AppForms = {u"Pro"_s,     u"Sync"_s, u"Hub"_s,  u"Bridge"_s, u"Pilot"_s, u"Connect"_s,
                              u"Insights"_s, u"Flow"_s, u"Desk"_s, u"Manager"_s, u"Plus"_s,  u"for Teams"_s};

const QStringList Reviewers = {u"u_alice"_s, u"u_bob"_s, u"u_dana"_s, u"u_max"_s};
const QStringList SecurityUsers = {u"u_sam"_s, u"u_erin"_s, u"u_max"_s};
const QString Lead = u"u_carol"_s;

const QStringList InternalComments = {
    u"Asked the partner for the RLS policy definitions; the answer only describes them."_s,
    u"Evidence for the patch SLA is a screenshot of a wiki page. Not enough on its own."_s,
    u"CSRF answer looks solid, middleware code matches the description."_s,
    u"Redirect allow-list is in the config file attached — checked the regex, it anchors correctly."_s,
    u"Second opinion please: the MFA answer says 'enforced' but the screenshot shows a grace period."_s,
    u"Mass-assignment: they bind request bodies straight onto the ORM model in one controller. Flagged."_s};
const QStringList PartnerComments = {
    u"Could you attach the incident response plan itself, not only the summary?"_s,
    u"Please confirm whether contractors with production access are covered by the MFA policy."_s,
    u"Which secret manager holds the marketplace OAuth client secret, and who can read it?"_s,
    u"Please describe how returnTo parameters are validated on the login and logout endpoints."_s};
// The partner's answers to PartnerComments, in the same order.
const QStringList PartnerReplies = {
    u"The full plan is fourteen pages; the summary was section 2. Section 4 covers notifying the marketplace "
    u"within 72 hours. We can share the whole document through the partner portal."_s,
    u"Yes. Contractors sign in through the same identity provider tenant and the same enforced MFA policy applies "
    u"to them; there are no exemptions."_s,
    u"The OAuth client secret is in AWS Secrets Manager. Only the integration service's IAM role can read it; two "
    u"named engineers can rotate it, and every read is logged in CloudTrail."_s,
    u"returnTo must be a relative path: we parse it with the URL API and refuse anything with a scheme, a host, a "
    u"backslash or a leading //. Login and logout share the same check."_s};

struct BankEntry
{
    QStringList good, weak, evasive;
};

QHash<QString, BankEntry> loadAnswerBank(QString *error)
{
    QHash<QString, BankEntry> bank;
    QFile f(u":/assay/server/demo/answer-bank.json"_s);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = u"the demo answer bank is missing"_s;
        return bank;
    }
    const QJsonObject answers = QJsonDocument::fromJson(f.readAll()).object().value(u"answers"_s).toObject();
    for (auto it = answers.constBegin(); it != answers.constEnd(); ++it) {
        const QJsonObject o = it->toObject();
        auto list = [&o](const QString &k) {
            QStringList out;
            for (const QJsonValue &v : o.value(k).toArray())
                out.append(v.toString());
            return out;
        };
        bank.insert(it.key(), BankEntry{list(u"good"_s), list(u"weak"_s), list(u"evasive"_s)});
    }
    return bank;
}

// The evidence files are drawn from a bounded pool (kind × category ×
// variant), so seeding 10,000 submissions makes a few hundred distinct files,
// not tens of thousands; like real partners, many attach the same kinds of
// documents. The store and the client's store are content-addressed.
class EvidencePool
{
public:
    EvidencePool(ServerStore &store, const QString &cacheDir)
        : m_store(store)
        , m_cache(cacheDir)
    {
    }

    static constexpr int Variants = 6;

    std::optional<EvidenceItem> item(const QString &id, EvidenceFactory::Kind kind, const QString &category, quint32 variant)
    {
        const QString key = u"%1/%2/%3"_s.arg(int(kind)).arg(category).arg(variant);
        auto it = m_made.find(key);
        if (it == m_made.end()) {
            // The documents carry a plausible author, not the submitting app.
            const QString app = AppStems.at(variant % AppStems.size()) + u' ' + AppForms.at(variant % AppForms.size());
            const QString partner = PartnerStems.at((variant * 7) % PartnerStems.size()) + u' ' + PartnerForms.at(variant % PartnerForms.size());
            const QString recipe = EvidenceCache::recipe(kind, category, app, partner, variant);
            GeneratedEvidence g;
            QString sha;
            if (std::optional<EvidenceCache::Hit> hit = m_cache.find(recipe)) {
                g = std::move(hit->evidence);
                sha = hit->sha256;
                ++m_cached;
            } else {
                g = EvidenceFactory::make(kind, category, app, partner, variant);
                sha = QString::fromLatin1(QCryptographicHash::hash(g.content, QCryptographicHash::Sha256).toHex());
                m_cache.keep(recipe, g, sha);
            }
            if (!m_store.insertBlob(sha, g.content))
                return std::nullopt;
            it = m_made.insert(key, EvidenceItem{QString(), g.filename, g.mediaType, g.content.size(), sha,
                                                 EvidenceItem::LocalState::Absent});
        }
        EvidenceItem e = it.value();
        e.id = id;
        return e;
    }

    int distinct() const { return int(m_made.size()); }
    int cached() const { return m_cached; }

private:
    ServerStore &m_store;
    EvidenceCache m_cache;
    int m_cached = 0;
    QHash<QString, EvidenceItem> m_made;
};

QDateTime at(const QDateTime &base, qint64 seconds)
{
    return base.addSecs(seconds);
}

// The history actions that move a submission to another stage: its time in
// the current stage counts from the last of them (as the client's QueueFacts
// reads it).
bool movesStage(const QString &action)
{
    static const QSet<QString> moves = {u"submitted"_s, u"resubmitted"_s, u"approved_review"_s, u"returned"_s};
    return moves.contains(action);
}

// Places an open submission so that its time in the current stage, at the
// anchor, is what a working team's queue shows: mostly on track, some due
// soon, a few breached. The targets are the client's default SLA (review 5
// days, security 3, "due soon" in the last day; models/SlaPolicy, which the
// server does not link). Drawn from `clock` alone: the other generators'
// draws, and so every id, state and text, stay as they were. The submission
// moves as a whole; what happened in the stage is squeezed, in order, when
// it would otherwise reach past the anchor.
void placeInStage(Submission &s, const QDateTime &anchor, QRandomGenerator &clock)
{
    const bool security = s.summary.stage == SubmissionSummary::Stage::Security;
    const double target = security ? 3.0 : 5.0;
    const double r = clock.generateDouble();
    const double u = clock.generateDouble();
    const double days = r < 0.8 ? 0.1 + u * (target - 1.2)                  // on track
        : r < 0.92           ? target - 0.95 + u * 0.9                      // due soon
                             : target + 0.2 + u * (security ? 4.0 : 6.0); // breached
    QDateTime entered, last;
    auto see = [&last](const QDateTime &t) {
        if (!last.isValid() || t > last)
            last = t;
    };
    see(s.summary.submittedAt);
    see(s.summary.updatedAt);
    for (const HistoryEntry &h : s.history) {
        see(h.at);
        if (movesStage(h.action) && (!entered.isValid() || h.at >= entered))
            entered = h.at;
    }
    for (const Comment &c : s.comments)
        see(c.createdAt);
    for (const RecordedVerdict &v : s.verdicts)
        see(v.at);
    if (!entered.isValid())
        entered = s.summary.submittedAt;
    const QDateTime wanted = anchor.addSecs(-qint64(days * 86400));
    // The latest event a little before the anchor.
    const QDateTime end = anchor.addSecs(-600 - qint64(clock.bounded(3000)));
    const qint64 span = entered.secsTo(last);
    const qint64 room = std::max<qint64>(0, wanted.secsTo(end));
    const double squeeze = span > room ? double(room) / double(span) : 1.0;
    auto place = [&](QDateTime &t) {
        t = t < entered ? t.addSecs(entered.secsTo(wanted)) : wanted.addSecs(qint64(double(entered.secsTo(t)) * squeeze));
    };
    place(s.summary.submittedAt);
    place(s.summary.updatedAt);
    for (HistoryEntry &h : s.history)
        place(h.at);
    for (Comment &c : s.comments)
        place(c.createdAt);
    for (RecordedVerdict &v : s.verdicts)
        place(v.at);
}

} // namespace

QList<User> Seeder::demoUsers()
{
    auto token = [] {
        QByteArray bytes(24, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
        return u"demo_"_s + QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    };
    return {
        {u"u_alice"_s, u"Alice Reviewer"_s, {u"reviewer"_s}, token()},
        {u"u_bob"_s, u"Bob Reviewer"_s, {u"reviewer"_s}, token()},
        {u"u_dana"_s, u"Dana Reviewer"_s, {u"reviewer"_s}, token()},
        {u"u_carol"_s, u"Carol Lead"_s, {u"lead"_s}, token()},
        {u"u_sam"_s, u"Sam Security"_s, {u"security"_s}, token()},
        {u"u_erin"_s, u"Erin Security"_s, {u"security"_s}, token()},
        {u"u_max"_s, u"Max Reviewer-Security"_s, {u"reviewer"_s, u"security"_s}, token()},
    };
}

QDateTime Seeder::anchor()
{
    return QDateTime(QDate(2026, 11, 20), QTime(9, 0), QTimeZone::UTC);
}

QString Seeder::seed(ServerStore &store, int count, quint32 seedValue, const QString &evidenceCache,
                     const QDateTime &storyNow)
{
    if (count <= 0 || !store.metaValue(u"seeded"_s).isEmpty())
        return {};
    QElapsedTimer timer;
    timer.start();
    QString error;
    const auto bank = loadAnswerBank(&error);
    if (!error.isEmpty())
        return error;
    const auto questionnaire = Questionnaire::builtin(u"2026.1"_s, &error);
    if (!questionnaire)
        return error;
    const QStringList questionKeys = questionnaire->questionKeys();

    QRandomGenerator rng(seedValue);
    // What the review screen reads beyond the summaries (verdicts, partner
    // replies, edited answers, evidence carried over) draws from its own
    // generator, so the submissions' ids, states, dates and new evidence are
    // what they were before those details existed.
    QRandomGenerator detail(seedValue ^ 0x5eedd00du);
    // The open submissions' place in their stage (placeInStage), likewise.
    QRandomGenerator stageClock(seedValue ^ 0x51a0c10cu);
    SeedVerdicts verdicts(*questionnaire, detail);
    auto pick = [&rng](const QStringList &list) -> const QString & { return list.at(rng.bounded(int(list.size()))); };
    auto chance = [&rng](double p) { return rng.generateDouble() < p; };
    const QDateTime anchor = storyNow.isValid() ? storyNow.toUTC() : Seeder::anchor();
    constexpr qint64 Day = 86400;

    // Partners and their apps.
    struct App { QString id, name, partnerId, partnerName; };
    QList<App> apps;
    const int partnerCount = std::max(6, count / 8);
    for (int p = 0; p < partnerCount && int(apps.size()) < count; ++p) {
        const QString partnerName = PartnerStems.at(p % PartnerStems.size()) + u' '
            + PartnerForms.at((p / PartnerStems.size() + p) % PartnerForms.size())
            + (p >= PartnerStems.size() * PartnerForms.size() ? u" %1"_s.arg(p) : QString());
        const int appCount = 1 + int(rng.bounded(3));
        for (int a = 0; a < appCount; ++a) {
            const int n = int(apps.size());
            QString name = AppStems.at((n * 7 + p) % AppStems.size()) + u' ' + AppForms.at((n + a * 5) % AppForms.size());
            if (n >= AppStems.size())
                name += u" %1"_s.arg(n / AppStems.size() + 1);
            apps.append(App{u"a_%1"_s.arg(n + 1), name, u"p_%1"_s.arg(p + 1), partnerName});
        }
    }

    // One transaction for everything: the evidence files and the rows.
    if (!store.transaction())
        return store.errorString();
    EvidencePool pool(store, evidenceCache);
    const QList<EvidenceFactory::Kind> kinds = {EvidenceFactory::Kind::HtmlReport, EvidenceFactory::Kind::Pdf,
                                                EvidenceFactory::Kind::Png,        EvidenceFactory::Kind::SourceCode,
                                                EvidenceFactory::Kind::Config,     EvidenceFactory::Kind::Log};
    QList<Submission> made;
    QHash<QString, QString> reviewApprovers;
    made.reserve(count);
    int evidenceCounter = 0;
    int commentCounter = 0;

    // Where a submission stands: earlier links of a chain are decided; the
    // latest spreads over every state.
    enum State { Unassigned, Reviewing, AtSecurity, Approved, Rejected, Withdrawn };
    for (int i = 0; int(made.size()) < count; ++i) {
        const App &app = apps.at(i % apps.size());
        // Each app's chain: earlier submissions were decided, the last one
        // is where the app stands now.
        const int chainLength = std::min<int>(count - int(made.size()), chance(0.22) ? (chance(0.2) ? 3 : 2) : 1);
        QDateTime submitted = at(anchor, -qint64(rng.bounded(2, 400)) * Day - qint64(rng.bounded(86400)));
        const int chainGapMonths = int(rng.bounded(4, 9));
        QList<Answer> previousAnswers;
        QList<EvidenceItem> previousEvidence;
        QString previousId;
        State previousState = Unassigned;
        for (int c = 0; c < chainLength; ++c) {
            const bool latest = c == chainLength - 1;
            Submission s;
            SubmissionSummary &sum = s.summary;
            sum.id = u"s_%1"_s.arg(int(made.size()) + 1, 5, 10, QLatin1Char('0'));
            sum.appId = app.id;
            sum.appName = app.name;
            sum.partnerId = app.partnerId;
            sum.partnerName = app.partnerName;
            sum.questionnaireVersion = questionnaire->version;
            if (!previousId.isEmpty())
                sum.previousSubmissionId = previousId;
            // After a rejection the partner resubmits; after an approval the
            // next one is the yearly revalidation.
            sum.kind = previousId.isEmpty()           ? SubmissionSummary::Kind::Initial
                : previousState == State::Rejected ? SubmissionSummary::Kind::Resubmission
                                                    : SubmissionSummary::Kind::Revalidation;
            // Earlier links of a chain lie months back.
            const QDateTime when = submitted.addMonths(-(chainLength - 1 - c) * chainGapMonths);
            sum.submittedAt = when;

            // Answers: a submission has a quality profile; a resubmission
            // keeps its earlier answers but for a few, mostly improved ones.
            const double goodShare = std::array{0.85, 0.6, 0.35, 0.25}[rng.bounded(4)];
            const double evasiveShare = goodShare < 0.3 ? 0.35 : 0.08;
            QSet<int> changed;
            if (!previousAnswers.isEmpty()) {
                const int changes = 3 + int(rng.bounded(4));
                while (changed.size() < changes)
                    changed.insert(int(rng.bounded(int(questionKeys.size()))));
            }
            for (int q = 0; q < questionKeys.size(); ++q) {
                const QString &key = questionKeys.at(q);
                if (!previousAnswers.isEmpty() && !changed.contains(q)) {
                    s.answers.append(Answer{key, previousAnswers.at(q).text, {}});
                    continue;
                }
                const BankEntry entry = bank.value(key);
                const double r = rng.generateDouble();
                const bool improve = !previousAnswers.isEmpty() && chance(0.75);
                const QStringList &source = (improve || r < goodShare) ? entry.good
                    : (r < goodShare + evasiveShare && !entry.evasive.isEmpty()) ? entry.evasive
                                                                                : entry.weak;
                QString text = source.isEmpty() ? entry.good.value(0) : pick(source);
                // A changed answer is a different answer.
                if (!previousAnswers.isEmpty()) {
                    const QStringList all = entry.good + entry.weak + entry.evasive;
                    for (int tries = 0; tries < 8 && all.size() > 1; ++tries) {
                        QString candidate = text;
                        candidate.replace(u"{app}"_s, app.name).replace(u"{partner}"_s, app.partnerName);
                        if (candidate != previousAnswers.at(q).text)
                            break;
                        text = pick(all);
                    }
                }
                text.replace(u"{app}"_s, app.name).replace(u"{partner}"_s, app.partnerName);
                // A revised answer is the old one edited, the drawn answer a
                // source of what the partner added.
                if (!previousAnswers.isEmpty())
                    text = AnswerEdits::edit(previousAnswers.at(q).text, text, detail);
                s.answers.append(Answer{key, text, {}});
            }

            // Evidence, attached to answers of the categories it supports.
            const int evidenceCount = 3 + int(rng.bounded(4));
            for (int e = 0; e < evidenceCount; ++e) {
                const auto &category = questionnaire->categories.at(rng.bounded(int(questionnaire->categories.size())));
                const auto kind = kinds.at((e + i) % kinds.size());
                const auto item = pool.item(u"e_%1"_s.arg(++evidenceCounter), kind, category.key,
                                            rng.bounded(quint32(EvidencePool::Variants)));
                if (!item) {
                    store.rollback();
                    return store.errorString();
                }
                s.evidence.append(*item);
                const QString questionKey = category.questions.at(rng.bounded(int(category.questions.size()))).key;
                for (Answer &a : s.answers) {
                    if (a.questionKey == questionKey)
                        a.evidenceIds.append(item->id);
                }
            }

            // Some evidence carried over from the previous submission (the
            // same file: the same sha256), the rest of it removed; the items
            // drawn above are the new ones.
            if (!previousEvidence.isEmpty()) {
                QList<int> kept;
                for (int e = 0; e < previousEvidence.size(); ++e) {
                    if (detail.generateDouble() < 0.5)
                        kept.append(e);
                }
                if (kept.isEmpty())
                    kept.append(int(detail.bounded(int(previousEvidence.size()))));
                if (kept.size() == previousEvidence.size() && kept.size() > 1)
                    kept.removeAt(detail.bounded(int(kept.size())));
                for (const int e : std::as_const(kept)) {
                    EvidenceItem item = previousEvidence.at(e);
                    const QString earlierId = item.id;
                    item.id = u"e_%1"_s.arg(++evidenceCounter);
                    s.evidence.append(item);
                    for (int q = 0; q < previousAnswers.size(); ++q) {
                        if (previousAnswers.at(q).evidenceIds.contains(earlierId))
                            s.answers[q].evidenceIds.append(item.id);
                    }
                }
            }

            // The first ones are fixed so that even a small seed shows open
            // work at both stages and decided submissions.
            State state;
            const int latestIndex = int(made.size());
            if (!latest)
                state = chance(0.8) ? Rejected : Approved;
            else if (latestIndex < 6)
                state = std::array{Unassigned, Reviewing, Reviewing, AtSecurity, Approved, Rejected}[latestIndex];
            else {
                const double r = rng.generateDouble();
                state = r < 0.24 ? Unassigned : r < 0.54 ? Reviewing : r < 0.69 ? AtSecurity : r < 0.84 ? Approved : r < 0.97 ? Rejected : Withdrawn;
            }
            const QString reviewer = latestIndex == 1 ? u"u_alice"_s : latestIndex == 2 ? u"u_bob"_s : pick(Reviewers);
            QDateTime t = when;
            sum.version = 1;
            s.history.append(HistoryEntry{t, app.partnerId, previousId.isEmpty() ? u"submitted"_s : u"resubmitted"_s, {}});
            auto step = [&](qint64 minHours, qint64 maxHours) {
                t = t.addSecs(qint64(rng.bounded(int(minHours), int(maxHours))) * 3600 + qint64(rng.bounded(3600)));
                if (t > anchor)
                    t = anchor.addSecs(-qint64(rng.bounded(3600)));
                return t;
            };
            sum.status = SubmissionSummary::Status::Submitted;
            sum.stage = SubmissionSummary::Stage::Review;
            QString approvedReviewBy;
            if (state != Unassigned && state != Withdrawn) {
                sum.assignee = reviewer;
                sum.status = SubmissionSummary::Status::InReview;
                sum.version += 1;
                s.history.append(HistoryEntry{step(2, 72), Lead, u"assigned"_s,
                                              QJsonObject{{u"assignee"_s, reviewer}, {u"previous"_s, QJsonValue::Null}}});
            }
            // Later steps drawn from `detail` (see above), never past the anchor.
            auto later = [&](int minHours, int maxHours) {
                const QDateTime next = t.addSecs(qint64(detail.bounded(minHours, maxHours)) * 3600 + qint64(detail.bounded(3600)));
                t = next > anchor ? t.addSecs(t.secsTo(anchor) / 2) : next;
                return t;
            };
            auto securityUser = [&] {
                const QString &u = SecurityUsers.at(detail.bounded(int(SecurityUsers.size())));
                return u == reviewer ? u"u_sam"_s : u;
            };
            // A decision as the server records it: the verdict, and its line
            // in the history; the version it was made on, then a new one.
            auto decide = [&](const RecordedVerdict &v, const QString &action, SubmissionSummary::Stage next) {
                QJsonArray reasons;
                for (const Verdict::Reason &r : v.verdict.reasons)
                    reasons.append(QJsonObject{{u"category"_s, r.category}, {u"code"_s, r.code}, {u"note"_s, r.note}});
                s.verdicts.append(v);
                s.history.append(HistoryEntry{v.at, v.by, action,
                                              QJsonObject{{u"summary"_s, v.verdict.summary}, {u"reasons"_s, reasons},
                                                          {u"stage"_s, SubmissionSummary::stageName(next)}}});
                sum.stage = next;
                sum.version += 1;
            };
            if (chance(0.45)) {
                const bool toPartner = chance(0.4);
                s.comments.append(Comment{u"c_%1"_s.arg(++commentCounter), toPartner ? reviewer : pick(Reviewers),
                                          toPartner ? Comment::Visibility::Partner : Comment::Visibility::Internal,
                                          toPartner ? pick(PartnerComments) : pick(InternalComments), step(1, 96)});
                s.history.append(HistoryEntry{t, s.comments.last().author, u"commented"_s,
                                              QJsonObject{{u"comment_id"_s, s.comments.last().id},
                                                          {u"visibility"_s, Comment::visibilityName(s.comments.last().visibility)}}});
                // Most clarification requests get the partner's reply; the
                // rest are still awaiting it.
                const qsizetype asked = PartnerComments.indexOf(s.comments.last().body);
                if (toPartner && asked >= 0 && detail.generateDouble() < 0.65) {
                    s.comments.append(Comment{u"c_%1"_s.arg(++commentCounter), app.partnerId, Comment::Visibility::Partner,
                                              PartnerReplies.at(asked), later(2, 72), Comment::From::Partner});
                    s.history.append(HistoryEntry{t, app.partnerId, u"commented"_s,
                                                  QJsonObject{{u"comment_id"_s, s.comments.last().id},
                                                              {u"visibility"_s, u"partner"_s}}});
                }
            }
            // Approved at review and sent back by the security team: open at
            // the review stage again, with both verdicts on record.
            if (state == Reviewing && detail.generateDouble() < 0.2) {
                decide(verdicts.approve(RecordedVerdict::Stage::Review, reviewer, later(24, 120), sum.version),
                       u"approved_review"_s, SubmissionSummary::Stage::Security);
                const QString returner = securityUser(); // one draw at a time: a fixed order
                decide(verdicts.returned(returner, later(4, 72), sum.version), u"returned"_s,
                       SubmissionSummary::Stage::Review);
            }
            // Some rejections come from the security team, after the review
            // stage approved.
            const bool rejectedAtSecurity = state == Rejected && detail.generateDouble() < 0.3;
            if (state == AtSecurity || state == Approved || rejectedAtSecurity) {
                approvedReviewBy = reviewer;
                const QDateTime approvedAt = rejectedAtSecurity ? later(24, 240) : step(24, 240);
                decide(verdicts.approve(RecordedVerdict::Stage::Review, reviewer, approvedAt, sum.version),
                       u"approved_review"_s, SubmissionSummary::Stage::Security);
            }
            if (state == Approved) {
                QString approver = pick(SecurityUsers);
                if (approver == reviewer)
                    approver = u"u_sam"_s;
                sum.status = SubmissionSummary::Status::Approved;
                sum.badgeExpiresAt = step(24, 240).addYears(1);
                decide(verdicts.approve(RecordedVerdict::Stage::Security, approver, t, sum.version), u"approved"_s,
                       SubmissionSummary::Stage::Done);
            } else if (state == Rejected) {
                const auto &category = questionnaire->categories.at(rng.bounded(int(questionnaire->categories.size())));
                const auto &reason = category.rejectionReasons.at(rng.bounded(int(category.rejectionReasons.size())));
                sum.status = SubmissionSummary::Status::Rejected;
                sum.resubmissionAllowedAt = step(24, 240).addMonths(3);
                const auto stage = rejectedAtSecurity ? RecordedVerdict::Stage::Security : RecordedVerdict::Stage::Review;
                decide(verdicts.reject(stage, rejectedAtSecurity ? securityUser() : reviewer, t, sum.version, category.key,
                                       reason.code),
                       u"rejected"_s, SubmissionSummary::Stage::Done);
            } else if (state == Withdrawn) {
                sum.status = SubmissionSummary::Status::Withdrawn;
                sum.stage = SubmissionSummary::Stage::Done;
                sum.version += 1;
                s.history.append(HistoryEntry{step(24, 480), app.partnerId, u"withdrawn"_s, {}});
            }
            sum.updatedAt = t;
            if (state == Unassigned || state == Reviewing || state == AtSecurity)
                placeInStage(s, anchor, stageClock);
            reviewApprovers.insert(sum.id, approvedReviewBy);
            previousAnswers = s.answers;
            previousEvidence = s.evidence;
            previousState = state;
            previousId = sum.id;
            made.append(s);
        }
    }

    // Badges due at the anchor have their re-validation open; no other is due.
    SeedRevalidations::apply(made, reviewApprovers, anchor, evidenceCounter);

    // The feed lists changes in the order they happened.
    std::stable_sort(made.begin(), made.end(), [](const Submission &a, const Submission &b) {
        return a.summary.updatedAt < b.summary.updatedAt;
    });
    for (const Submission &s : std::as_const(made)) {
        if (!store.insertSubmission(s, reviewApprovers.value(s.summary.id))) {
            store.rollback();
            return store.errorString();
        }
    }
    if (!store.setMetaValue(u"seeded"_s, u"%1 submissions, seed %2"_s.arg(count).arg(seedValue)) || !store.commit()) {
        store.rollback();
        return store.errorString();
    }
    qCInfo(lcServer).noquote() << u"seeded %1 submissions (%2 distinct evidence files, %3 of them kept from an earlier run) in %4 ms"_s
                                      .arg(made.size())
                                      .arg(pool.distinct())
                                      .arg(pool.cached())
                                      .arg(timer.elapsed());
    return {};
}

} // namespace assay::server
