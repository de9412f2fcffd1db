import { Group, Paper, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SubscriptionInfo } from '../../api/types';

/** Blue while there is room, orange when nearly full, red when full. Dark shades: 3:1 against the track. */
function meterColor(used: number, limit: number): string {
  if (used >= limit) return 'red.9';
  if (used / limit >= 0.8) return 'orange.9';
  return 'blue.8';
}

/** "N of M seats used" as words and as a meter; an unlimited plan has no meter, only the count. */
export function SeatMeter({ subscription }: { subscription: SubscriptionInfo }) {
  const { t } = useTranslation();
  const { used, limit } = subscription.seats;
  const words =
    limit === null ? t('admin.billing.seatsUsedUnlimited', { used }) : t('admin.billing.seatsUsedOf', { used, limit });
  const percent = limit ? Math.min(100, Math.round((used / limit) * 100)) : 0;
  return (
    <Paper withBorder p="lg" radius="md">
      <Group justify="space-between" align="baseline" gap="xs" mb="xs">
        <Text fw={700} id="seat-meter-label">
          {t('admin.billing.seatsTitle')}
        </Text>
        <Text fw={600} data-testid="seat-count">
          {words}
        </Text>
      </Group>
      {limit !== null && (
        <Progress.Root size="lg" radius="xl" bg="gray.2">
          <Progress.Section
            value={percent}
            color={meterColor(used, limit)}
            withAria={false}
            role="progressbar"
            aria-labelledby="seat-meter-label"
            aria-valuemin={0}
            aria-valuemax={limit}
            aria-valuenow={Math.min(used, limit)}
            aria-valuetext={words}
          />
        </Progress.Root>
      )}
      <Text size="sm" c="dimmed" mt="xs">
        {t('admin.billing.seatsExplained')}
      </Text>
    </Paper>
  );
}
