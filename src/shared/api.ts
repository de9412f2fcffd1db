/** Request and response schemas of the public HTTP API, shared by the server (validation and
 * OpenAPI) and the web UI (types). */
import { z } from 'zod';
import { PERMISSIONS, ROLES } from './permissions.js';
import { LOCALES, PASSWORD_MAX, PASSWORD_MIN } from './limits.js';
import { PLANS } from './plans.js';

export { LOCALES, PASSWORD_MAX, PASSWORD_MIN, type Locale } from './limits.js';

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
  /** Time-limited access: past this instant the member is deactivated automatically. */
  accessUntil: z.string().nullable(),
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

/** An instant in the future (checked by the server against its clock); null clears it. */
export const AccessUntil = z.iso.datetime({ offset: true }).nullable().optional();

export const AddUserBody = z.object({
  fullName: FullName,
  email: Email,
  role: RoleName,
  permissions: z.array(PermissionKey).max(PERMISSIONS.length).default([]),
  locale: z.enum(LOCALES).optional(),
  accessUntil: AccessUntil,
});

export const EditUserBody = z
  .object({
    fullName: FullName.optional(),
    role: RoleName.optional(),
    permissions: z.array(PermissionKey).max(PERMISSIONS.length).optional(),
    status: z.enum(['active', 'deactivated']).optional(),
    accessUntil: AccessUntil,
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

/* The guarded features: contacts, email campaigns, WhatsApp messages, workflows. */

/** Who owns an item. `status` is the owner's membership status, so a list can say "Name (removed)". */
export const ItemOwner = z.object({ id: Id, fullName: z.string(), status: MemberStatus });
export type ItemOwner = z.infer<typeof ItemOwner>;

const ownedItem = { id: Id, ownerId: Id, owner: ItemOwner, createdAt: z.string(), updatedAt: z.string() };
const somethingToChange = (body: Record<string, unknown>) => Object.values(body).some((v) => v !== undefined);

/** Newest first; `cursor` is the opaque `nextCursor` of the previous page. */
export const FeatureListQuery = z.object({
  search: z.string().trim().max(200).optional(),
  ownerId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(500).optional(),
});
export type FeatureListQuery = z.infer<typeof FeatureListQuery>;

const ItemName = z.string().trim().min(1).max(200);
export const PhoneNumber = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ().-]{4,30}$/, { message: 'Enter a phone number such as +44 20 7946 0958' });
const Tag = z.string().trim().min(1).max(50);

export const Contact = z.object({
  ...ownedItem,
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  tags: z.array(z.string()),
});
export type Contact = z.infer<typeof Contact>;
export const ContactList = z.object({ items: z.array(Contact), nextCursor: z.string().nullable() });
export const CreateContactBody = z.object({
  name: ItemName,
  email: Email.nullable().optional(),
  phone: PhoneNumber.nullable().optional(),
  tags: z.array(Tag).max(20).default([]),
  /** Defaults to the caller; must be an active member. */
  ownerId: Id.optional(),
});
export type CreateContactBody = z.input<typeof CreateContactBody>;
export const UpdateContactBody = z
  .object({
    name: ItemName.optional(),
    email: Email.nullable().optional(),
    phone: PhoneNumber.nullable().optional(),
    tags: z.array(Tag).max(20).optional(),
    ownerId: Id.optional(),
  })
  .refine(somethingToChange, { message: 'Nothing to change' });
export type UpdateContactBody = z.input<typeof UpdateContactBody>;

export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'sent'] as const;
export const Campaign = z.object({
  ...ownedItem,
  name: z.string(),
  subject: z.string(),
  body: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  scheduledAt: z.string().nullable(),
  sentAt: z.string().nullable(),
});
export type Campaign = z.infer<typeof Campaign>;
export const CampaignList = z.object({ items: z.array(Campaign), nextCursor: z.string().nullable() });
const CampaignSubject = z.string().trim().min(1).max(300);
const CampaignBodyText = z.string().max(100_000);
export const CreateCampaignBody = z.object({
  name: ItemName,
  subject: CampaignSubject,
  body: CampaignBodyText.default(''),
  ownerId: Id.optional(),
});
export type CreateCampaignBody = z.input<typeof CreateCampaignBody>;
export const UpdateCampaignBody = z
  .object({
    name: ItemName.optional(),
    subject: CampaignSubject.optional(),
    body: CampaignBodyText.optional(),
    ownerId: Id.optional(),
  })
  .refine(somethingToChange, { message: 'Nothing to change' });
export type UpdateCampaignBody = z.input<typeof UpdateCampaignBody>;
/** Without `scheduledAt` the campaign is sent now; with it, scheduled for that (future) time. */
export const SendCampaignBody = z.object({ scheduledAt: z.iso.datetime({ offset: true }).optional() }).nullish();

export const MESSAGE_STATUSES = ['draft', 'queued', 'sent', 'failed'] as const;
export const Message = z.object({
  ...ownedItem,
  recipientPhone: z.string(),
  text: z.string(),
  status: z.enum(MESSAGE_STATUSES),
  sentAt: z.string().nullable(),
});
export type Message = z.infer<typeof Message>;
export const MessageList = z.object({ items: z.array(Message), nextCursor: z.string().nullable() });
/** WhatsApp's own limit for a text message. */
const MessageText = z.string().trim().min(1).max(4096);
export const CreateMessageBody = z.object({ recipientPhone: PhoneNumber, text: MessageText, ownerId: Id.optional() });
export type CreateMessageBody = z.input<typeof CreateMessageBody>;
export const UpdateMessageBody = z
  .object({ recipientPhone: PhoneNumber.optional(), text: MessageText.optional(), ownerId: Id.optional() })
  .refine(somethingToChange, { message: 'Nothing to change' });
export type UpdateMessageBody = z.input<typeof UpdateMessageBody>;

/** One step of a workflow: a `type` and whatever settings that type takes. */
export const WorkflowStep = z.looseObject({ type: z.string().trim().min(1).max(100) });
export type WorkflowStep = z.infer<typeof WorkflowStep>;
const WorkflowSteps = z.array(WorkflowStep).max(100);
const WorkflowTrigger = z.string().trim().min(1).max(100);
export const Workflow = z.object({
  ...ownedItem,
  name: z.string(),
  trigger: z.string(),
  steps: z.array(WorkflowStep),
  enabled: z.boolean(),
  /** The owner is no longer an active member; the workflow keeps running under the company. */
  ownerRemoved: z.boolean(),
});
export type Workflow = z.infer<typeof Workflow>;
export const WorkflowList = z.object({ items: z.array(Workflow), nextCursor: z.string().nullable() });
export const CreateWorkflowBody = z.object({
  name: ItemName,
  trigger: WorkflowTrigger,
  steps: WorkflowSteps.default([]),
  enabled: z.boolean().default(false),
  ownerId: Id.optional(),
});
export type CreateWorkflowBody = z.input<typeof CreateWorkflowBody>;
export const UpdateWorkflowBody = z
  .object({
    name: ItemName.optional(),
    trigger: WorkflowTrigger.optional(),
    steps: WorkflowSteps.optional(),
    enabled: z.boolean().optional(),
    ownerId: Id.optional(),
  })
  .refine(somethingToChange, { message: 'Nothing to change' });
export type UpdateWorkflowBody = z.input<typeof UpdateWorkflowBody>;
