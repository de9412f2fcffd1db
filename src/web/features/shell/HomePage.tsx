import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { useCurrentMe } from '../auth/session';
import { AskAdmin } from '../company/AskAdmin';
import { navItemsFor } from './navigation';

export function HomePage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const hasSomewhereToGo = navItemsFor(me).length > 0;
  return (
    <>
      <PageHeader
        title={t('home.title', { name: me.user.fullName })}
        description={t('home.signedInAs', { company: me.company?.name ?? '', role: me.role ?? '' })}
      />
      {hasSomewhereToGo ? <Text>{t('home.whereTo')}</Text> : <AskAdmin message={t('home.nothingYet')} />}
    </>
  );
}
