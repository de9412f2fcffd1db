import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AuditAction, AuditEvent, AuditPage } from '../../../shared/audit.js';
import { get, withQuery } from '../../api/client';
import type { Member, MemberListResponse } from '../../api/types';
import { USERS_KEY } from '../users/usersApi';

const PAGE_SIZE = 50;

/** The filters as the page holds them (and the address bar shows them): dates are calendar days. */
export interface AuditFilters {
  action: AuditAction | '';
  actorId: string;
  targetId: string;
  /** YYYY-MM-DD, the first day shown (from its start, in the browser's time zone). */
  from: string;
  /** YYYY-MM-DD, the last day shown (to its end). */
  to: string;
}

export const NO_FILTERS: AuditFilters = { action: '', actorId: '', targetId: '', from: '', to: '' };

const startOfDay = (day: string) => new Date(`${day}T00:00:00`);
const isDay = (day: string) => /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(startOfDay(day).getTime());

/** The API's query for these filters: `to` is exclusive, so the last day runs to the next midnight. */
export function auditQuery(filters: AuditFilters): Record<string, string | undefined> {
  let to: string | undefined;
  if (isDay(filters.to)) {
    const next = startOfDay(filters.to);
    next.setDate(next.getDate() + 1);
    to = next.toISOString();
  }
  return {
    action: filters.action || undefined,
    actorId: filters.actorId || undefined,
    targetId: filters.targetId || undefined,
    from: isDay(filters.from) ? startOfDay(filters.from).toISOString() : undefined,
    to,
  };
}

export const csvExportHref = (filters: AuditFilters) => withQuery('/api/audit-log.csv', auditQuery(filters));

export function useAuditLog(filters: AuditFilters) {
  const query = auditQuery(filters);
  return useInfiniteQuery({
    queryKey: ['audit', query],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      get<z.infer<typeof AuditPage>>(withQuery('/api/audit-log', { ...query, limit: PAGE_SIZE, cursor: pageParam })),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: (previous) => previous,
  });
}

export type { AuditEvent };

/** Everyone who can appear in the log as actor or target, deleted people included, sorted by name. */
export function usePeople() {
  return useQuery({
    queryKey: [...USERS_KEY, 'audit-people'],
    queryFn: async () => {
      const [current, removed] = await Promise.all([
        get<MemberListResponse>(withQuery('/api/users', { limit: 100 })),
        get<MemberListResponse>(withQuery('/api/users', { status: 'removed', limit: 100 })),
      ]);
      return [...current.items, ...removed.items];
    },
    select: (people: Member[]) => [...people].sort((a, b) => a.fullName.localeCompare(b.fullName)),
  });
}
