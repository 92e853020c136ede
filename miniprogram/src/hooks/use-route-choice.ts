import { useRouter } from '@tarojs/taro';
import { useState } from 'react';

/**
 * A page filter that a link may preset (`?group=waiting`, from a 工作台 tile): the query value when
 * it is one of `allowed`, else `fallback`; the page changes it as usual afterwards.
 */
export function useRouteChoice<V extends string>(name: string, allowed: readonly V[], fallback: V) {
  const given = useRouter().params[name];
  const initial = allowed.find((value) => value === given) ?? fallback;
  return useState<V>(initial);
}
