import { Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useDialog } from '../../components/useDialog';
import { AdminOnly } from '../settings/AdminOnly';
import { useCurrentMe } from '../auth/session';
import { usePlans, useSubscription, type PlanOption } from './billingApi';
import { ChangePlanDialog } from './ChangePlanDialog';
import { PlanCards } from './PlanCards';
import { SeatMeter } from './SeatMeter';

/** Settings → Billing & Subscription (CompanyAdmin only): the plan, the seats, and changing plan. */
export function BillingPage() {
  const { t } = useTranslation();
  return (
    <AdminOnly title={t('settings.billing')} message={t('billing.adminOnly')}>
      <Billing />
    </AdminOnly>
  );
}

function Billing() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const subscription = useSubscription();
  const plans = usePlans();
  const choose = useDialog<PlanOption>();
  const current = subscription.data?.plan ?? me.company?.plan ?? 'free';

  return (
    <>
      <PageHeader title={t('settings.billing')} description={t('billing.intro')} />
      {subscription.isPending || plans.isPending ? (
        <Stack gap="md" role="status" aria-label={t('app.loading')} maw={1100}>
          <Skeleton height={110} />
          <Skeleton height={160} />
        </Stack>
      ) : subscription.isError || plans.isError ? (
        <LoadError
          error={subscription.error ?? plans.error}
          onRetry={() => void Promise.all([subscription.refetch(), plans.refetch()])}
        />
      ) : (
        <Stack gap="xl" maw={1100}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Paper withBorder p="lg" radius="md">
              <Text fw={700}>{t('billing.currentPlan')}</Text>
              <Text fz="xl" fw={700} mt={4}>
                {t(`plans.${current}`)}
              </Text>
              <Text size="sm" c="dimmed" mt="xs">
                {subscription.data.seats.limit === null
                  ? t('admin.billing.unlimitedUsers')
                  : t('admin.billing.upToUsers', { count: subscription.data.seats.limit })}
              </Text>
            </Paper>
            <SeatMeter subscription={subscription.data} />
          </SimpleGrid>
          <section aria-labelledby="plans-heading">
            <Title order={2} size="h3" id="plans-heading" mb="xs">
              {t('admin.billing.plansTitle')}
            </Title>
            <Text c="dimmed" mb="md">
              {t('admin.billing.plansIntro')}
            </Text>
            <PlanCards plans={plans.data} current={current} used={subscription.data.seats.used} onChoose={choose.open} />
          </section>
        </Stack>
      )}
      <ChangePlanDialog
        target={choose.target}
        current={current}
        opened={choose.opened}
        version={choose.version}
        onClose={choose.close}
      />
    </>
  );
}
