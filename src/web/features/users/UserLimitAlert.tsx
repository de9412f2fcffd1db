import { Alert, Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../api/errors';

/** 402 USER_LIMIT_REACHED: the numbers, and the way out (Billing & Subscription). */
export function UserLimitAlert({ error, onNavigate }: { error: unknown; onNavigate?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" role="alert" title={t('users.limit.title')} c="dark.9">
      <Text size="sm">{errorMessage(t, error)}</Text>
      <Anchor component={Link} to="/settings/billing" onClick={onNavigate} size="sm" fw={600} c="blue.9">
        {t('users.limit.upgrade')}
      </Anchor>
    </Alert>
  );
}
