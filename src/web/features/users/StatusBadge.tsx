import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MemberStatus } from '../../../shared/api.js';

/** Dark shades: white text on them passes WCAG AA at badge size. */
const COLORS: Record<MemberStatus, string> = {
  invited: 'blue.9',
  active: 'teal.9',
  deactivated: 'gray.7',
  removed: 'gray.7',
};

export function StatusBadge({ status }: { status: MemberStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="filled" radius="sm" tt="none" fz="xs">
      {t(`users.status.${status}`)}
    </Badge>
  );
}
