#!/usr/bin/env node
// Draws the tab bar icons (WeChat wants PNG files, not SVG or fonts) as plain shapes, so they can
// be redrawn in any colour without an image editor: `node miniprogram/scripts/draw-tab-icons.mjs`.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 81; // WeChat's recommended 81×81 px
const SAMPLES = 4; // 4×4 supersampling for smooth edges
const COLORS = { normal: [0x6b, 0x72, 0x80], active: [0x16, 0xa3, 0x4a] };
const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'assets', 'tab-bar');

// Shapes on a 0..1 square; each answers whether a point is inside.
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const ring = (cx, cy, r0, r1) => (x, y) => {
  const d = (x - cx) ** 2 + (y - cy) ** 2;
  return d >= r0 * r0 && d <= r1 * r1;
};
const triangle = (ax, ay, bx, by, cx, cy) => (x, y) => {
  const side = (px, py, qx, qy) => (qx - px) * (y - py) - (qy - py) * (x - px);
  const s1 = side(ax, ay, bx, by);
  const s2 = side(bx, by, cx, cy);
  const s3 = side(cx, cy, ax, ay);
  return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
};
const union =
  (...shapes) =>
  (x, y) =>
    shapes.some((s) => s(x, y));
const minus = (shape, hole) => (x, y) => shape(x, y) && !hole(x, y);
const rotated = (shape, cx, cy, degrees) => {
  const a = (-degrees * Math.PI) / 180;
  return (x, y) =>
    shape(
      cx + (x - cx) * Math.cos(a) - (y - cy) * Math.sin(a),
      cy + (x - cx) * Math.sin(a) + (y - cy) * Math.cos(a),
    );
};

const icons = {
  // 首页: a house with a door
  home: minus(
    union(triangle(0.5, 0.12, 0.1, 0.48, 0.9, 0.48), rect(0.2, 0.44, 0.8, 0.86)),
    rect(0.42, 0.6, 0.58, 0.86),
  ),
  // 缴费: a bill with lines on it
  bills: minus(
    rect(0.2, 0.12, 0.8, 0.88),
    union(rect(0.3, 0.28, 0.7, 0.34), rect(0.3, 0.44, 0.7, 0.5), rect(0.3, 0.6, 0.55, 0.66)),
  ),
  // 报修: a wrench
  repair: rotated(
    union(minus(ring(0.5, 0.27, 0.08, 0.19), rect(0.45, 0.0, 0.55, 0.25)), rect(0.43, 0.42, 0.57, 0.9)),
    0.5,
    0.5,
    45,
  ),
  // 我的: a person
  mine: union(circle(0.5, 0.32, 0.17), minus(circle(0.5, 0.98, 0.38), rect(0, 0.9, 1, 1))),
};

function png(pixels) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'ascii');
    data.copy(out, 8);
    out.writeUInt32BE(crc(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) pixels.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function draw(shape, [r, g, b]) {
  const pixels = Buffer.alloc(SIZE * SIZE * 4);
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          if (shape((px + (sx + 0.5) / SAMPLES) / SIZE, (py + (sy + 0.5) / SAMPLES) / SIZE)) covered++;
        }
      }
      pixels.set([r, g, b, Math.round((255 * covered) / SAMPLES ** 2)], (py * SIZE + px) * 4);
    }
  }
  return png(pixels);
}

for (const [name, shape] of Object.entries(icons)) {
  writeFileSync(join(outDir, `${name}.png`), draw(shape, COLORS.normal));
  writeFileSync(join(outDir, `${name}-active.png`), draw(shape, COLORS.active));
}
console.log(`drew ${Object.keys(icons).length * 2} icons into ${outDir}`);
