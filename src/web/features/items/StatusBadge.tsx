import { Badge } from '@mantine/core';

/** Dark filled shades keep white badge text above WCAG AA. */
const COLORS = { gray: 'gray.7', blue: 'blue.9', teal: 'teal.9', red: 'red.9', orange: 'orange.9' } as const;

export function ItemStatusBadge({ label, tone }: { label: string; tone: keyof typeof COLORS }) {
  return (
    <Badge color={COLORS[tone]} variant="filled" radius="sm" tt="none" fz="xs">
      {label}
    </Badge>
  );
}
