import { Center, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { FormAlert } from '../../components/FormAlert';
import { LoadError } from '../../components/LoadError';
import { PublicLayout } from '../../components/PublicLayout';
import { tokenFromHash } from '../../components/hashToken';
import { usePageTitle } from '../../components/usePageTitle';
import { errorMessage } from '../../api/errors';
import { useMe } from '../auth/session';
import { AcceptForms } from './AcceptForms';
import { InvitationInvalid, reasonOf } from './InvitationInvalid';
import { useInvitation } from './invitationApi';

/** /invitations/accept#token=…: who invites you where, then the one way in that fits. */
export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const [token] = useState(() => tokenFromHash());
  const invitation = useInvitation(token);
  const me = useMe();
  usePageTitle(invitation.data ? t('invitation.title', { company: invitation.data.company.name }) : t('invitation.pageTitle'));

  let content;
  if (!token) content = <InvitationInvalid reason="unknown" />;
  else if (invitation.isPending || me.isPending)
    content = (
      <Center py="xl">
        <Loader role="status" aria-label={t('invitation.loading')} />
      </Center>
    );
  else if (isApiError(invitation.error, 'INVITATION_INVALID') || isApiError(invitation.error, 'NOT_FOUND'))
    content = <InvitationInvalid reason={reasonOf(invitation.error.details)} />;
  else if (invitation.isError) content = <LoadError error={invitation.error} onRetry={() => void invitation.refetch()} />;
  else {
    const view = invitation.data;
    content = (
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('invitation.title', { company: view.company.name })}
        </Title>
        <Text>
          {view.invitedBy
            ? t('invitation.invitedBy', { inviter: view.invitedBy, company: view.company.name })
            : t('invitation.invited', { company: view.company.name })}
        </Text>
        <Text size="sm">
          {t('invitation.forEmail')} <strong dir="ltr">{view.email}</strong>
        </Text>
        {me.isError ? (
          <FormAlert>{errorMessage(t, me.error)}</FormAlert>
        ) : (
          <AcceptForms token={token} invitation={view} me={me.data ?? null} />
        )}
      </Stack>
    );
  }

  return <PublicLayout wide>{content}</PublicLayout>;
}
