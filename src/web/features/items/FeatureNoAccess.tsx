import { useTranslation } from 'react-i18next';
import type { Feature, Permission } from '../../../shared/permissions.js';
import { PageHeader } from '../../components/PageHeader';
import { AskAdmin } from '../company/AskAdmin';

/**
 * What a direct link to a closed feature shows: the feature's name, the permission it needs and
 * the company's CompanyAdmins to ask for it.
 */
export function FeatureNoAccess({ feature, permission }: { feature: Feature; permission: Permission }) {
  const { t } = useTranslation();
  const name = t(`features.${feature}.name`);
  return (
    <>
      <PageHeader title={name} />
      <AskAdmin message={t('features.noAccess', { feature: name, permission: t(`permissions.${permission}`) })} />
    </>
  );
}
