import { z } from 'zod';

export const AUDIT_ACTIONS = [
  'company.created',
  'login.succeeded',
  'login.failed',
  'user.invited',
  'invitation.resent',
  'invitation.revoked',
  'invitation.accepted',
  'user.role_changed',
  'user.permissions_changed',
  'user.name_changed',
  'user.deactivated',
  'user.reactivated',
  'user.deleted',
  'user.items_reassigned',
  'user.access_expired',
  'user.access_until_changed',
  'plan.changed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AuditQuery = z.object({
  actorId: z.uuid().optional(),
  targetId: z.uuid().optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEvent = z.object({
  id: z.string(),
  at: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  actor: z.object({ id: z.uuid().nullable(), name: z.string() }).nullable(),
  target: z.object({ id: z.uuid().nullable(), name: z.string() }).nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditPage = z.object({ items: z.array(AuditEvent), nextCursor: z.string().nullable() });
