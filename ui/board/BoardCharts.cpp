#include "ui/board/BoardCharts.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QGridLayout>
#include <QLegendMarker>
#include <QLocale>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace assay {

namespace {

QChartView *makeView(const QString &title, const QString &accessibleName)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto *view = new QChartView(chart);
    view->setRenderHint(QPainter::Antialiasing);
    view->setAccessibleName(accessibleName);
    view->setMinimumHeight(220);
    return view;
}

// Replaces the chart's series and axes with `series` over `categories`.
void fill(QChart *chart, QAbstractBarSeries *series, const QStringList &categories, double max, const QString &valueTitle,
          const QString &categoryTitle = {})
{
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    x->setTitleText(categoryTitle);
    auto *y = new QValueAxis;
    y->setTitleText(valueTitle);
    // Whole steps for counts; a little headroom above the tallest bar.
    y->setRange(0, std::max(1.0, std::ceil(max * 1.1)));
    y->setLabelFormat(QStringLiteral("%.0f"));
    y->applyNiceNumbers();
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
}

} // namespace

BoardCharts::BoardCharts(QWidget *parent)
    : QWidget(parent)
    , m_decisions(makeView(tr("Decisions per week"), tr("Decisions per week per reviewer")))
    , m_stages(makeView(tr("Time in each stage"), tr("Time in each stage, median and 90th percentile")))
    , m_ageing(makeView(tr("Ageing of the open queue"), tr("Open submissions by age")))
{
    setAccessibleName(tr("Charts"));
    auto *layout = new QGridLayout(this);
    layout->addWidget(m_decisions, 0, 0, 1, 2);
    layout->addWidget(m_stages, 1, 0);
    layout->addWidget(m_ageing, 1, 1);
    layout->setRowStretch(0, 3);
    layout->setRowStretch(1, 2);
    applyPalette();
}

QChart *BoardCharts::decisionsChart() const
{
    return m_decisions->chart();
}

QChart *BoardCharts::stageChart() const
{
    return m_stages->chart();
}

QChart *BoardCharts::ageingChart() const
{
    return m_ageing->chart();
}

void BoardCharts::setData(const BoardStats::DecisionsPerWeek &decisions, const QList<BoardStats::StageTime> &stages,
                          const BoardStats::Ageing &ageing)
{
    const QLocale locale;
    QStringList weeks;
    for (const QDate &d : decisions.weeks)
        weeks.append(locale.toString(d, QStringLiteral("d MMM")));
    auto *stacked = new QStackedBarSeries;
    QList<int> totals(decisions.weeks.size(), 0);
    QStringList described;
    for (const BoardStats::DecisionsPerWeek::Series &s : decisions.series) {
        auto *set = new QBarSet(s.name);
        int sum = 0;
        for (qsizetype i = 0; i < s.counts.size(); ++i) {
            set->append(s.counts.at(i));
            totals[i] += s.counts.at(i);
            sum += s.counts.at(i);
        }
        stacked->append(set);
        described.append(tr("%1: %2").arg(s.name).arg(sum));
    }
    fill(decisionsChart(), stacked, weeks, totals.isEmpty() ? 0 : *std::ranges::max_element(totals), tr("Decisions"));
    m_decisions->setAccessibleDescription(described.isEmpty()
                                              ? tr("No decisions in these weeks.")
                                              : tr("Decisions in the last %Ln week(s): ", nullptr, int(weeks.size()))
                                                    + described.join(QStringLiteral(", ")));

    auto *bars = new QBarSeries;
    auto *median = new QBarSet(tr("Median"));
    auto *p90 = new QBarSet(tr("90th percentile"));
    QStringList stageNames;
    double longest = 0;
    for (const BoardStats::StageTime &t : stages) {
        stageNames.append(t.stage == QLatin1String("security") ? tr("Security") : tr("Review"));
        median->append(t.medianDays);
        p90->append(t.p90Days);
        longest = std::max(longest, t.p90Days);
    }
    bars->append(median);
    bars->append(p90);
    fill(stageChart(), bars, stageNames, longest, tr("Days"));
    QStringList stageText;
    for (const BoardStats::StageTime &t : stages)
        stageText.append(tr("%1: median %2 days, 90th percentile %3 days")
                             .arg(t.stage == QLatin1String("security") ? tr("Security") : tr("Review"))
                             .arg(t.medianDays, 0, 'f', 1)
                             .arg(t.p90Days, 0, 'f', 1));
    m_stages->setAccessibleDescription(stageText.join(QStringLiteral("; ")));

    auto *ages = new QBarSeries;
    auto *open = new QBarSet(tr("Open submissions"));
    QStringList buckets;
    int most = 0;
    QStringList ageText;
    for (int b = 0; b < BoardStats::BucketCount; ++b) {
        const int n = ageing.counts.at(std::size_t(b));
        buckets.append(BoardStats::bucketName(b));
        open->append(n);
        most = std::max(most, n);
        ageText.append(tr("%1 days: %2").arg(buckets.last()).arg(n));
    }
    ages->append(open);
    fill(ageingChart(), ages, buckets, most, tr("Submissions"), tr("Days since submitted"));
    // One series: its name is the axis title already.
    ageingChart()->legend()->setVisible(false);
    m_ageing->setAccessibleDescription(ageText.join(QStringLiteral(", ")));
    applyPalette();
}

void BoardCharts::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void BoardCharts::applyPalette()
{
    for (QChart *chart : {decisionsChart(), stageChart(), ageingChart()})
        applyPalette(chart);
}

void BoardCharts::applyPalette(QChart *chart)
{
    const QPalette p = palette();
    const bool dark = p.color(QPalette::Window).lightness() < 128;
    // The theme first (it resets colours), then the palette's own roles.
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(p.brush(QPalette::Base));
    chart->setBackgroundPen(QPen(p.color(QPalette::Mid)));
    chart->setTitleBrush(p.brush(QPalette::Text));
    chart->legend()->setLabelColor(p.color(QPalette::Text));
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsColor(p.color(QPalette::Text));
        axis->setTitleBrush(p.brush(QPalette::Text));
        axis->setLinePenColor(p.color(QPalette::Mid));
        axis->setGridLineColor(p.color(QPalette::Midlight));
    }
    // A single series in the palette's highlight; the 90th percentile a
    // shade apart from the median.
    const QList<QAbstractSeries *> series = chart->series();
    if (series.size() != 1)
        return;
    auto *bars = qobject_cast<QAbstractBarSeries *>(series.first());
    if (!bars || qobject_cast<QStackedBarSeries *>(bars))
        return;
    const QList<QBarSet *> sets = bars->barSets();
    const QColor highlight = p.color(QPalette::Highlight);
    for (qsizetype i = 0; i < sets.size(); ++i) {
        const QColor c = i == 0 ? highlight : (dark ? highlight.lighter(150) : highlight.darker(150));
        sets.at(i)->setColor(c);
        sets.at(i)->setBorderColor(c);
        sets.at(i)->setLabelColor(p.color(QPalette::HighlightedText));
    }
}

} // namespace assay
