import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PASSWORD_MIN } from '../../../shared/limits.js';
import { isApiError } from '../../api/client';
import { errorMessage, fieldErrors } from '../../api/errors';
import type { Invitation, Me } from '../../api/types';
import { PasswordField } from '../../components/PasswordField';
import { FormAlert } from '../../components/FormAlert';
import { newPassword, required } from '../auth/validators';
import { useLogout } from '../auth/session';
import { InvitationInvalid, reasonOf } from './InvitationInvalid';
import { useAcceptInvitation } from './invitationApi';

interface Props {
  token: string;
  invitation: Invitation;
  me: Me | null;
}

const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** New person: name and password. Known person signed in as that email: one button. Known person
 * signed out: their password. Signed in as someone else: log out first. */
export function AcceptForms({ token, invitation, me }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const accept = useAcceptInvitation(token);
  const logout = useLogout();
  const newForm = useForm({
    initialValues: { fullName: invitation.fullName, password: '' },
    validate: { fullName: required(t), password: newPassword(t) },
  });
  const loginForm = useForm({ initialValues: { password: '' }, validate: { password: required(t) } });

  const done = { onSuccess: () => void navigate('/', { replace: true }) };
  const error = accept.error;

  if (isApiError(error, 'INVITATION_INVALID')) return <InvitationInvalid reason={reasonOf(error.details)} />;
  if ((me && !sameEmail(me.user.email, invitation.email)) || isApiError(error, 'INVITATION_EMAIL_MISMATCH')) {
    return (
      <Stack gap="sm">
        <FormAlert color="blue">
          {t('invitation.mismatch', { current: me?.user.email ?? '', invited: invitation.email })}
        </FormAlert>
        <Button variant="default" loading={logout.isPending} onClick={() => logout.mutate()}>
          {t('invitation.logoutToJoin')}
        </Button>
      </Stack>
    );
  }

  const banner = error && !Object.keys(fieldErrors(t, error)).length ? <FormAlert>{errorMessage(t, error)}</FormAlert> : null;

  if (!invitation.accountExists) {
    return (
      <form
        noValidate
        onSubmit={newForm.onSubmit((values) =>
          accept.mutate(values, { ...done, onError: (e) => newForm.setErrors(fieldErrors(t, e)) }),
        )}
      >
        <Stack gap="md">
          <Text>{t('invitation.newAccount')}</Text>
          {banner}
          <TextInput label={t('fields.fullName')} autoComplete="name" required {...newForm.getInputProps('fullName')} />
          <PasswordField
            label={t('fields.password')}
            description={t('fields.passwordHint', { min: PASSWORD_MIN })}
            autoComplete="new-password"
            required
            {...newForm.getInputProps('password')}
          />
          <Button type="submit" loading={accept.isPending}>
            {t('invitation.accept')}
          </Button>
        </Stack>
      </form>
    );
  }

  if (me) {
    return (
      <Stack gap="md">
        {banner}
        <Button loading={accept.isPending} onClick={() => accept.mutate({}, done)}>
          {t('invitation.join', { company: invitation.company.name })}
        </Button>
      </Stack>
    );
  }

  return (
    <form
      noValidate
      onSubmit={loginForm.onSubmit((values) =>
        accept.mutate(values, { ...done, onError: (e) => loginForm.setErrors(fieldErrors(t, e)) }),
      )}
    >
      <Stack gap="md">
        <Text>{t('invitation.existingAccount')}</Text>
        {banner}
        <input type="email" hidden readOnly autoComplete="username" value={invitation.email} />
        <PasswordField
          label={t('fields.password')}
          autoComplete="current-password"
          required
          {...loginForm.getInputProps('password')}
        />
        <Button type="submit" loading={accept.isPending}>
          {t('invitation.loginToJoin')}
        </Button>
        <Anchor component={Link} to="/forgot-password" size="sm">
          {t('login.forgot')}
        </Anchor>
      </Stack>
    </form>
  );
}
