import { Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../shared/api.js';
import { isPermission, type Permission } from '../../../shared/permissions.js';
import { isPlan } from './auditWords';
import type { AuditEvent } from './auditApi';
import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { EmailText } from '../../components/EmailText';

interface Line {
  label: string;
  value: ReactNode;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function permissionNames(t: TFunction, keys: string[]): string {
  if (keys.length === 0) return t('admin.audit.none');
  return keys.map((k) => (isPermission(k) ? t(`permissions.${k as Permission}`) : k)).join(t('admin.audit.listSeparator'));
}

/** "before → after", each side isolated so that Latin names keep their place in Arabic text. */
function Change({ before, after }: { before: string; after: string }) {
  const { t } = useTranslation();
  return (
    <>
      <bdi>{before}</bdi> {t('admin.audit.arrow')} <bdi>{after}</bdi>
    </>
  );
}

function dateOrNone(t: TFunction, locale: Locale, value: unknown): string {
  const iso = str(value);
  return iso ? formatDate(locale, iso) : t('admin.audit.none');
}

/** What changed, in words: one line per fact, for the actions the app records. */
export function detailLines(t: TFunction, locale: Locale, event: AuditEvent, nameOf: (id: string) => string | null): Line[] {
  const d = event.details;
  const before = d.before;
  const after = d.after;
  const lines: Line[] = [];
  switch (event.action) {
    case 'user.role_changed':
      lines.push({ label: t('admin.audit.fields.role'), value: <Change before={String(before)} after={String(after)} /> });
      break;
    case 'user.name_changed':
      lines.push({ label: t('admin.audit.fields.name'), value: <Change before={String(before)} after={String(after)} /> });
      break;
    case 'plan.changed': {
      const plan = (v: unknown) => (isPlan(v) ? t(`plans.${v}`) : String(v));
      lines.push({ label: t('admin.audit.fields.plan'), value: <Change before={plan(before)} after={plan(after)} /> });
      if (d.by === 'operator') lines.push({ label: t('admin.audit.fields.by'), value: t('admin.audit.operator') });
      break;
    }
    case 'user.permissions_changed': {
      const was = list(before);
      const now = list(after);
      const added = now.filter((p) => !was.includes(p));
      const removed = was.filter((p) => !now.includes(p));
      if (added.length) lines.push({ label: t('admin.audit.fields.added'), value: permissionNames(t, added) });
      if (removed.length) lines.push({ label: t('admin.audit.fields.removed'), value: permissionNames(t, removed) });
      if (!added.length && !removed.length)
        lines.push({ label: t('admin.audit.fields.permissions'), value: permissionNames(t, now) });
      break;
    }
    case 'user.access_until_changed':
      lines.push({
        label: t('admin.audit.fields.accessUntil'),
        value: <Change before={dateOrNone(t, locale, before)} after={dateOrNone(t, locale, after)} />,
      });
      break;
    case 'user.access_expired':
      lines.push({ label: t('admin.audit.fields.accessUntil'), value: dateOrNone(t, locale, d.accessUntil) });
      break;
    case 'user.invited':
      if (str(d.email)) lines.push({ label: t('admin.audit.fields.email'), value: <EmailText>{str(d.email) ?? ''}</EmailText> });
      if (str(d.role)) lines.push({ label: t('admin.audit.fields.role'), value: <bdi>{str(d.role)}</bdi> });
      if (d.role !== 'CompanyAdmin' && Array.isArray(d.permissions)) {
        lines.push({ label: t('admin.audit.fields.permissions'), value: permissionNames(t, list(d.permissions)) });
      }
      if (str(d.accessUntil))
        lines.push({ label: t('admin.audit.fields.accessUntil'), value: dateOrNone(t, locale, d.accessUntil) });
      break;
    case 'company.created':
      if (str(d.name)) lines.push({ label: t('admin.audit.fields.company'), value: <bdi>{str(d.name)}</bdi> });
      break;
    case 'user.deleted': {
      const to = str(d.reassignTo);
      if (to)
        lines.push({
          label: t('admin.audit.fields.reassignedTo'),
          value: <bdi>{nameOf(to) ?? t('admin.audit.anotherMember')}</bdi>,
        });
      break;
    }
    default:
      // Anything else the server records is shown as it is, rather than hidden.
      for (const [key, value] of Object.entries(d)) {
        lines.push({ label: key, value: <bdi>{typeof value === 'string' ? value : JSON.stringify(value)}</bdi> });
      }
  }
  return lines;
}

export function AuditDetails({ event, nameOf }: { event: AuditEvent; nameOf: (id: string) => string | null }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const lines = detailLines(t, locale, event, nameOf);
  if (lines.length === 0) return <Text size="sm">—</Text>;
  return (
    <>
      {lines.map((line, i) => (
        <Text key={i} size="sm">
          {line.label}: {line.value}
        </Text>
      ))}
    </>
  );
}
