import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BulkInviteResult } from '../../../shared/review.js';
import { formatNumber } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';

const FIGURES = [
  ['invite', 'invite'],
  ['alreadyMember', 'already_member'],
  ['invalid', 'invalid'],
  ['overLimit', 'over_limit'],
  ['duplicate', 'duplicate_in_file'],
] as const;

/** The counts per outcome and the seats, before anything is sent. */
export function DryRunSummary({ result }: { result: BulkInviteResult }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const { seats } = result;
  return (
    <>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {FIGURES.map(([key, outcome]) => (
          <Paper key={key} component="li" withBorder p="sm" radius="md">
            <Text fz="xl" fw={700} lh={1.2}>
              {formatNumber(locale, result.summary[key])}
            </Text>
            <Text size="sm">{t(`admin.bulkInvite.outcomes.${outcome}`)}</Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Text mt="sm" fw={600}>
        {seats.limit === null
          ? t('admin.bulkInvite.seatsUnlimited', { used: seats.used })
          : t('admin.bulkInvite.seats', { used: seats.used, limit: seats.limit, count: seats.available ?? 0 })}
      </Text>
      {result.ignoredColumns.length > 0 && (
        <Text size="sm" mt={4}>
          {t('admin.bulkInvite.ignoredColumns', { columns: result.ignoredColumns.join(t('admin.audit.listSeparator')) })}
        </Text>
      )}
    </>
  );
}
