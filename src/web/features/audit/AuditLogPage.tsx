import { Button, Center, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AUDIT_ACTIONS, type AuditAction } from '../../../shared/audit.js';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { AdminOnly } from '../settings/AdminOnly';
import { csvExportHref, useAuditLog, usePeople, type AuditFilters } from './auditApi';
import { AuditFiltersBar } from './AuditFiltersBar';
import { AuditTable } from './AuditTable';

const FILTER_KEYS = ['action', 'actorId', 'targetId', 'from', 'to'] as const;

function filtersFrom(params: URLSearchParams): AuditFilters {
  const action = params.get('action') ?? '';
  return {
    action: (AUDIT_ACTIONS as readonly string[]).includes(action) ? (action as AuditAction) : '',
    actorId: params.get('actorId') ?? '',
    targetId: params.get('targetId') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
}

/**
 * The filters are state here and mirrored in the address, so a filtered view can be bookmarked and
 * shared. Changes merge into the latest state: two quick changes never undo each other.
 */
function useFiltersInAddress(): [AuditFilters, (patch: Partial<AuditFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = useState(() => filtersFrom(params));
  useEffect(() => {
    const out = new URLSearchParams();
    for (const key of FILTER_KEYS) if (filters[key]) out.set(key, filters[key]);
    setParams(out, { replace: true });
  }, [filters, setParams]);
  const change = useCallback((patch: Partial<AuditFilters>) => setFilters((previous) => ({ ...previous, ...patch })), []);
  return [filters, change];
}

/** Settings → Audit log (CompanyAdmin only): who did what to whom, newest first. */
export function AuditLogPage() {
  const { t } = useTranslation();
  return (
    <AdminOnly title={t('admin.audit.title')} message={t('admin.audit.adminOnly')}>
      <AuditLog />
    </AdminOnly>
  );
}

function AuditLog() {
  const { t } = useTranslation();
  const [filters, setFilters] = useFiltersInAddress();
  const log = useAuditLog(filters);
  const people = usePeople();
  const events = log.data?.pages.flatMap((p) => p.items) ?? [];
  const names = useMemo(() => new Map((people.data ?? []).map((p) => [p.id, p.fullName])), [people.data]);
  const nameOf = (id: string) => names.get(id) ?? null;
  const filtered = Object.values(filters).some(Boolean);

  return (
    <>
      <PageHeader
        title={t('admin.audit.title')}
        description={t('admin.audit.intro')}
        actions={
          <Button component="a" href={csvExportHref(filters)} download="audit-log.csv" variant="default">
            {t('admin.audit.export')}
          </Button>
        }
      />
      <AuditFiltersBar filters={filters} people={people.data ?? []} onChange={setFilters} />
      {log.isPending ? (
        <Stack gap="xs" role="status" aria-label={t('admin.audit.loading')}>
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} height={40} />
          ))}
        </Stack>
      ) : !log.data ? (
        <LoadError error={log.error} onRetry={() => void log.refetch()} />
      ) : events.length === 0 ? (
        <Paper withBorder p="xl" radius="md">
          <Text ta="center">{filtered ? t('admin.audit.emptyFiltered') : t('admin.audit.empty')}</Text>
        </Paper>
      ) : (
        <>
          <AuditTable events={events} nameOf={nameOf} />
          <Text size="sm" mt="xs" role="status">
            {t('admin.audit.shown', { count: events.length })}
          </Text>
          {log.isError && (
            <LoadError error={log.error} onRetry={() => void (log.isFetchNextPageError ? log.fetchNextPage() : log.refetch())} />
          )}
          {log.hasNextPage && !log.isError && (
            <Center mt="md">
              <Button variant="default" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
                {t('admin.audit.loadMore')}
              </Button>
            </Center>
          )}
        </>
      )}
    </>
  );
}
