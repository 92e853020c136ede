// aedes-persistence-redis ships no types; the bridge creates it and destroys it, aedes does the rest.
declare module 'aedes-persistence-redis' {
  import type { RedisOptions } from 'ioredis';
  export default function redisPersistence(options?: RedisOptions & { maxSessionDelivery?: number }): {
    destroy(): Promise<void>;
  };
}
