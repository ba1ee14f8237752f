import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_AREAS } from '@/i18n/client-areas';

/** Every .ts/.tsx file under the folders pages and components live in. */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe('catalog areas sent to the browser', () => {
  // Every useTranslations call, not only those in 'use client' files: a hook-using component a client component
  // imports renders in the browser too.
  it("hold every area a component reads with the hook (else the browser would show the message's key)", () => {
    const read = new Map<string, string>();
    for (const file of ['app', 'components', 'i18n'].flatMap(sources)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/useTranslations\(\s*'([A-Za-z]+)/g)) read.set(m[1], file);
    }
    expect(read.size).toBeGreaterThan(5); // the scan finds the client components
    const missing = [...read].filter(([area]) => !(CLIENT_AREAS as readonly string[]).includes(area)).map(([area, file]) => `${area} (${file})`);
    expect(missing).toEqual([]);
  });
});
