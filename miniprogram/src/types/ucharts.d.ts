/** The part of uCharts (https://www.ucharts.cn, Apache-2.0) that <Chart> uses; it ships no types. */
declare module '@qiun/ucharts' {
  export interface UChartsTouchEvent {
    changedTouches: Array<{ x: number; y: number }>;
  }
  export default class UCharts {
    constructor(options: Record<string, unknown>);
    getCurrentDataIndex(event: UChartsTouchEvent): number | { index: number; group: number[] };
    showToolTip(event: UChartsTouchEvent, options?: Record<string, unknown>): void;
  }
}
