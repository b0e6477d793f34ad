#pragma once

#include "models/BoardStats.h"

#include <QWidget>

class QChart;
class QChartView;

namespace assay {

// The lead's charts, drawn from the cache's figures (BoardStats): decisions
// per week per reviewer (stacked bars), time in each stage (median and 90th
// percentile) and the ageing of the open queue. Colours follow the palette
// (a dark theme under a dark palette), and follow it when it changes.
class BoardCharts : public QWidget
{
    Q_OBJECT

public:
    explicit BoardCharts(QWidget *parent = nullptr);

    void setData(const BoardStats::DecisionsPerWeek &decisions, const QList<BoardStats::StageTime> &stages,
                 const BoardStats::Ageing &ageing);

    QChart *decisionsChart() const;
    QChart *stageChart() const;
    QChart *ageingChart() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyPalette(QChart *chart);
    void applyPalette();

    QChartView *m_decisions;
    QChartView *m_stages;
    QChartView *m_ageing;
};

} // namespace assay
