import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errors';
import { useCurrentMe, useSwitchCompany } from '../auth/session';
import { notify } from '../../components/notify';

/** The companies this person is an active member of; switching refetches everything. */
export function CompanySwitcher() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const switchCompany = useSwitchCompany();
  const options = me.companies.map((c) => ({ value: c.id, label: c.name }));
  if (me.company && !options.some((o) => o.value === me.company!.id))
    options.unshift({ value: me.company.id, label: me.company.name });

  return (
    <NativeSelect
      label={t('shell.company')}
      size="xs"
      data={options}
      value={me.company?.id ?? ''}
      disabled={switchCompany.isPending}
      onChange={(event) => {
        const companyId = event.currentTarget.value;
        if (!companyId || companyId === me.company?.id) return;
        switchCompany.mutate(companyId, {
          onSuccess: (next) => notify(t('shell.switched', { company: next.company?.name ?? '' }), 'info'),
          onError: (error) => notify(errorMessage(t, error), 'error'),
        });
      }}
      styles={{ root: { display: 'flex', alignItems: 'center', gap: 8 }, label: { whiteSpace: 'nowrap' } }}
      maw={260}
    />
  );
}
