// A search keystroke to the updated list at scale, through the queue's own
// model (QueueModel::setSearchText: the index's candidates, ranked, phrases
// checked, and the first page of the All view, best first), then the
// snippets of a screenful of rows (what the list's first paint asks for),
// against a floor: the same FTS statements the search runs (one MATCH per
// term, every row read) in the sqlite3 shell on the same file. For a rare
// word, a common word, a common prefix as typed, two words and a phrase of
// common words; p50/p95 of each and the ratio at p95. The single MATCH of
// all terms (which needs them in one index entry) is printed too, for
// scale. The shell's timer counts whole milliseconds.
//
// The cache is bench/QueueBenchData's (100,000 submissions with realistic
// answers and comments, kept in the build folder) when the build has it;
// without it, a smaller cache this seeds itself (--own N).
//
// Usage: bench_search [--runs N] [--count N] [--query TEXT]
// Figures only: never fails on time.

#include "bench/BenchSupport.h"
#include "domain/Submission.h"
#include "models/Cache.h"
#include "models/CacheConnection.h"
#include "models/QueueModel.h"
#include "models/SearchIndex.h"
#include "models/SearchQuery.h"
#include "models/SubmissionStore.h"
#ifdef ASSAY_HAVE_QUEUE_BENCH_DATA
#include "bench/QueueBenchData.h"
#endif

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTimeZone>

#include <cmath>
#include <cstdio>
#include <ctime>

using namespace assay;
using namespace assay::bench;
using namespace Qt::StringLiterals;

namespace {

// The rows a first paint shows (a list about 1000 px high).
constexpr int VisibleRows = 40;

// The fallback cache: `count` submissions of 20 answers and 3 comments from
// a fixed vocabulary, common words on every page and a few rare ones.
Result<QString> ownCache(int count)
{
    const QString dir = QCoreApplication::applicationDirPath() + u"/../bench-data"_s;
    if (!QDir().mkpath(dir))
        return Error{u"cannot make %1"_s.arg(dir)};
    QString path = dir + u"/search-%1-v1.sqlite"_s.arg(count);
    if (QFileInfo::exists(path))
        return path;
    const QString partial = path + u".partial"_s;
    std::ignore = QFile::remove(partial); // a half-written one from a killed run, or none
    std::printf("seeding %d submissions into %s (once)\n", count, qPrintable(path));
    std::fflush(stdout);
    static const QStringList common = QStringLiteral(
        "the data is encrypted at rest and in transit we use tls for every connection tokens are rotated "
        "access is logged reviewed by the security team each quarter customer records stored in postgresql "
        "with row level security backups run nightly retained for thirty days keys live in a managed vault "
        "only support staff can read production data after approval incidents are reported within hours "
        "our application never stores passwords in plain text sessions expire after inactivity").split(u' ');
    static const QStringList rare = {u"zeppelin"_s, u"quetzal"_s, u"okapi"_s, u"narwhal"_s, u"axolotl"_s};
    QRandomGenerator rng(42);
    {
        Cache cache;
        if (Result<> opened = cache.open(partial); !opened)
            return opened.error();
        QList<Submission> batch;
        for (int n = 0; n < count; ++n) {
            Submission s;
            s.summary.id = u"s_%1"_s.arg(n, 6, 10, QLatin1Char('0'));
            s.summary.version = 1;
            s.summary.appId = u"a_%1"_s.arg(n % 5000);
            s.summary.appName = u"App %1 %2"_s.arg(common.at(rng.bounded(int(common.size())))).arg(n % 5000);
            s.summary.partnerId = u"p_%1"_s.arg(n % 700);
            s.summary.partnerName = u"Partner %1"_s.arg(n % 700);
            s.summary.questionnaireVersion = u"2026.1"_s;
            s.summary.submittedAt = QDateTime(QDate(2025, 1, 1), QTime(0, 0), QTimeZone::UTC).addSecs(qint64(n) * 300);
            s.summary.updatedAt = s.summary.submittedAt;
            for (int a = 0; a < 20; ++a) {
                QStringList words;
                const int length = 20 + int(rng.bounded(40));
                for (int w = 0; w < length; ++w)
                    words.append(common.at(rng.bounded(int(common.size()))));
                if (rng.bounded(20000) == 0)
                    words.insert(int(rng.bounded(int(words.size()))), rare.at(rng.bounded(int(rare.size()))));
                s.answers.append({u"q%1"_s.arg(a), words.join(u' '), {}});
            }
            for (int c = 0; c < 3; ++c) {
                QStringList words;
                for (int w = 0; w < 12; ++w)
                    words.append(common.at(rng.bounded(int(common.size()))));
                s.comments.append({u"c_%1_%2"_s.arg(n).arg(c), u"u_bob"_s, Comment::Visibility::Internal,
                                   words.join(u' '), s.summary.submittedAt.addSecs(60 * (c + 1))});
            }
            batch.append(std::move(s));
            if (batch.size() == 500 || n == count - 1) {
                if (Result<> stored = cache.submissions().store(batch); !stored)
                    return stored.error();
                batch.clear();
            }
        }
    }
    if (!QFile::rename(partial, path))
        return Error{u"cannot move %1 into place"_s.arg(partial)};
    return path;
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype i = std::min<qsizetype>(values.size() - 1, qsizetype(std::lround(p * double(values.size() - 1))));
    return values.at(i);
}

// The FTS statements the search runs for a query, one per term, as plain SQL
// for the shell (the MATCH expressions inlined as string literals), every
// row stepped through as the search does.
QStringList floorSql(const SearchQuery &q)
{
    QStringList out;
    for (QString m : q.termMatches()) {
        m.replace(u'\'', u"''"_s);
        out.append(u"SELECT count(*) FROM (SELECT rowid FROM main.search WHERE search MATCH '%1');"_s.arg(m));
    }
    return out;
}

QString bareSql(const SearchQuery &q)
{
    QString m = q.ftsMatch();
    m.replace(u'\'', u"''"_s);
    return u"SELECT count(*) FROM search WHERE search MATCH '%1';"_s.arg(m);
}

struct Times
{
    QList<double> wall, cpu;
};

// Runs the statements `runs` times in one sqlite3 shell on the file; the
// wall and CPU (user + system) time of each run, summed over its
// statements, as the shell's timer measures them (wall to the millisecond,
// CPU to the microsecond).
Result<Times> shellTimes(const QString &path, const QStringList &statements, int runs)
{
    QString script = u".timer on\n"_s;
    for (int i = 0; i < runs + 2; ++i) // two warm-ups
        script += statements.join(u'\n') + u'\n';
    QProcess shell;
    shell.start(u"sqlite3"_s, {u"-readonly"_s, path});
    if (!shell.waitForStarted())
        return Error{u"cannot start the sqlite3 shell"_s};
    shell.write(script.toUtf8());
    shell.closeWriteChannel();
    if (!shell.waitForFinished(600000))
        return Error{u"the sqlite3 shell did not finish"_s};
    const QString out = QString::fromUtf8(shell.readAllStandardOutput() + shell.readAllStandardError());
    static const QRegularExpression timer(u"Run Time: real ([0-9.]+) user ([0-9.]+) sys ([0-9.]+)"_s);
    QList<double> wall, cpu;
    for (auto it = timer.globalMatch(out); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        wall.append(m.captured(1).toDouble() * 1000.0);
        cpu.append((m.captured(2).toDouble() + m.captured(3).toDouble()) * 1000.0);
    }
    const qsizetype k = statements.size();
    if (wall.size() != (runs + 2) * k)
        return Error{u"the shell said: %1"_s.arg(out.left(500))};
    Times t;
    for (int i = 2; i < runs + 2; ++i) {
        double w = 0, c = 0;
        for (qsizetype j = 0; j < k; ++j) {
            w += wall.at(i * k + j);
            c += cpu.at(i * k + j);
        }
        t.wall.append(w);
        t.cpu.append(c);
    }
    return t;
}

double cpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

struct Keystroke
{
    double ms = 0;  // wall, to the list with its snippets
    double cpu = 0; // CPU, the same
    double list = 0;     // CPU to the list's rows (setSearchText returned)
    double snippets = 0; // CPU of a screenful of snippets after it
    int rows = 0;
};

// One keystroke: the search typed into the model, then what its first paint
// reads (the snippets of the visible rows). Starts from no search.
Result<Keystroke> keystroke(QueueModel &model, const QString &text, const QString &failure)
{
    model.setSearchText(QString());
    QElapsedTimer t;
    t.start();
    const double cpu0 = cpuMs();
    // Laps in CPU time: on a shared machine the wall clock says more about
    // the neighbours.
    double mark = 0;
    const auto lap = [&mark, cpu0] {
        const double now = cpuMs() - cpu0;
        const double d = now - mark;
        mark = now;
        return d;
    };
    Keystroke k;
    model.setSearchText(text);
    k.list = lap();
    const int shown = std::min(VisibleRows, model.rowCount());
    int marked = 0;
    for (int row = 0; row < shown; ++row)
        marked += int(model.index(row, QueueModel::MatchColumn).data(QueueModel::MatchRangesRole).value<QList<QPoint>>().size());
    k.snippets = lap();
    k.cpu = mark;
    k.ms = double(t.nsecsElapsed()) / 1e6;
    k.rows = model.rowCount();
    if (!failure.isEmpty())
        return Error{failure};
    if (shown > 0 && marked == 0)
        return Error{u"no snippet marked a match"_s};
    return k;
}

// Words to search for, chosen from the index itself: the commonest word,
// a rare one, a prefix of the commonest, two common words, and a phrase
// taken from a document (its words common too).
Result<QList<std::pair<QString, QString>>> pickQueries(Cache &cache)
{
    QSqlQuery q(cache.connection().database());
    if (!q.exec(u"CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab USING fts5vocab(main, search, 'row')"_s))
        return Error{u"fts5vocab: failed"_s};
    QString commonest, second, rarest;
    if (!q.exec(u"SELECT term FROM temp.search_vocab WHERE length(term) >= 4 AND term GLOB '[a-z]*' "
                "ORDER BY doc DESC LIMIT 2"_s))
        return Error{u"vocabulary: failed"_s};
    if (q.next())
        commonest = q.value(0).toString();
    if (q.next())
        second = q.value(0).toString();
    if (!q.exec(u"SELECT term FROM temp.search_vocab WHERE doc BETWEEN 5 AND 60 AND length(term) >= 5 "
                "AND term GLOB '[a-z]*' ORDER BY doc DESC LIMIT 1"_s))
        return Error{u"vocabulary: failed"_s};
    if (q.next())
        rarest = q.value(0).toString();
    // A vocabulary without such a word (the queue bench's, whose rarest words
    // are in hundreds of submissions): the rarest it has.
    if (rarest.isEmpty()
        && q.exec(u"SELECT term FROM temp.search_vocab WHERE length(term) >= 4 AND term GLOB '[a-z]*' "
                  "ORDER BY doc ASC LIMIT 1"_s)
        && q.next())
        rarest = q.value(0).toString();
    if (commonest.isEmpty() || rarest.isEmpty())
        return Error{u"the cache's vocabulary has no common or no rare word"_s};
    // A phrase: three adjacent words of an answer in the middle of the cache.
    QString phrase;
    if (q.exec(u"SELECT a.text FROM answers a JOIN submissions s ON s.id = a.submission_id "
                "WHERE s.num = (SELECT max(num) / 2 FROM submissions) ORDER BY a.position LIMIT 1"_s)
        && q.next()) {
        const QList<SearchQuery::Token> tokens = SearchQuery::tokenize(q.value(0).toString());
        if (tokens.size() >= 6)
            phrase = tokens.at(3).folded + u' ' + tokens.at(4).folded + u' ' + tokens.at(5).folded;
    }
    QList<std::pair<QString, QString>> out = {
        {u"rare word"_s, rarest},
        {u"common word"_s, commonest},
        {u"common prefix, as typed"_s, commonest.left(2)},
        {u"two common words"_s, commonest + u' ' + second},
    };
    if (!phrase.isEmpty())
        out.append({u"phrase"_s, u"\"%1\""_s.arg(phrase)});
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"A search keystroke against the same FTS statement in the sqlite3 shell"_s);
    parser.addHelpOption();
    const QCommandLineOption runsOption(u"runs"_s, u"keystrokes per query (default 30)"_s, u"N"_s, u"30"_s);
    const QCommandLineOption countOption(u"count"_s, u"submissions in the cache (default 100000)"_s, u"N"_s, u"100000"_s);
    const QCommandLineOption ownOption(u"own"_s, u"seed this bench's own cache of N submissions"_s, u"N"_s);
    const QCommandLineOption queryOption(u"query"_s, u"measure this search only (words, \"phrases\")"_s, u"TEXT"_s);
    parser.addOptions({runsOption, countOption, ownOption, queryOption});
    parser.process(app);
    const int runs = std::max(3, parser.value(runsOption).toInt());
    const int count = parser.value(countOption).toInt();

    Result<QString> path = Error{u"no cache"_s};
#ifdef ASSAY_HAVE_QUEUE_BENCH_DATA
    if (!parser.isSet(ownOption))
        path = queueBenchCache(count);
    else
#endif
        path = ownCache(parser.isSet(ownOption) ? parser.value(ownOption).toInt() : std::min(count, 20000));
    if (!path) {
        std::fprintf(stderr, "bench_search: %s\n", qPrintable(path.error().message));
        return 1;
    }
    Cache cache;
    if (Result<> opened = cache.open(*path); !opened) {
        std::fprintf(stderr, "bench_search: %s\n", qPrintable(opened.error().message));
        return 1;
    }
    const Result<int> total = cache.submissions().count();
    const Result<QList<std::pair<QString, QString>>> queries = parser.isSet(queryOption)
        ? Result<QList<std::pair<QString, QString>>>(QList<std::pair<QString, QString>>{{u"given"_s, parser.value(queryOption)}})
        : pickQueries(cache);
    if (!total || !queries) {
        std::fprintf(stderr, "bench_search: %s\n", qPrintable((total ? queries.error() : total.error()).message));
        return 1;
    }
    std::printf("search keystroke (QueueModel: the list, then %d rows' snippets) against the same FTS statements in the\n"
                "sqlite3 shell, %d submissions in %s, %d keystrokes per query (p50 / p95, ms; CPU time too: the machine\n"
                "may be shared)\n\n",
                VisibleRows, *total, qPrintable(QFileInfo(*path).fileName()), runs);
    QueueModel model(&cache);
    QString failure;
    QObject::connect(&model, &QueueModel::readFailed, &model, [&failure](const QString &message) { failure = message; });
    QueueFilter all;
    all.view = SavedView::All;
    model.setFilter(all);
    for (const auto &[what, text] : *queries) {
        const SearchQuery q = SearchQuery::parse(text);
        QList<double> ours, oursCpu, list, snippets;
        for (int i = 0; i < runs + 2; ++i) {
            const Result<Keystroke> k = keystroke(model, text, failure);
            if (!k) {
                std::fprintf(stderr, "bench_search: %s: %s\n", qPrintable(what), qPrintable(k.error().message));
                return 1;
            }
            if (i >= 2) {
                ours.append(k->ms);
                oursCpu.append(k->cpu);
                list.append(k->list);
                snippets.append(k->snippets);
            }
        }
        // Counted once, outside the timing (the list does not count).
        const int hits = model.totalCount();
        const Result<Times> floor = shellTimes(*path, floorSql(q), runs);
        const Result<Times> bare = shellTimes(*path, {bareSql(q)}, runs);
        if (!floor || !bare) {
            std::fprintf(stderr, "bench_search: %s\n", qPrintable((floor ? bare.error() : floor.error()).message));
            return 1;
        }
        const double p95 = percentile(ours, 0.95), f95 = percentile(floor->wall, 0.95);
        const double c95 = percentile(oursCpu, 0.95), fc95 = percentile(floor->cpu, 0.95);
        const double l95 = percentile(list, 0.95);
        std::printf("%-24s %-28s %7d hits\n"
                    "  wall: keystroke %7.1f / %7.1f   shell %7.1f / %7.1f   (one MATCH of all terms %.1f / %.1f)\n"
                    "  CPU:  keystroke %7.1f / %7.1f   shell %7.1f / %7.1f\n"
                    "  -> p95: %.2fx the shell's wall time (a floor under 1 ms counted as 1 ms), %.2fx its CPU time;\n"
                    "     the list alone (without the snippets) %.2fx its CPU time\n",
                    qPrintable(what), qPrintable(text.left(28)), hits, percentile(ours, 0.5), p95,
                    percentile(floor->wall, 0.5), f95, percentile(bare->wall, 0.5), percentile(bare->wall, 0.95),
                    percentile(oursCpu, 0.5), c95, percentile(floor->cpu, 0.5), fc95, p95 / std::max(f95, 1.0),
                    c95 / std::max(fc95, 0.001), l95 / std::max(fc95, 0.001));
        std::printf("  (keystroke CPU p50 / p95: the list %.1f / %.1f, a screenful of snippets %.1f / %.1f)\n",
                    percentile(list, 0.5), l95, percentile(snippets, 0.5), percentile(snippets, 0.95));
    }
    return 0;
}
