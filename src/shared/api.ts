/** Request and response schemas of the public HTTP API, shared by the server (validation and
 * OpenAPI) and the web UI (types). */
import { z } from 'zod';
import { PERMISSIONS, ROLES } from './permissions.js';
import { PLANS } from './plans.js';

export const LOCALES = ['en', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'Enter a valid email address' }));
export const Password = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);
export const FullName = z.string().trim().min(1).max(120);
export const Id = z.uuid();
export const PermissionKey = z.enum(PERMISSIONS);
export const RoleName = z.enum(ROLES);
export const PlanName = z.enum(PLANS);
export const MemberStatus = z.enum(['invited', 'active', 'deactivated', 'removed']);
export type MemberStatus = z.infer<typeof MemberStatus>;

export const SignupBody = z.object({
  companyName: z.string().trim().min(1).max(120),
  fullName: FullName,
  email: Email,
  password: Password,
  locale: z.enum(LOCALES).optional(),
});
export const LoginBody = z.object({ email: Email, password: z.string().min(1).max(PASSWORD_MAX) });
export const SwitchCompanyBody = z.object({ companyId: Id });
export const PasswordResetBody = z.object({ email: Email, locale: z.enum(LOCALES).optional() });
export const PasswordResetConfirmBody = z.object({ token: z.string().min(1).max(200), password: Password });
export const LocaleBody = z.object({ locale: z.enum(LOCALES) });

export const CompanyRef = z.object({ id: Id, name: z.string(), role: RoleName });
export const Me = z.object({
  user: z.object({ id: Id, email: z.string(), fullName: z.string(), locale: z.enum(LOCALES) }),
  company: z.object({ id: Id, name: z.string(), plan: PlanName }).nullable(),
  role: RoleName.nullable(),
  permissions: z.array(PermissionKey),
  companies: z.array(CompanyRef),
});
export type Me = z.infer<typeof Me>;

export const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});

export const Member = z.object({
  id: Id,
  fullName: z.string(),
  email: z.string(),
  role: RoleName,
  permissions: z.array(PermissionKey),
  status: MemberStatus,
  lastActiveAt: z.string().nullable(),
  invitedBy: z.object({ id: Id, fullName: z.string() }).nullable(),
  invitationExpiresAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Member = z.infer<typeof Member>;

export const MemberList = z.object({ items: z.array(Member), nextCursor: z.string().nullable() });

export const ListMembersQuery = z.object({
  search: z.string().trim().max(200).optional(),
  role: RoleName.optional(),
  status: MemberStatus.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(500).optional(),
});

export const AddUserBody = z.object({
  fullName: FullName,
  email: Email,
  role: RoleName,
  permissions: z.array(PermissionKey).max(PERMISSIONS.length).default([]),
  locale: z.enum(LOCALES).optional(),
});

export const EditUserBody = z
  .object({
    fullName: FullName.optional(),
    role: RoleName.optional(),
    permissions: z.array(PermissionKey).max(PERMISSIONS.length).optional(),
    status: z.enum(['active', 'deactivated']).optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'Nothing to change' });

export const DeleteUserBody = z.object({ reassignTo: Id.optional() }).optional();

export const OwnedItems = z.object({
  contacts: z.number().int(),
  campaigns: z.number().int(),
  messages: z.number().int(),
  workflows: z.number().int(),
});

export const InvitationView = z.object({
  company: z.object({ name: z.string() }),
  email: z.string(),
  fullName: z.string(),
  invitedBy: z.string().nullable(),
  expiresAt: z.string(),
  /** `true` when the email already has an account: the person logs in to join. */
  accountExists: z.boolean(),
});
export const AcceptInvitationBody = z.object({
  fullName: FullName.optional(),
  password: Password.optional(),
});

export const PlanInfo = z.object({ plan: PlanName, seats: z.number().int().nullable() });
export const Subscription = z.object({
  plan: PlanName,
  seats: z.object({ limit: z.number().int().nullable(), used: z.number().int() }),
});
export const ChangePlanBody = z.object({ plan: PlanName });
