// The evaluation's charts, loaded in a chunk of their own the first time the page shows one (ECharts is large):
// only the chart kinds and components used here are registered. The chart element is a small wrapper of our own
// (echarts-for-react 3.0.6 imports tslib without declaring it as a dependency).
import { BarChart, LineChart, RadarChart } from 'echarts/charts'
import {
  GridComponent,
  LegendComponent,
  RadarComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'

echarts.use([
  BarChart,
  LineChart,
  RadarChart,
  GridComponent,
  LegendComponent,
  RadarComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
])

export interface Series {
  name: string
  values: (number | null)[]
}

/** One chart: made when mounted, given each new option whole, resized with its box, disposed when unmounted. */
function Chart({ option, testId, height = 260 }: { option: unknown; testId: string; height?: number }) {
  const box = useRef<HTMLDivElement>(null)
  const chart = useRef<echarts.ECharts | null>(null)
  useEffect(() => {
    if (!box.current) return
    const c = echarts.init(box.current)
    chart.current = c
    const observer = new ResizeObserver(() => c.resize())
    observer.observe(box.current)
    return () => {
      observer.disconnect()
      c.dispose()
      chart.current = null
    }
  }, [])
  useEffect(() => {
    chart.current?.setOption(option as echarts.EChartsCoreOption, true)
  }, [option])
  return <div ref={box} style={{ height, width: '100%' }} data-testid={testId} />
}

/** One line per platform across periods. */
export function TrendChart(props: {
  title: string
  periods: string[]
  series: Series[]
  testId: string
  percent?: boolean
}) {
  const option = {
    title: { text: props.title, left: 0, top: 0, textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, right: 0 },
    grid: { top: 64, left: 48, right: 16, bottom: 32 },
    xAxis: { type: 'category', data: props.periods },
    yAxis: props.percent
      ? { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } }
      : { type: 'value' },
    series: props.series.map((s) => ({ name: s.name, type: 'line', data: s.values, connectNulls: true })),
  }
  return <Chart option={option} testId={props.testId} />
}

/** Each platform's indicator scores (0–100) on one radar. */
export function RadarScores(props: {
  title: string
  indicators: string[]
  series: Series[]
  testId: string
}) {
  const option = {
    title: { text: props.title, left: 0, top: 0, textStyle: { fontSize: 14 } },
    tooltip: {},
    legend: { bottom: 0 },
    radar: {
      indicator: props.indicators.map((name) => ({ name, max: 100 })),
      center: ['50%', '52%'],
      radius: '62%',
    },
    series: [
      {
        type: 'radar',
        data: props.series.map((s) => ({ name: s.name, value: s.values.map((v) => v ?? 0) })),
      },
    ],
  }
  return <Chart option={option} testId={props.testId} height={340} />
}

/** One bar per subject (county or platform). */
export function Bars(props: { title: string; names: string[]; values: (number | null)[]; testId: string }) {
  const option = {
    title: { text: props.title, left: 0, top: 0, textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    grid: { top: 40, left: 48, right: 16, bottom: 48 },
    xAxis: {
      type: 'category',
      data: props.names,
      axisLabel: { interval: 0, rotate: props.names.length > 5 ? 30 : 0 },
    },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: [{ type: 'bar', data: props.values, barMaxWidth: 32, label: { show: true, position: 'top' } }],
  }
  return <Chart option={option} testId={props.testId} />
}

export default { TrendChart, RadarScores, Bars }
