import { Canvas, Text, View } from '@tarojs/components';
import { isBlankChart, type ChartSpec } from '@linli/shared';
import UCharts from '@qiun/ucharts';
import { useEffect, useMemo, useRef } from 'react';
import { findPageCanvas, prepareDomCanvas, tapPoint } from './canvas-node';
import { uchartsOptions } from './ucharts-options';
import './index.css';

let nextId = 0;

/**
 * One chart, drawn by uCharts on a 2d canvas in WeChat and H5 alike. The caller keeps the figures
 * as text beside it (lists, legends with links), so nothing is only in the picture; the summary
 * rides along as `data-summary`. Tapping shows a tooltip, or with `onSelect`, opens what was tapped.
 */
export function Chart({
  spec,
  height = 160,
  onSelect,
  empty = '暂无数据',
}: {
  spec: ChartSpec;
  /** CSS pixels; the width is the container's. */
  height?: number;
  onSelect?: (index: number) => void;
  empty?: string;
}) {
  const id = useMemo(() => `linli-chart-${++nextId}`, []);
  const drawn = useRef<UCharts | null>(null);
  const domCanvas = useRef<HTMLCanvasElement | null>(null);
  // WeChat reports canvas-relative x/y on touchend only; the tap that follows uses that point.
  const lastTouch = useRef<{ x: number; y: number } | null>(null);
  const key = JSON.stringify(spec);
  const blank = isBlankChart(spec);

  /**
   * A tap on a drawn chart: with `onSelect`, open what was hit; on columns and bars, show that
   * column's tooltip. Either way the tap stops here, so a tile around the chart does not open its
   * own list as well. A tap on an arc, or one that hits nothing (a ring's hole), goes on to the
   * tile.
   */
  const onTap = (point: { x: number; y: number } | null, stop: () => void) => {
    const chart = drawn.current;
    if (!chart || !point) return;
    const touch = { changedTouches: [point] };
    if (onSelect) {
      const hit = chart.getCurrentDataIndex(touch);
      const index = typeof hit === 'number' ? hit : hit.index;
      if (index < 0) return;
      stop();
      onSelect(index);
    } else if (spec.kind === 'column' || spec.kind === 'bar') {
      stop();
      chart.showToolTip(touch);
    }
  };
  const latestTap = useRef(onTap);
  latestTap.current = onTap;

  useEffect(() => {
    if (blank) return;
    let live = true;
    // Drawn after the canvas is laid out; a spec that changes meanwhile draws its own.
    const timer = setTimeout(() => {
      const found =
        process.env.TARO_ENV === 'h5'
          ? Promise.resolve(prepareDomCanvas(domCanvas.current))
          : findPageCanvas(id);
      void found.then((target) => {
        if (!live || !target) return;
        drawn.current = new UCharts({ ...uchartsOptions(spec, target), context: target.context });
      });
    }, 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `key` stands for the spec's content: a new object with the same figures does not redraw.
  }, [id, key, height, blank]);

  // H5 listens on the canvas itself: Taro's H5 components attach their handlers natively, so a
  // tile's onClick would run before a React handler here could stop the tap.
  useEffect(() => {
    const canvas = domCanvas.current;
    if (process.env.TARO_ENV !== 'h5' || !canvas) return;
    const listener = (event: MouseEvent) =>
      latestTap.current(tapPoint(event, canvas), () => event.stopPropagation());
    canvas.addEventListener('click', listener);
    return () => canvas.removeEventListener('click', listener);
  }, [blank]);

  if (blank) return <Text className="chart__empty">{empty}</Text>;
  return (
    <View className="chart" style={{ height: `${height}px` }} data-summary={spec.summary}>
      {process.env.TARO_ENV === 'h5' ? (
        <canvas ref={domCanvas} className="chart__canvas" />
      ) : (
        <Canvas
          type="2d"
          id={id}
          className="chart__canvas"
          onTouchEnd={(e) => (lastTouch.current = tapPoint(e))}
          onClick={(e) => onTap(lastTouch.current, () => e.stopPropagation())}
        />
      )}
    </View>
  );
}
export { ChartLegend, type LegendRow } from './chart-legend';
export { ChartBeside } from './chart-beside';
