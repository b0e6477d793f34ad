#pragma once

#include "domain/Result.h"
#include "models/ReviewReportSources.h"

#include <QString>

#include <functional>

namespace assay {

class Cache;

// The review report of one submission: what was decided, on which version,
// by whom, why, and what stays internal — built only from the record the
// server confirmed (the submission's `verdicts`), never from local drafts or
// the outbox, so it says what the marketplace holds. The result is HTML that
// QTextDocument renders (tables and the CSS subset it supports), so the same
// text becomes the PDF (ui/review/ReviewReportPdf) and the HTML export.
// Everything the partner or a reviewer wrote is escaped: the report is
// opened in browsers and mail clients too.
class ReviewReport
{
public:
    // A user's display name for an id; may return the id itself.
    using UserName = std::function<QString(const QString &userId)>;

    using Sources = ReviewReportSources;

    ReviewReport() = default;

    // Fails with a reason when there is nothing to report (no recorded
    // verdict yet) or the questionnaire is not the submission's.
    static Result<ReviewReport> build(const Sources &sources, const UserName &userName);

    // The report of a submission in a profile's cache, signers named as the
    // cache knows them: what the export command and the review screen's menu
    // both call.
    static Result<ReviewReport> fromCache(Cache &cache, const QString &submissionId);

    QString submissionId() const { return m_submissionId; }
    // "Review report: APP (SUBMISSION)": for a window, a PDF's metadata.
    QString title() const { return m_title; }
    // A complete HTML document (UTF-8 when written as such; it says so).
    QString html() const { return m_html; }

    // Writes the HTML (UTF-8) whole or not at all (QSaveFile).
    Result<> writeHtmlFile(const QString &path) const;

    // Text as HTML: escaped, and control and bidirectional-override
    // characters shown as \u{…} so a hostile filename cannot reorder or hide
    // what is around it. Line breaks become <br/> when `multiline`.
    static QString escape(const QString &text, bool multiline = false);

private:
    QString m_submissionId;
    QString m_title;
    QString m_html;
};

} // namespace assay
