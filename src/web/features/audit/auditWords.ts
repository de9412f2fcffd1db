import type { TFunction } from 'i18next';
import { PLANS, type Plan } from '../../../shared/plans.js';
import type { AuditEvent } from './auditApi';

export const isPlan = (v: unknown): v is Plan => typeof v === 'string' && (PLANS as readonly string[]).includes(v);

/** Who did it: a person, the operator from the command line, or Peikly itself (access expiry). */
export function actorName(t: TFunction, event: AuditEvent): string | null {
  if (event.actor) return event.actor.name;
  if (event.details.by === 'operator') return t('admin.audit.operator');
  if (event.action === 'user.access_expired') return t('admin.audit.system');
  return null;
}
