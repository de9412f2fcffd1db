import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FEATURES, can, type Feature } from '../../../shared/permissions.js';
import { PageHeader } from '../../components/PageHeader';
import { useCurrentMe } from '../auth/session';
import { AskAdmin } from '../company/AskAdmin';

/** A feature page: placeholder content for now, or who to ask when the permission is missing. */
export function FeaturePage({ feature }: { feature: Feature }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const name = t(`features.${feature}.name`);
  const permission = FEATURES[feature].view;
  const allowed = can(me.role ? { role: me.role, permissions: me.permissions } : null, permission);

  return (
    <>
      <PageHeader title={name} />
      {allowed ? (
        <Paper withBorder p="xl" radius="md">
          <Stack align="center" gap="xs" ta="center">
            <Title order={2} size="h4">
              {t('features.comingSoon')}
            </Title>
            <Text maw={480}>{t(`features.${feature}.description`)}</Text>
          </Stack>
        </Paper>
      ) : (
        <AskAdmin message={t('features.noAccess', { feature: name, permission: t(`permissions.${permission}`) })} />
      )}
    </>
  );
}
