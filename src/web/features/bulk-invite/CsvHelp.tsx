import { Anchor, Code, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BULK_INVITE_MAX_ROWS } from '../../../shared/review.js';
import { formatNumber } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';

export const SAMPLE_CSV = [
  'full name,email,role,permissions',
  'Layla Haddad,layla@example.com,TenantUser,contacts.view email.send',
  'Omar Khatib,omar@example.com,CompanyAdmin,',
  'Nour Saleh,nour@example.com,,whatsapp.send',
].join('\n');

/** What the file must look like: the four columns, a sample to copy or download. */
export function CsvHelp() {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  return (
    <section aria-labelledby="csv-format-heading">
      <Title order={2} size="h4" id="csv-format-heading" mb="xs">
        {t('admin.bulkInvite.format.title')}
      </Title>
      <Stack gap="xs">
        <Text size="sm">{t('admin.bulkInvite.format.intro')}</Text>
        <List size="sm" spacing={2}>
          <List.Item>
            <Code>full name</Code> — {t('admin.bulkInvite.format.fullName')}
          </List.Item>
          <List.Item>
            <Code>email</Code> — {t('admin.bulkInvite.format.email')}
          </List.Item>
          <List.Item>
            <Code>role</Code> — {t('admin.bulkInvite.format.role')}
          </List.Item>
          <List.Item>
            <Code>permissions</Code> — {t('admin.bulkInvite.format.permissions')}
          </List.Item>
        </List>
        <Text size="sm">{t('admin.bulkInvite.format.limits', { rows: formatNumber(locale, BULK_INVITE_MAX_ROWS) })}</Text>
        <Text size="sm" fw={600} id="csv-sample-label">
          {t('admin.bulkInvite.format.sample')}
        </Text>
        <Code block dir="ltr" aria-labelledby="csv-sample-label" style={{ textAlign: 'left' }}>
          {SAMPLE_CSV}
        </Code>
        <Anchor
          href={`data:text/csv;charset=utf-8,${encodeURIComponent(SAMPLE_CSV + '\n')}`}
          download="peikly-invitations-sample.csv"
          size="sm"
          fw={600}
          c="blue.9"
        >
          {t('admin.bulkInvite.format.download')}
        </Anchor>
      </Stack>
    </section>
  );
}
