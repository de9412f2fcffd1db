import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../shared/plans.js';
import type { PlanOption } from './billingApi';

interface PlanCardsProps {
  plans: PlanOption[];
  current: Plan;
  used: number;
  onChoose: (plan: PlanOption) => void;
}

/** The plans side by side, smallest first; the current one is marked and has no button. */
export function PlanCards({ plans, current, used, onChoose }: PlanCardsProps) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }} spacing="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {plans.map((option) => {
        const isCurrent = option.plan === current;
        const tooSmall = option.seats !== null && option.seats < used;
        return (
          <Paper
            key={option.plan}
            component="li"
            withBorder
            p="md"
            radius="md"
            style={isCurrent ? { borderColor: 'var(--mantine-color-blue-8)', borderWidth: 2 } : undefined}
            aria-current={isCurrent ? 'true' : undefined}
          >
            <Stack gap="xs" h="100%" justify="space-between">
              <div>
                <Group justify="space-between" gap="xs">
                  <Title order={3} size="h4">
                    {t(`plans.${option.plan}`)}
                  </Title>
                  {isCurrent && (
                    <Badge color="blue.9" variant="filled" radius="sm" tt="none" miw="max-content">
                      {t('admin.billing.current')}
                    </Badge>
                  )}
                </Group>
                <Text mt={4}>
                  {option.seats === null
                    ? t('admin.billing.unlimitedUsers')
                    : t('admin.billing.upToUsers', { count: option.seats })}
                </Text>
                {tooSmall && !isCurrent && (
                  <Text size="sm" c="dimmed" mt={4}>
                    {t('admin.billing.tooSmall', { count: used - (option.seats ?? 0) })}
                  </Text>
                )}
              </div>
              {!isCurrent && (
                <Button
                  variant="default"
                  onClick={() => onChoose(option)}
                  h="auto"
                  py={6}
                  styles={{ label: { whiteSpace: 'normal', textAlign: 'center', lineHeight: 1.3 } }}
                >
                  {t('admin.billing.changeTo', { plan: t(`plans.${option.plan}`) })}
                </Button>
              )}
            </Stack>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
