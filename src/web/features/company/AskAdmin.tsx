import { Alert, Anchor, List, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCompanyAdmins } from './useCompanyAdmins';

/** Says who can open what this person lacks: names the company's CompanyAdmins. */
export function AskAdmin({ message }: { message: string }) {
  const { t } = useTranslation();
  const admins = useCompanyAdmins();
  return (
    <Alert color="blue" variant="light" c="dark.9" title={message}>
      {admins.isPending ? (
        <Loader size="sm" role="status" aria-label={t('askAdmin.loading')} />
      ) : admins.isError || !admins.data?.length ? (
        <Text size="sm">{t('askAdmin.generic')}</Text>
      ) : (
        <>
          <Text size="sm">{t('askAdmin.ask', { count: admins.data.length })}</Text>
          <List size="sm" mt={4}>
            {admins.data.map((admin) => (
              <List.Item key={admin.id}>
                <bdi>{admin.fullName}</bdi> (
                <Anchor href={`mailto:${admin.email}`} size="sm" c="blue.9" dir="ltr">
                  {admin.email}
                </Anchor>
                )
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}
