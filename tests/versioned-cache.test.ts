import { describe, expect, it } from 'vitest';
import { VersionedCache } from '@/lib/cache/versioned-cache';

describe('VersionedCache', () => {
  it('computes once per key and version, again after the version changes', async () => {
    const cache = new VersionedCache();
    let calls = 0;
    const compute = async () => ++calls;
    expect(await cache.get('k', 'v1', compute)).toBe(1);
    expect(await cache.get('k', 'v1', compute)).toBe(1);
    expect(await cache.get('other', 'v1', compute)).toBe(2);
    expect(await cache.get('k', 'v2', compute)).toBe(3);
    expect(await cache.get('k', 'v2', compute)).toBe(3);
  });

  it('shares one computation between concurrent callers', async () => {
    const cache = new VersionedCache();
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const compute = async () => {
      calls++;
      await gate;
      return 'done';
    };
    const both = Promise.all([cache.get('k', 'v', compute), cache.get('k', 'v', compute)]);
    release();
    expect(await both).toEqual(['done', 'done']);
    expect(calls).toBe(1);
  });

  it('does not remember a failure', async () => {
    const cache = new VersionedCache();
    await expect(cache.get('k', 'v', () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
    expect(await cache.get('k', 'v', async () => 'recovered')).toBe('recovered');
  });

  it('drops the least recently used entry beyond its capacity', async () => {
    const cache = new VersionedCache(2);
    let calls = 0;
    const compute = async () => ++calls;
    await cache.get('a', 'v', compute); // 1
    await cache.get('b', 'v', compute); // 2
    await cache.get('a', 'v', compute); // hit: a is now the most recent
    await cache.get('c', 'v', compute); // 3, drops b
    expect(cache.size).toBe(2);
    expect(await cache.get('a', 'v', compute)).toBe(1);
    expect(await cache.get('b', 'v', compute)).toBe(4);
  });
});
