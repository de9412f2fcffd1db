import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { seatLimit, type Plan } from '../../../shared/plans.js';
import { isApiError } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { AppModal } from '../../components/AppModal';
import { FormAlert } from '../../components/FormAlert';
import { notify } from '../../components/notify';
import { useChangePlan, type PlanOption } from './billingApi';

interface ChangePlanDialogProps {
  target: PlanOption | null;
  current: Plan;
  opened: boolean;
  version: number;
  onClose: () => void;
}

function seatsWords(t: TFunction, seats: number | null): string {
  return seats === null ? t('admin.billing.unlimitedUsers') : t('admin.billing.upToUsers', { count: seats });
}

/** Confirms a plan change; a downgrade below the seats in use is refused by the server and said plainly. */
export function ChangePlanDialog({ target, current, opened, version, onClose }: ChangePlanDialogProps) {
  const { t } = useTranslation();
  const change = useChangePlan();
  const { reset } = change;
  useEffect(() => reset(), [version, reset]);
  const to = target?.plan ?? current;
  const fromLimit = seatLimit(current);
  // From unlimited every change is a downgrade; to unlimited, an upgrade.
  const upgrade = fromLimit !== null && target !== null && (target.seats === null || target.seats > fromLimit);
  const names = { from: t(`plans.${current}`), to: t(`plans.${to}`) };

  const confirm = () =>
    target &&
    change.mutate(target.plan, {
      onSuccess: () => {
        notify(t('admin.billing.changed', { plan: names.to }));
        onClose();
      },
    });

  return (
    <AppModal opened={opened} onClose={onClose} title={t('admin.billing.confirmTitle', { plan: names.to })} size="md">
      <Stack gap="md">
        <Text>
          {t(upgrade ? 'admin.billing.confirmUpgrade' : 'admin.billing.confirmDowngrade', {
            ...names,
            fromSeats: seatsWords(t, fromLimit),
            toSeats: seatsWords(t, target?.seats ?? null),
          })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('admin.billing.appliesNow')}
        </Text>
        {isApiError(change.error, 'SEATS_EXCEED_PLAN') ? (
          <SeatsExceedAlert details={change.error.details} onNavigate={onClose} />
        ) : (
          <FormAlert>{change.error ? errorMessage(t, change.error) : null}</FormAlert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button loading={change.isPending} onClick={confirm}>
            {t('admin.billing.confirmButton', { plan: names.to })}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}

/** 409 SEATS_EXCEED_PLAN: how many users must go first, and where to do it. */
function SeatsExceedAlert({ details, onNavigate }: { details: Record<string, unknown>; onNavigate: () => void }) {
  const { t } = useTranslation();
  const num = (v: unknown) => (typeof v === 'number' ? v : 0);
  const plan = typeof details.plan === 'string' ? t(`plans.${details.plan}`, { defaultValue: details.plan }) : '';
  return (
    <Alert color="orange" variant="light" role="alert" title={t('admin.billing.refusedTitle')} c="dark.9">
      <Text size="sm">
        {t('admin.billing.refusedBody', { plan, limit: num(details.limit), used: num(details.used) })}{' '}
        <strong>{t('admin.billing.mustRemove', { count: num(details.mustRemove) })}</strong>
      </Text>
      <Group gap="md" mt="xs">
        <Anchor component={Link} to="/settings/users" onClick={onNavigate} size="sm" fw={600} c="blue.9">
          {t('admin.billing.goToUsers')}
        </Anchor>
        <Anchor component={Link} to="/settings/access-review" onClick={onNavigate} size="sm" fw={600} c="blue.9">
          {t('admin.billing.goToReview')}
        </Anchor>
      </Group>
    </Alert>
  );
}
