import { Loader, Paper, SimpleGrid, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { seatLimit, type Plan } from '../../../shared/plans.js';
import { get } from '../../api/client';
import type { SubscriptionInfo } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { formatNumber } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useCurrentMe } from '../auth/session';
import { AdminOnly } from './AdminOnly';

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" radius="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz="xl" fw={700}>
        {children}
      </Text>
    </Paper>
  );
}

/** Placeholder until plan changes arrive: the current plan, its seat limit and the seats in use. */
export function BillingPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  return (
    <AdminOnly title={t('settings.billing')} message={t('billing.adminOnly')}>
      <BillingSummary plan={me.company?.plan ?? 'free'} />
    </AdminOnly>
  );
}

function BillingSummary({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const subscription = useQuery({
    queryKey: ['billing', 'subscription'],
    queryFn: () => get<SubscriptionInfo>('/api/billing/subscription'),
  });
  const current = subscription.data?.plan ?? plan;
  const limit = subscription.data ? subscription.data.seats.limit : seatLimit(current);
  return (
    <>
      <PageHeader title={t('settings.billing')} description={t('billing.intro')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }} maw={900}>
        <Figure label={t('billing.currentPlan')}>{t(`plans.${current}`)}</Figure>
        <Figure label={t('billing.seats')}>
          {limit === null ? t('billing.unlimited') : t('billing.seatCount', { count: limit })}
        </Figure>
        <Figure label={t('billing.seatsUsed')}>
          {subscription.data ? (
            formatNumber(locale, subscription.data.seats.used)
          ) : subscription.isPending ? (
            <Loader size="sm" role="status" aria-label={t('app.loading')} />
          ) : (
            '—'
          )}
        </Figure>
      </SimpleGrid>
      <Text mt="lg">{t('billing.comingSoon')}</Text>
    </>
  );
}
