import Taro from '@tarojs/taro';

/** A 2d canvas ready to draw on: its context, CSS size and the screen's pixel ratio. */
export interface CanvasTarget {
  context: CanvasRenderingContext2D;
  width: number;
  height: number;
  pixelRatio: number;
}

/**
 * An H5 <canvas> sized to its CSS box × pixel ratio. H5 draws on a plain DOM canvas rather than
 * Taro's <Canvas>: that web component resets its bitmap (canvas.width = …) whenever it re-renders,
 * which any new event handler prop triggers, wiping the chart.
 */
export function prepareDomCanvas(canvas: HTMLCanvasElement | null): CanvasTarget | null {
  const context = canvas?.getContext('2d');
  if (!canvas || !context) return null;
  const { width, height } = canvas.getBoundingClientRect();
  return sized(canvas, context, width, height, window.devicePixelRatio || 1);
}

/**
 * WeChat's <Canvas type="2d" id=…>, found through a selector query and sized to CSS size × pixel
 * ratio. Resolves null where there is no canvas (the miniprogram-simulate test renderer).
 */
export function findPageCanvas(id: string): Promise<CanvasTarget | null> {
  return new Promise((resolve) => {
    try {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((result: Array<{ node?: HTMLCanvasElement; width?: number; height?: number } | null>) => {
          const found = result?.[0];
          const context = found?.node?.getContext?.('2d');
          if (!found?.node || !context || !found.width || !found.height) return resolve(null);
          resolve(
            sized(found.node, context, found.width, found.height, Taro.getWindowInfo().pixelRatio || 1),
          );
        });
    } catch {
      resolve(null);
    }
  });
}

function sized(
  canvas: HTMLCanvasElement,
  context: CanvasRenderingContext2D,
  width: number,
  height: number,
  pixelRatio: number,
): CanvasTarget | null {
  if (width <= 0 || height <= 0) return null;
  canvas.width = Math.round(width * pixelRatio);
  canvas.height = Math.round(height * pixelRatio);
  return { context, width, height, pixelRatio };
}

/** Where a tap landed, in CSS pixels from the canvas's top-left corner. */
export function tapPoint(
  event: {
    changedTouches?: ArrayLike<{ x?: number; y?: number; clientX?: number; clientY?: number }>;
    clientX?: number;
    clientY?: number;
  },
  element?: Element,
): { x: number; y: number } | null {
  const touch = event.changedTouches?.[0];
  // WeChat's canvas touch events already carry canvas-relative x/y.
  if (touch && typeof touch.x === 'number' && typeof touch.y === 'number') return { x: touch.x, y: touch.y };
  const rect = element?.getBoundingClientRect();
  const clientX = touch?.clientX ?? event.clientX;
  const clientY = touch?.clientY ?? event.clientY;
  if (!rect || clientX === undefined || clientY === undefined) return null;
  return { x: clientX - rect.left, y: clientY - rect.top };
}
