import { Alert, Button, Container, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/errors';

/** A failed load, in words, with a way to try again. */
export function LoadError({ error, onRetry, standalone = false }: { error: unknown; onRetry: () => void; standalone?: boolean }) {
  const { t } = useTranslation();
  const alert = (
    <Alert color="red" variant="light" role="alert" title={t('app.loadFailed')} c="dark.9">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{errorMessage(t, error)}</Text>
        <Button size="xs" variant="default" onClick={onRetry}>
          {t('app.retry')}
        </Button>
      </Stack>
    </Alert>
  );
  if (!standalone) return alert;
  return (
    <Container component="main" size="sm" py={48}>
      {alert}
    </Container>
  );
}
