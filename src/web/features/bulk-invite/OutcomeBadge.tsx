import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BulkInviteOutcome } from '../../../shared/review.js';

/** Dark shades: white text on them passes WCAG AA at badge size. */
const COLORS: Record<BulkInviteOutcome, string> = {
  invite: 'teal.9',
  already_member: 'gray.7',
  invalid: 'red.9',
  over_limit: 'orange.9',
  duplicate_in_file: 'gray.7',
};

export function OutcomeBadge({ outcome }: { outcome: BulkInviteOutcome }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[outcome]} variant="filled" radius="sm" tt="none" fz="xs" miw="max-content">
      {t(`admin.bulkInvite.outcomes.${outcome}`)}
    </Badge>
  );
}
