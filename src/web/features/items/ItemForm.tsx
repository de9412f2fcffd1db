import { Button, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';

interface ItemFormProps {
  onSubmit: (event?: React.FormEvent<HTMLFormElement>) => void;
  alert: string | null;
  onCancel: () => void;
  pending: boolean;
  children: ReactNode;
  /** Defaults to a single "Save"; a feature may add its own (e.g. "Save and send"). */
  buttons?: ReactNode;
}

/** Alert first (announced when it appears), then the fields, then Cancel and the submit buttons. */
export function ItemForm({ onSubmit, alert, onCancel, pending, children, buttons }: ItemFormProps) {
  const { t } = useTranslation();
  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="md">
        <FormAlert>{alert}</FormAlert>
        {children}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          {buttons ?? (
            <Button type="submit" loading={pending}>
              {t('common.save')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
