/** A small seeded PRNG (mulberry32) so the demo estate is the same on every machine. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number): number => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (probability: number): boolean => next() < probability,
  };
}
export type Random = ReturnType<typeof seededRandom>;

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉兰飞鹏辉丹玲萍宇浩然子涵欣怡梓轩一诺思远雨桐佳琪俊杰';

export function chineseName(random: Random, surname?: string): string {
  const family = surname ?? random.pick([...SURNAMES]);
  const length = random.chance(0.6) ? 2 : 1;
  let given = '';
  for (let i = 0; i < length; i++) given += random.pick([...GIVEN]);
  return family + given;
}
