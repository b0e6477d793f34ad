#include "models/ReviewReport.h"

#include "models/Cache.h"
#include "models/UserDirectory.h"

#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QSaveFile>
#include <QSet>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace assay {

namespace {

// The CSS subset QTextDocument understands (it ignores the rest), so the PDF
// and a browser show the same thing.
constexpr QStringView Style = uR"(
body { font-family: sans-serif; font-size: 10pt; color: #1a1a1a; }
h1 { font-size: 17pt; margin-bottom: 2pt; }
h2 { font-size: 13pt; margin-top: 14pt; margin-bottom: 4pt; color: #1d3557; }
h3 { font-size: 11pt; margin-top: 8pt; margin-bottom: 2pt; }
table { border-collapse: collapse; border-color: #9a9a9a; margin-bottom: 6pt; }
th { background-color: #e6e9ee; text-align: left; font-weight: bold; }
td.key, th.key { white-space: nowrap; }
.mono { font-family: monospace; font-size: 8pt; }
.muted { color: #5a5a5a; }
.internal { color: #8a4b00; font-style: italic; }
.partner { color: #1d5b1d; }
.missing { color: #a4161a; font-weight: bold; }
.ticked { color: #1d5b1d; font-weight: bold; }
.decision { font-weight: bold; }
)";

constexpr QStringView Table = u"<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\">";

bool shownAsCode(char32_t c)
{
    const QChar::Category cat = QChar::category(c);
    return cat == QChar::Other_Control || cat == QChar::Other_Format || cat == QChar::Other_Surrogate
        || cat == QChar::Other_NotAssigned || cat == QChar::Separator_Line || cat == QChar::Separator_Paragraph;
}

QString when(const QDateTime &at)
{
    return at.isValid() ? at.toTimeZone(QTimeZone::UTC).toString(u"yyyy-MM-dd HH:mm:ss 'UTC'"_s) : u"—"_s;
}

QString size(qint64 bytes)
{
    const QLocale c = QLocale::c();
    return u"%1 (%2 bytes)"_s.arg(c.formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat), QString::number(bytes));
}

QString stageTitle(RecordedVerdict::Stage s)
{
    return s == RecordedVerdict::Stage::Review ? u"Review stage"_s : u"Security stage"_s;
}

QString decisionTitle(Verdict::Decision d)
{
    switch (d) {
    case Verdict::Decision::Approve:
        return u"Approved"_s;
    case Verdict::Decision::Reject:
        return u"Rejected"_s;
    case Verdict::Decision::Return:
        return u"Returned to the review stage"_s;
    }
    return Verdict::decisionName(d);
}

QString kindTitle(SubmissionSummary::Kind k)
{
    switch (k) {
    case SubmissionSummary::Kind::Initial:
        return u"Initial submission"_s;
    case SubmissionSummary::Kind::Resubmission:
        return u"Resubmission after a rejection"_s;
    case SubmissionSummary::Kind::Revalidation:
        return u"Yearly revalidation"_s;
    }
    return SubmissionSummary::kindName(k);
}

// Builds the document; one function per section keeps each readable.
class Writer
{
public:
    Writer(const ReviewReport::Sources &sources, const ReviewReport::UserName &userName)
        : m_s(sources), m_sub(sources.submission), m_q(sources.questionnaire), m_userName(userName)
    {
    }

    QString run(const QString &title);

private:
    static QString e(const QString &t) { return ReviewReport::escape(t); }
    static QString ml(const QString &t) { return ReviewReport::escape(t, true); }
    QString who(const QString &id) const;
    QString categoryTitle(const QString &key, const Questionnaire &q) const;
    QString anchor(int verdictIndex, int categoryIndex) const { return u"v%1c%2"_s.arg(verdictIndex + 1).arg(categoryIndex); }
    void row(const QString &label, const QString &html) { m_out += u"<tr><th class=\"key\" width=\"28%\">"_s + label + u"</th><td>"_s + html + u"</td></tr>"_s; }

    void facts();
    void outcome();
    void contents();
    void previousDecision();
    void evidence();
    void verdict(int index, const RecordedVerdict &v);
    void reasons(const QList<Verdict::Reason> &rs, const Questionnaire &q);
    void checklist(int index, const Verdict &v);
    void answers();

    const ReviewReport::Sources &m_s;
    const Submission &m_sub;
    const Questionnaire &m_q;
    const ReviewReport::UserName &m_userName;
    QString m_out;
};

QString Writer::who(const QString &id) const
{
    const QString name = m_userName ? m_userName(id) : QString();
    if (name.isEmpty() || name == id)
        return e(id);
    return e(name) + u" <span class=\"muted\">("_s + e(id) + u")</span>"_s;
}

QString Writer::categoryTitle(const QString &key, const Questionnaire &q) const
{
    const Questionnaire::Category *c = q.category(key);
    return c ? e(c->title) : e(key);
}

QString Writer::run(const QString &title)
{
    m_out = u"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"/><meta name=\"generator\" content=\"Assay\"/><title>"_s + e(title)
        + u"</title><style>"_s + Style + u"</style></head><body>\n"_s;
    m_out += u"<h1>Review report: "_s + e(m_sub.summary.appName) + u"</h1>\n"_s;
    m_out += u"<p class=\"muted\">Built from the verdicts the marketplace recorded on submission "_s + e(m_sub.summary.id)
        + u", as cached when the report was made. Sections marked <span class=\"internal\">internal</span> are never shown to the partner.</p>\n"_s;
    facts();
    outcome();
    contents();
    previousDecision();
    evidence();
    for (int i = 0; i < m_sub.verdicts.size(); ++i)
        verdict(i, m_sub.verdicts.at(i));
    answers();
    m_out += u"</body></html>\n"_s;
    return m_out;
}

void Writer::facts()
{
    const SubmissionSummary &s = m_sub.summary;
    m_out += u"<h2><a name=\"facts\"></a>The submission</h2>\n"_s + Table;
    row(u"App"_s, e(s.appName) + u" <span class=\"muted\">("_s + e(s.appId) + u")</span>"_s);
    row(u"Partner"_s, e(s.partnerName) + u" <span class=\"muted\">("_s + e(s.partnerId) + u")</span>"_s);
    row(u"Submission"_s, e(s.id));
    row(u"Kind"_s, e(kindTitle(s.kind)) + (s.previousSubmissionId ? u"; previous submission "_s + e(*s.previousSubmissionId) : QString()));
    row(u"Questionnaire"_s, e(m_q.title) + u" — version "_s + e(s.questionnaireVersion));
    // Every stage may have decided on a different version (a return, a change
    // in between): each verdict says its own; this is the one that settled it.
    const RecordedVerdict &last = m_sub.verdicts.constLast();
    row(u"Version decided on"_s, QString::number(last.version)
            + (s.version != last.version ? u" <span class=\"missing\">(the submission is now at version %1)</span>"_s.arg(s.version) : QString()));
    row(u"Submitted"_s, e(when(s.submittedAt)));
    row(u"Last updated"_s, e(when(s.updatedAt)));
    m_out += u"</table>\n"_s;
}

void Writer::outcome()
{
    const SubmissionSummary &s = m_sub.summary;
    m_out += u"<h2><a name=\"outcome\"></a>Outcome</h2>\n"_s + Table;
    QString status;
    switch (s.status) {
    case SubmissionSummary::Status::Approved:
        status = u"<span class=\"decision ticked\">Approved</span> — Security Badge granted"_s;
        break;
    case SubmissionSummary::Status::Rejected:
        status = u"<span class=\"decision missing\">Rejected</span>"_s;
        break;
    case SubmissionSummary::Status::Withdrawn:
        status = u"Withdrawn by the partner"_s;
        break;
    case SubmissionSummary::Status::Submitted:
    case SubmissionSummary::Status::InReview:
        status = u"Not decided yet: "_s + e(SubmissionSummary::statusName(s.status)) + u", at the "_s
            + e(SubmissionSummary::stageName(s.stage)) + u" stage"_s;
        break;
    }
    row(u"Status"_s, status);
    if (s.badgeExpiresAt)
        row(u"Badge expires"_s, e(when(*s.badgeExpiresAt)));
    if (s.resubmissionAllowedAt)
        row(u"Resubmission allowed from"_s, e(when(*s.resubmissionAllowedAt)));
    QStringList signers;
    for (const RecordedVerdict &v : m_sub.verdicts)
        signers += e(stageTitle(v.stage)) + u": "_s + e(decisionTitle(v.verdict.decision)) + u" by "_s + who(v.by) + u", "_s + e(when(v.at));
    row(u"Signed"_s, signers.join(u"<br/>"_s));
    m_out += u"</table>\n"_s;
}

void Writer::contents()
{
    m_out += u"<h2><a name=\"contents\"></a>Contents</h2>\n<ul>"_s;
    if (m_sub.summary.previousSubmissionId)
        m_out += u"<li><a href=\"#previous\">The previous submission's decision</a></li>"_s;
    m_out += u"<li><a href=\"#evidence\">Evidence (%1)</a></li>"_s.arg(m_sub.evidence.size());
    for (int i = 0; i < m_sub.verdicts.size(); ++i) {
        const RecordedVerdict &v = m_sub.verdicts.at(i);
        m_out += u"<li><a href=\"#v%1\">Verdict %1: %2 — %3</a></li>"_s.arg(i + 1).arg(e(stageTitle(v.stage)), e(decisionTitle(v.verdict.decision)));
    }
    m_out += u"<li><a href=\"#answers\">Answers</a></li></ul>\n"_s;

    // By category: where the reasons are and how complete the checklist was
    // when the last verdict was recorded.
    const int lastIndex = int(m_sub.verdicts.size()) - 1;
    const Verdict &last = m_sub.verdicts.constLast().verdict;
    m_out += u"<h3>By category</h3>\n"_s + Table
        + u"<tr><th>Category</th><th>Reasons given</th><th>Required items ticked (last verdict)</th><th>Internal notes (last verdict)</th></tr>"_s;
    for (int c = 0; c < m_q.categories.size(); ++c) {
        const Questionnaire::Category &cat = m_q.categories.at(c);
        QStringList codes;
        for (const RecordedVerdict &v : m_sub.verdicts) {
            for (const Verdict::Reason &r : v.verdict.reasons) {
                if (r.category == cat.key && !codes.contains(r.code))
                    codes += r.code;
            }
        }
        int required = 0, ticked = 0, notes = last.notes.contains(cat.key) ? 1 : 0;
        for (const Questionnaire::ChecklistItem &item : cat.checklist) {
            if (item.required) {
                ++required;
                ticked += last.checklist.value(item.key, false) ? 1 : 0;
            }
            notes += last.notes.contains(item.key) ? 1 : 0;
        }
        QStringList shownCodes;
        for (const QString &code : std::as_const(codes))
            shownCodes += u"<span class=\"mono\">"_s + e(code) + u"</span>"_s;
        m_out += u"<tr><td><a href=\"#%1\">%2</a></td><td>%3</td><td%4>%5 / %6</td><td>%7</td></tr>"_s.arg(
            anchor(lastIndex, c), e(cat.title), shownCodes.isEmpty() ? u"—"_s : shownCodes.join(u", "_s),
            ticked < required ? u" class=\"missing\""_s : QString(), QString::number(ticked), QString::number(required),
            notes ? QString::number(notes) : u"—"_s);
    }
    m_out += u"</table>\n"_s;
}

void Writer::previousDecision()
{
    const std::optional<QString> &previousId = m_sub.summary.previousSubmissionId;
    if (!previousId)
        return;
    m_out += u"<h2><a name=\"previous\"></a>The previous submission's decision</h2>\n"_s;
    if (!m_s.previous || m_s.previous->summary.id != *previousId) {
        m_out += u"<p class=\"muted\">The previous submission "_s + e(*previousId) + u" is not in the cache.</p>\n"_s;
        return;
    }
    const Submission &prev = *m_s.previous;
    // The decision the partner answered: the last reject, else whatever
    // settled it (a revalidation follows an approve).
    const RecordedVerdict *decisive = nullptr;
    for (const RecordedVerdict &v : prev.verdicts) {
        if (v.verdict.decision == Verdict::Decision::Reject)
            decisive = &v;
    }
    if (!decisive && !prev.verdicts.isEmpty())
        decisive = &prev.verdicts.constLast();
    if (!decisive) {
        m_out += u"<p class=\"muted\">The previous submission "_s + e(prev.summary.id) + u" has no recorded verdict.</p>\n"_s;
        return;
    }
    const Questionnaire &q = m_s.previousQuestionnaire ? *m_s.previousQuestionnaire : m_q;
    m_out += u"<p>Submission "_s + e(prev.summary.id) + u" (version "_s + QString::number(decisive->version) + u"): <span class=\"decision\">"_s
        + e(decisionTitle(decisive->verdict.decision)) + u"</span> at the "_s + e(stageTitle(decisive->stage)).toLower() + u" by "_s
        + who(decisive->by) + u", "_s + e(when(decisive->at)) + u".</p>\n"_s;
    if (!decisive->verdict.summary.isEmpty())
        m_out += u"<p><b>Summary:</b> "_s + ml(decisive->verdict.summary) + u"</p>\n"_s;
    if (decisive->verdict.decision == Verdict::Decision::Reject)
        reasons(decisive->verdict.reasons, q);
}

void Writer::evidence()
{
    m_out += u"<h2><a name=\"evidence\"></a>Evidence</h2>\n"_s;
    if (m_sub.evidence.isEmpty()) {
        m_out += u"<p class=\"muted\">No evidence was attached.</p>\n"_s;
        return;
    }
    // Which answers cite each item, so the reader can find its context.
    QHash<QString, QStringList> citedBy;
    for (const Answer &a : m_sub.answers) {
        for (const QString &id : a.evidenceIds)
            citedBy[id] += a.questionKey;
    }
    m_out += Table + u"<tr><th width=\"24%\">Filename</th><th width=\"14%\">Declared type</th><th width=\"14%\">Size</th><th width=\"34%\">SHA-256</th><th width=\"14%\">Cited by</th></tr>"_s;
    for (const EvidenceItem &item : m_sub.evidence) {
        m_out += u"<tr><td>"_s + e(item.filename) + u"<br/><span class=\"muted\">"_s + e(item.id) + u"</span></td><td>"_s
            + e(item.mediaType) + u"</td><td>"_s + e(size(item.size)) + u"</td><td class=\"mono\">"_s + e(item.sha256)
            + u"</td><td>"_s + e(citedBy.value(item.id).join(u", "_s)) + u"</td></tr>"_s;
    }
    m_out += u"</table>\n"_s;
}

void Writer::verdict(int index, const RecordedVerdict &v)
{
    const Verdict &d = v.verdict;
    m_out += u"<h2><a name=\"v%1\"></a>Verdict %1: %2 — %3</h2>\n"_s.arg(index + 1).arg(e(stageTitle(v.stage)), e(decisionTitle(d.decision)));
    m_out += Table;
    row(u"Decision"_s, u"<span class=\"decision\">"_s + e(decisionTitle(d.decision)) + u"</span> <span class=\"mono\">("_s
            + e(Verdict::decisionName(d.decision)) + u")</span>"_s);
    row(u"Signed by"_s, who(v.by));
    row(u"At"_s, e(when(v.at)));
    row(u"On version"_s, QString::number(v.version));
    // What the partner receives (api.md): on a reject the summary and the
    // reasons; on an approve or a return nothing of this.
    const bool toPartner = d.decision == Verdict::Decision::Reject;
    const QString audience = toPartner ? u"<br/><span class=\"partner\">sent to the partner</span>"_s
                                       : u"<br/><span class=\"internal\">internal</span>"_s;
    row(u"Summary"_s + audience, d.summary.isEmpty() ? u"<span class=\"muted\">none given</span>"_s : ml(d.summary));
    m_out += u"</table>\n"_s;
    if (!d.reasons.isEmpty() || toPartner) {
        m_out += u"<h3>Reasons"_s + (toPartner ? u" <span class=\"partner\">(sent to the partner)</span>"_s : QString()) + u"</h3>\n"_s;
        reasons(d.reasons, m_q);
    }
    checklist(index, d);
}

void Writer::reasons(const QList<Verdict::Reason> &rs, const Questionnaire &q)
{
    if (rs.isEmpty()) {
        m_out += u"<p class=\"muted\">No reasons were given.</p>\n"_s;
        return;
    }
    m_out += Table + u"<tr><th width=\"18%\">Category</th><th width=\"20%\">Code</th><th width=\"40%\">The rubric's text</th><th width=\"22%\">Note</th></tr>"_s;
    for (const Verdict::Reason &r : rs) {
        QString rubric;
        if (const Questionnaire::Category *c = q.category(r.category)) {
            for (const Questionnaire::RejectionReason &known : c->rejectionReasons) {
                if (known.code == r.code)
                    rubric = e(known.text);
            }
        }
        if (rubric.isEmpty())
            rubric = u"<span class=\"missing\">not a code of this category in questionnaire "_s + e(q.version) + u"</span>"_s;
        m_out += u"<tr><td>"_s + categoryTitle(r.category, q) + u"</td><td class=\"mono\">"_s + e(r.code) + u"</td><td>"_s + rubric
            + u"</td><td>"_s + (r.note.isEmpty() ? u"—"_s : ml(r.note)) + u"</td></tr>"_s;
    }
    m_out += u"</table>\n"_s;
}

void Writer::checklist(int index, const Verdict &v)
{
    m_out += u"<h3>Checklist <span class=\"internal\">(internal)</span></h3>\n"_s;
    QSet<QString> shown;
    for (int c = 0; c < m_q.categories.size(); ++c) {
        const Questionnaire::Category &cat = m_q.categories.at(c);
        shown.insert(cat.key);
        m_out += u"<p><a name=\""_s + anchor(index, c) + u"\"></a><b>"_s + e(cat.title) + u"</b></p>\n"_s + Table
            + u"<tr><th width=\"12%\">Ticked</th><th width=\"50%\">Item</th><th width=\"13%\">Required</th><th width=\"25%\">Internal note</th></tr>"_s;
        for (const Questionnaire::ChecklistItem &item : cat.checklist) {
            shown.insert(item.key);
            QString state;
            if (!v.checklist.contains(item.key))
                state = item.required ? u"<span class=\"missing\">not recorded</span>"_s : u"not recorded"_s;
            else if (v.checklist.value(item.key))
                state = u"<span class=\"ticked\">ticked</span>"_s;
            else
                state = item.required ? u"<span class=\"missing\">not ticked</span>"_s : u"not ticked"_s;
            const QString note = v.notes.value(item.key);
            m_out += u"<tr><td>"_s + state + u"</td><td>"_s + e(item.text) + u" <span class=\"mono muted\">"_s + e(item.key)
                + u"</span></td><td>"_s + (item.required ? u"<b>required</b>"_s : u"optional"_s) + u"</td><td class=\"internal\">"_s
                + (note.isEmpty() ? QString() : ml(note)) + u"</td></tr>"_s;
        }
        m_out += u"</table>\n"_s;
        if (const QString note = v.notes.value(cat.key); !note.isEmpty())
            m_out += u"<p class=\"internal\">Internal note on "_s + e(cat.title) + u": "_s + ml(note) + u"</p>\n"_s;
    }
    // The server accepts only keys of the questionnaire; anything else came
    // from a newer or older rubric and is shown rather than lost.
    QString other;
    for (auto it = v.checklist.cbegin(); it != v.checklist.cend(); ++it) {
        if (!shown.contains(it.key()))
            other += u"<tr><td class=\"mono\">"_s + e(it.key()) + u"</td><td>"_s + (it.value() ? u"ticked"_s : u"not ticked"_s) + u"</td></tr>"_s;
    }
    for (auto it = v.notes.cbegin(); it != v.notes.cend(); ++it) {
        if (!shown.contains(it.key()))
            other += u"<tr><td class=\"mono\">"_s + e(it.key()) + u"</td><td class=\"internal\">"_s + ml(it.value()) + u"</td></tr>"_s;
    }
    if (!other.isEmpty())
        m_out += u"<p><b>Not in questionnaire "_s + e(m_q.version) + u"</b></p>\n"_s + Table + other + u"</table>\n"_s;
}

void Writer::answers()
{
    const qint64 decided = m_sub.verdicts.constLast().version;
    m_out += u"<h2><a name=\"answers\"></a>Answers</h2>\n<p class=\"muted\">The partner's answers as cached, version "_s
        + QString::number(m_sub.summary.version) + u"."_s
        + (m_sub.summary.version != decided ? u" <span class=\"missing\">The last verdict was on version %1.</span>"_s.arg(decided) : QString())
        + u"</p>\n"_s;
    QHash<QString, const EvidenceItem *> evidence;
    for (const EvidenceItem &item : m_sub.evidence)
        evidence.insert(item.id, &item);
    QHash<QString, const Answer *> byKey;
    for (const Answer &a : m_sub.answers)
        byKey.insert(a.questionKey, &a);
    auto answerRow = [&](const QString &key, const QString &questionHtml, const Answer *a) {
        QStringList files;
        if (a) {
            for (const QString &id : a->evidenceIds) {
                const EvidenceItem *item = evidence.value(id);
                files += item ? e(item->filename) : e(id);
            }
        }
        m_out += u"<tr><td class=\"mono\">"_s + e(key) + u"</td><td>"_s + questionHtml + (a ? ml(a->text) : u"<span class=\"missing\">no answer</span>"_s)
            + (files.isEmpty() ? QString() : u"<br/><span class=\"muted\">Evidence: "_s + files.join(u", "_s) + u"</span>"_s) + u"</td></tr>"_s;
    };
    QSet<QString> shown;
    for (const Questionnaire::Category &cat : m_q.categories) {
        m_out += u"<h3>"_s + e(cat.title) + u"</h3>\n"_s + Table;
        for (const Questionnaire::Question &question : cat.questions) {
            shown.insert(question.key);
            answerRow(question.key, u"<span class=\"muted\">"_s + e(question.text) + u"</span><br/>"_s, byKey.value(question.key));
        }
        m_out += u"</table>\n"_s;
    }
    const bool rest = std::any_of(m_sub.answers.cbegin(), m_sub.answers.cend(),
                                  [&shown](const Answer &a) { return !shown.contains(a.questionKey); });
    if (!rest)
        return;
    m_out += u"<h3>Not in questionnaire "_s + e(m_q.version) + u"</h3>\n"_s + Table;
    for (const Answer &a : m_sub.answers) {
        if (!shown.contains(a.questionKey))
            answerRow(a.questionKey, QString(), &a);
    }
    m_out += u"</table>\n"_s;
}

} // namespace

QString ReviewReport::escape(const QString &text, bool multiline)
{
    QString out;
    out.reserve(text.size() + text.size() / 8);
    // Code points, not UTF-16 units: a lone surrogate arrives as U+FFFD.
    const QList<uint> points = text.toUcs4();
    for (const uint p : points) {
        const auto c = char32_t(p);
        switch (c) {
        case U'<':
            out += u"&lt;"_s;
            continue;
        case U'>':
            out += u"&gt;"_s;
            continue;
        case U'&':
            out += u"&amp;"_s;
            continue;
        case U'"':
            out += u"&quot;"_s;
            continue;
        case U'\'':
            out += u"&#39;"_s;
            continue;
        case U'\t':
            out += u' ';
            continue;
        case U'\r':
            if (multiline)
                continue; // \r\n is one break
            break;
        case U'\n':
            if (multiline) {
                out += u"<br/>"_s;
                continue;
            }
            break;
        default:
            break;
        }
        if (shownAsCode(c))
            out += u"\\u{"_s + QString::number(uint(c), 16).toUpper().rightJustified(4, u'0') + u'}';
        else
            out += QString::fromUcs4(&c, 1);
    }
    return out;
}

Result<ReviewReport> ReviewReport::build(const Sources &sources, const UserName &userName)
{
    const Submission &s = sources.submission;
    if (s.verdicts.isEmpty())
        return Error{u"submission %1 has no recorded verdict yet: the report is built from the marketplace's record, "
                     "which a sync brings once a decision is accepted"_s.arg(s.summary.id)};
    if (sources.questionnaire.version != s.summary.questionnaireVersion)
        return Error{u"submission %1 uses questionnaire %2, not %3"_s.arg(s.summary.id, s.summary.questionnaireVersion,
                                                                         sources.questionnaire.version)};
    ReviewReport report;
    report.m_submissionId = s.summary.id;
    report.m_title = u"Review report: %1 (%2)"_s.arg(s.summary.appName, s.summary.id);
    report.m_html = Writer(sources, userName).run(report.m_title);
    return report;
}

Result<> ReviewReport::writeHtmlFile(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{u"cannot write %1: %2"_s.arg(QFileInfo(path).absoluteFilePath(), file.errorString())};
    const QByteArray bytes = m_html.toUtf8();
    if (file.write(bytes) != bytes.size() || !file.commit())
        return Error{u"cannot write %1: %2"_s.arg(QFileInfo(path).absoluteFilePath(), file.errorString())};
    return {};
}

Result<ReviewReport> ReviewReport::fromCache(Cache &cache, const QString &submissionId)
{
    const Result<Sources> sources = Sources::load(cache, submissionId);
    if (!sources)
        return sources.error();
    // Names as the last sync knew them; an unknown user shows as the id.
    return build(*sources, [&cache](const QString &userId) { return cache.users().name(userId); });
}

} // namespace assay
