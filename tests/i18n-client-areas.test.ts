import { describe, expect, it } from 'vitest';
import { CLIENT_NAMESPACES, clientMessages } from '@/i18n/client-areas';
import { MESSAGES } from '@/messages';
import { clientNamespaces } from './helpers/client-namespaces';

describe('catalog namespaces sent to the browser', () => {
  it('are exactly those the client components and their imports read (else the browser shows keys, or gets words it never uses)', () => {
    const { namespaces, files } = clientNamespaces();
    expect(files.length).toBeGreaterThan(50); // the scan follows the imports of the 'use client' files
    // A namespace inside another one it also reads travels with the outer one.
    const needed = namespaces.filter((n) => !namespaces.some((o) => n.startsWith(`${o}.`)));
    expect([...CLIENT_NAMESPACES].sort()).toEqual(needed);
  });

  it('carry those namespaces whole, in the catalog shape, and nothing else', () => {
    const sent = clientMessages(MESSAGES.en);
    expect(sent.charts).toEqual(MESSAGES.en.charts);
    expect(sent.admin?.sso).toEqual(MESSAGES.en.admin.sso);
    expect(Object.keys(sent.admin ?? {}).sort()).toEqual(CLIENT_NAMESPACES.filter((n) => n.startsWith('admin.')).map((n) => n.slice(6)).sort());
    expect(sent.dashboard).toEqual({ filters: MESSAGES.en.dashboard.filters, teamTable: MESSAGES.en.dashboard.teamTable, usageTables: MESSAGES.en.dashboard.usageTables, usageTrend: MESSAGES.en.dashboard.usageTrend });
    expect('trends' in sent).toBe(false);
    expect(Object.keys(clientMessages(MESSAGES.ko)).sort()).toEqual([...new Set(CLIENT_NAMESPACES.map((n) => n.split('.')[0]))].sort());
  });
});
