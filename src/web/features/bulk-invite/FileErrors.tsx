import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fileErrorText, fileErrorsOf } from './csvErrors';

/** 400 CSV_INVALID: the file as a whole could not be read; the lines that stopped it. */
export function FileErrors({ details }: { details: Record<string, unknown> }) {
  const { t } = useTranslation();
  const errors = fileErrorsOf(details);
  return (
    <Alert color="red" variant="light" role="alert" c="dark.9" title={t('errors.CSV_INVALID')}>
      {errors.length > 0 ? (
        <List size="sm" spacing={2}>
          {errors.map((e, i) => (
            <List.Item key={i}>{t('admin.bulkInvite.fileErrors.line', { line: e.row, reason: fileErrorText(t, e) })}</List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm">{t('admin.bulkInvite.fileErrors.other')}</Text>
      )}
    </Alert>
  );
}
