/** A read rate: `read` of `total`, and the percentage with one decimal (0 when nothing to read). */
export interface ReadRate {
  read: number;
  total: number;
  percent: number;
}

export function readRate(read: number, total: number): ReadRate {
  const percent = total > 0 ? Math.round((read / total) * 1000) / 10 : 0;
  return { read, total, percent };
}
