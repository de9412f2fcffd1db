import { describe, expect, it } from 'vitest';
import { auditQuery, csvExportHref, NO_FILTERS } from './auditApi';

describe('audit log filters → API query', () => {
  it('sends a day range as [start of the first day, start of the day after the last) in local time', () => {
    const query = auditQuery({ ...NO_FILTERS, from: '2026-03-01', to: '2026-03-31' });
    expect(query.from).toBe(new Date(2026, 2, 1).toISOString());
    expect(query.to).toBe(new Date(2026, 3, 1).toISOString());
  });

  it('leaves out empty and malformed filters', () => {
    expect(auditQuery({ ...NO_FILTERS, from: '2026-13-45', to: 'soon' })).toEqual({
      action: undefined,
      actorId: undefined,
      targetId: undefined,
      from: undefined,
      to: undefined,
    });
    expect(csvExportHref(NO_FILTERS)).toBe('/api/audit-log.csv');
  });

  it('puts the same filters on the CSV export as on the list', () => {
    const filters = { ...NO_FILTERS, action: 'plan.changed' as const, actorId: '7d6f4a2e-6b1c-4f6e-9a51-0c2b8a1d3e45' };
    const url = new URL(csvExportHref(filters), 'http://x');
    expect(url.pathname).toBe('/api/audit-log.csv');
    expect(Object.fromEntries(url.searchParams)).toEqual({ action: 'plan.changed', actorId: filters.actorId });
  });
});
