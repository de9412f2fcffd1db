import { Alert, Anchor, Button, Group, Input, Paper, Stack, Text, Title } from '@mantine/core';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BULK_INVITE_MAX_BYTES, type BulkInviteResult } from '../../../shared/review.js';
import { isApiError } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { FormAlert } from '../../components/FormAlert';
import { PageHeader } from '../../components/PageHeader';
import { notify } from '../../components/notify';
import { AdminOnly } from '../settings/AdminOnly';
import { useBulkInviteCheck, useBulkInviteSend } from './bulkInviteApi';
import { CsvHelp } from './CsvHelp';
import { DryRunSummary } from './DryRunSummary';
import { DryRunTable } from './DryRunTable';
import { FileErrors } from './FileErrors';
import { SendDialog } from './SendDialog';

/** Settings → Users → Bulk invite (CompanyAdmin only): a CSV file, checked first, then sent. */
export function BulkInvitePage() {
  const { t } = useTranslation();
  return (
    <AdminOnly title={t('admin.bulkInvite.title')} message={t('users.adminOnly')}>
      <BulkInvite />
    </AdminOnly>
  );
}

interface ChosenFile {
  name: string;
  text: string;
}

function BulkInvite() {
  const { t } = useTranslation();
  const inputId = useId();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const [sent, setSent] = useState<BulkInviteResult | null>(null);
  const check = useBulkInviteCheck();
  const send = useBulkInviteSend();

  const startOver = () => {
    setFile(null);
    setFileError(null);
    setSent(null);
    check.reset();
    send.reset();
    setInputKey((k) => k + 1);
  };

  const choose = async (chosen: File | undefined) => {
    check.reset();
    send.reset();
    setFile(null);
    setFileError(null);
    if (!chosen) return;
    if (chosen.size > BULK_INVITE_MAX_BYTES) {
      setFileError(t('admin.bulkInvite.tooBig'));
      return;
    }
    setFile({ name: chosen.name, text: await chosen.text() });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setFileError(t('admin.bulkInvite.chooseFirst'));
      return;
    }
    check.mutate(file.text);
  };

  const confirm = () =>
    file &&
    send.mutate(file.text, {
      onSuccess: (result) => {
        setConfirming(false);
        setSent(result);
        notify(t('admin.bulkInvite.done.toast', { count: result.invited }));
      },
    });

  if (sent) {
    return (
      <>
        <PageHeader title={t('admin.bulkInvite.title')} />
        <Alert
          color="teal"
          variant="light"
          c="dark.9"
          role="status"
          title={t('admin.bulkInvite.done.title', { count: sent.invited })}
        >
          <Text size="sm">{t('admin.bulkInvite.done.body')}</Text>
          <Group gap="md" mt="sm">
            <Anchor component={Link} to="/settings/users" size="sm" fw={600} c="blue.9">
              {t('admin.bulkInvite.backToUsers')}
            </Anchor>
            <Button variant="default" size="xs" onClick={startOver}>
              {t('admin.bulkInvite.another')}
            </Button>
          </Group>
        </Alert>
      </>
    );
  }

  const checked = check.data;
  return (
    <>
      <PageHeader
        title={t('admin.bulkInvite.title')}
        description={t('admin.bulkInvite.intro')}
        actions={
          <Anchor component={Link} to="/settings/users" fw={600} c="blue.9">
            {t('admin.bulkInvite.backToUsers')}
          </Anchor>
        }
      />
      <Stack gap="xl" maw={1100}>
        <Paper withBorder p="lg" radius="md">
          <Group align="flex-start" gap="xl" wrap="wrap">
            <form noValidate onSubmit={submit} style={{ flex: '1 1 280px' }}>
              <Stack gap="md" align="flex-start">
                <Input.Wrapper
                  label={t('admin.bulkInvite.fileLabel')}
                  description={t('admin.bulkInvite.fileHint')}
                  error={fileError}
                  id={inputId}
                >
                  <input
                    key={inputKey}
                    id={inputId}
                    type="file"
                    accept=".csv,text/csv"
                    aria-describedby={`${inputId}-description${fileError ? ` ${inputId}-error` : ''}`}
                    aria-invalid={fileError ? true : undefined}
                    onChange={(e) => void choose(e.currentTarget.files?.[0])}
                    style={{ display: 'block', marginTop: 6 }}
                  />
                </Input.Wrapper>
                <Button type="submit" loading={check.isPending}>
                  {t('admin.bulkInvite.check')}
                </Button>
              </Stack>
            </form>
            <div style={{ flex: '1 1 360px' }}>
              <CsvHelp />
            </div>
          </Group>
        </Paper>

        {isApiError(check.error, 'CSV_INVALID') ? (
          <FileErrors details={check.error.details} />
        ) : (
          <FormAlert>{check.error ? errorMessage(t, check.error) : null}</FormAlert>
        )}

        {checked && file && (
          <section aria-labelledby="dry-run-heading">
            <Title order={2} size="h3" id="dry-run-heading" mb="sm">
              {t('admin.bulkInvite.resultTitle', { file: file.name })}
            </Title>
            <DryRunSummary result={checked} />
            {checked.summary.overLimit > 0 && (
              <Alert color="orange" variant="light" c="dark.9" mt="md" title={t('users.limit.title')}>
                <Text size="sm">
                  {t('admin.bulkInvite.overLimit', {
                    count: checked.summary.overLimit,
                    requested: checked.summary.invite + checked.summary.overLimit,
                  })}
                </Text>
                <Anchor component={Link} to="/settings/billing" size="sm" fw={600} c="blue.9">
                  {t('users.limit.upgrade')}
                </Anchor>
              </Alert>
            )}
            <Group my="md" gap="sm">
              <Button
                onClick={() => {
                  send.reset();
                  setConfirming(true);
                }}
                disabled={checked.summary.invite === 0 || checked.summary.overLimit > 0}
              >
                {t('admin.bulkInvite.send.button', { count: checked.summary.invite })}
              </Button>
              <Button variant="default" onClick={startOver}>
                {t('admin.bulkInvite.another')}
              </Button>
            </Group>
            {checked.summary.invite === 0 && checked.summary.overLimit === 0 && (
              <Text size="sm" mb="md">
                {t('admin.bulkInvite.nothingToSend')}
              </Text>
            )}
            <DryRunTable rows={checked.rows} />
            <SendDialog
              opened={confirming}
              checked={checked}
              pending={send.isPending}
              error={send.error}
              onConfirm={confirm}
              onClose={() => setConfirming(false)}
            />
          </section>
        )}
      </Stack>
    </>
  );
}
