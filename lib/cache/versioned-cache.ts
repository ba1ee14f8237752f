/**
 * Results remembered per key for one data version: a new version (any write to the data) makes every
 * older entry a miss. Concurrent callers of the same key and version share one computation; a failed
 * computation is not remembered. At most `capacity` entries, least recently used dropped first.
 */
export class VersionedCache {
  private entries = new Map<string, { version: string; value: Promise<unknown> }>();

  constructor(private readonly capacity = 200) {}

  get<T>(key: string, version: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    this.entries.delete(key);
    if (hit && hit.version === version) {
      this.entries.set(key, hit); // most recently used goes last
      return hit.value as Promise<T>;
    }
    const value = compute();
    const entry = { version, value };
    this.entries.set(key, entry);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  get size() {
    return this.entries.size;
  }
}
