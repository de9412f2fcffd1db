import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../components/usePageTitle';
import { INVALID_REASONS, type InvalidReason } from './invitationApi';

export function reasonOf(details: Record<string, unknown> | undefined): InvalidReason {
  const reason = details?.reason;
  return INVALID_REASONS.find((r) => r === reason) ?? 'unknown';
}

/** A dead invitation link, in plain words, and nothing to do but go home. */
export function InvitationInvalid({ reason }: { reason: InvalidReason }) {
  const { t } = useTranslation();
  const title = t(`invitation.invalid.${reason}.title`);
  usePageTitle(title);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {title}
      </Title>
      <Text>{t(`invitation.invalid.${reason}.body`)}</Text>
      <Anchor component={Link} to="/">
        {t('invitation.invalid.home')}
      </Anchor>
    </Stack>
  );
}
