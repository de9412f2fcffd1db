import { Paper, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccessReview } from '../../../shared/review.js';
import { formatNumber } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { GROUP_ORDER, groupAnchor } from './groups';

/** One card per group with its exact count; each card jumps to the group's table. */
export function ReviewSummary({ review }: { review: AccessReview }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  return (
    <SimpleGrid
      cols={{ base: 2, sm: 3, lg: 6 }}
      spacing="sm"
      component="ul"
      p={0}
      m={0}
      mb="xl"
      style={{ listStyle: 'none' }}
      aria-label={t('admin.review.summaryLabel')}
    >
      {GROUP_ORDER.map((group) => (
        <li key={group}>
          <UnstyledButton
            component="a"
            href={`#${groupAnchor(group)}`}
            display="block"
            h="100%"
            style={{ borderRadius: 'var(--mantine-radius-md)' }}
          >
            <Paper withBorder p="md" radius="md" h="100%">
              <Text fz={28} fw={700} lh={1.2}>
                {formatNumber(locale, review.counts[group])}
              </Text>
              <Text size="sm" fw={600}>
                {t(`admin.review.groups.${group}.title`)}
              </Text>
            </Paper>
          </UnstyledButton>
        </li>
      ))}
    </SimpleGrid>
  );
}
