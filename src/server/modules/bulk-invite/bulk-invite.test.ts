import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulkInviteResult } from '../../../shared/review.js';
import { rows } from '../../db/client.js';
import {
  APP_URL,
  createTestApp,
  signUpCompany,
  STRONG_PASSWORD,
  uniqueEmail,
  type TestApp,
  type TestClient,
} from '../../../../tests/setup/app.js';
import { addActiveMember, invitationToken, setPlan } from '../users/test-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** Posts the file as text/csv, the way the upload sends it. */
async function send(client: TestClient, csv: string | Buffer, dryRun: boolean) {
  return t.app.inject({
    method: 'POST',
    url: `/api/users/bulk-invite?dryRun=${dryRun}`,
    headers: { origin: APP_URL, cookie: client.cookie!, 'content-type': 'text/csv; charset=utf-8' },
    payload: csv,
  });
}

async function memberCount(companyId: string): Promise<number> {
  const [row] = await rows<{ n: number }>(
    t.database.db,
    sql`SELECT count(*)::int AS n FROM memberships WHERE company_id = ${companyId}`,
  );
  return row!.n;
}

async function sideEffects(companyId: string) {
  const [row] = await rows<{ members: number; invitations: number; mails: number; audits: number }>(
    t.database.db,
    sql`SELECT (SELECT count(*)::int FROM memberships WHERE company_id = ${companyId}) AS members,
               (SELECT count(*)::int FROM invitations WHERE company_id = ${companyId}) AS invitations,
               (SELECT count(*)::int FROM mail_outbox WHERE company_id = ${companyId}) AS mails,
               (SELECT count(*)::int FROM audit_events WHERE company_id = ${companyId} AND action = 'user.invited') AS audits`,
  );
  return row!;
}

const outcomes = (result: BulkInviteResult) => result.rows.map((r) => [r.row, r.outcome]);

describe('bulk invite from CSV', () => {
  it('dry run: shows per row what would happen and writes nothing; the commit over the limit creates nothing', async () => {
    const admin = await signUpCompany(t, 'Importers');
    const a = uniqueEmail('a');
    const b = uniqueEmail('b');
    const c = uniqueEmail('c');
    const csv = [
      'Email,Full Name,ROLE,Permissions,Notes',
      `${a},Ann Able,,contacts.manage;email.view,first`,
      '',
      `${b.toUpperCase()},Bob Baker,companyadmin,,`,
      `not-an-email,Bad Row,TenantUser,,`,
      `${uniqueEmail('d')},,Owner,billing.manage|contacts.view,`,
      `${a.toUpperCase()},Ann Again,,,`,
      `${admin.email},Already Here,,,`,
      `${c},Cy Over,,workflows.manage whatsapp.send,`,
    ].join('\r\n');
    const before = await sideEffects(admin.companyId);

    const res = await send(admin.client, csv, true);
    expect(res.statusCode).toBe(200);
    const result: BulkInviteResult = res.json();
    expect(result.dryRun).toBe(true);
    expect(outcomes(result)).toEqual([
      [2, 'invite'],
      [4, 'invite'],
      [5, 'invalid'],
      [6, 'invalid'],
      [7, 'duplicate_in_file'],
      [8, 'already_member'],
      [9, 'over_limit'],
    ]);
    expect(result.rows[0]).toEqual({
      row: 2,
      email: a,
      fullName: 'Ann Able',
      role: 'TenantUser',
      permissions: ['contacts.view', 'contacts.manage', 'email.view'],
      outcome: 'invite',
    });
    expect(result.rows[1]).toMatchObject({ email: b, role: 'CompanyAdmin' });
    expect(result.rows[2]!.errors).toEqual({ email: 'Enter a valid email address' });
    expect(result.rows[3]!.errors).toEqual({
      fullName: 'Full name is required',
      role: 'Role must be CompanyAdmin or TenantUser',
      permissions: 'Unknown permission: billing.manage',
    });
    expect(result.rows[5]).toMatchObject({ outcome: 'already_member', memberStatus: 'active' });
    expect(result.rows[6]!.permissions).toEqual(['whatsapp.view', 'whatsapp.send', 'workflows.view', 'workflows.manage']);
    expect(result.summary).toEqual({ invite: 2, alreadyMember: 1, invalid: 2, overLimit: 1, duplicate: 1 });
    expect(result.seats).toEqual({ limit: 3, used: 1, available: 2 });
    expect(result.ignoredColumns).toEqual(['Notes']);
    expect(result.invited).toBe(0);
    expect(await sideEffects(admin.companyId)).toEqual(before);

    const commit = await send(admin.client, csv, false);
    expect(commit.statusCode).toBe(402);
    expect(commit.json().error).toMatchObject({
      code: 'USER_LIMIT_REACHED',
      details: { limit: 3, used: 1, plan: 'free', requested: 3 },
    });
    expect(await sideEffects(admin.companyId)).toEqual(before);
    await t.flushMail();
    expect(t.mailbox.to(a)).toHaveLength(0);
  });

  it('commit: invites every row all together, skipping invalid rows and members, and the links work', async () => {
    const admin = await signUpCompany(t, 'Committers');
    await setPlan(t, admin.companyId, 'starter');
    const removed = await addActiveMember(t, admin.client, { fullName: 'Once Removed' });
    expect((await admin.client.delete(`/api/users/${removed.id}`)).statusCode).toBe(204);
    const a = uniqueEmail('a');
    const b = uniqueEmail('b');
    const csv = [
      'name,email,role,permissions',
      `"O""Brien, Pat",${a},TenantUser,contacts.view | email.send`,
      `Back Again,${removed.email},CompanyAdmin,`,
      `Bad,nope,,`,
      `Me Myself,${admin.email},,`,
      `"=HYPERLINK(""http://evil.example"",""x"")",${b},,`,
    ].join('\n');
    const before = await sideEffects(admin.companyId);

    // The JSON form, as a script would send it.
    const res = await admin.client.post('/api/users/bulk-invite?dryRun=false', { csv });
    expect(res.statusCode).toBe(200);
    const result: BulkInviteResult = res.json();
    expect(outcomes(result)).toEqual([
      [2, 'invite'],
      [3, 'invite'],
      [4, 'invalid'],
      [5, 'already_member'],
      [6, 'invite'],
    ]);
    expect(result).toMatchObject({ dryRun: false, invited: 3, seats: { limit: 10, used: 4, available: 6 } });
    expect(await sideEffects(admin.companyId)).toEqual({
      members: before.members + 2,
      invitations: before.invitations + 3,
      mails: before.mails + 3,
      audits: before.audits + 3,
    });

    const list = (await admin.client.get('/api/users?status=invited')).json().items;
    expect(
      list.map((m: { fullName: string; email: string; role: string; permissions: string[] }) => [m.fullName, m.email, m.role]),
    ).toEqual([
      ['=HYPERLINK("http://evil.example","x")', b, 'TenantUser'],
      ['Back Again', removed.email, 'CompanyAdmin'],
      ['O"Brien, Pat', a, 'TenantUser'],
    ]);
    const pat = list.find((m: { email: string }) => m.email === a);
    expect(pat).toMatchObject({ permissions: ['contacts.view', 'email.view', 'email.send'], invitedBy: { id: admin.userId } });

    // The invitation link works like one from Add User.
    const token = await invitationToken(t, a);
    const accepted = await t.client().post(`/api/invitations/${token}/accept`, { password: STRONG_PASSWORD });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().company.id).toBe(admin.companyId);

    // The formula-looking name stays data, and the audit export neutralises it.
    const exported = await admin.client.get('/api/audit-log.csv?action=user.invited');
    expect(exported.statusCode).toBe(200);
    expect(exported.body).toContain(`'=HYPERLINK(""http://evil.example"",""x"")`);
    expect(exported.body).toContain('"O""Brien, Pat"');
  });

  it('answers a file it cannot read with 400 CSV_INVALID and the lines at fault, never a 5xx', async () => {
    const admin = await signUpCompany(t, 'Malformed');
    const email = uniqueEmail('x');
    const cases: [string, string | Buffer, { row: number; message: RegExp }][] = [
      [
        'unclosed quote',
        `full name,email\nAnn,${email}\n"Bob,bob@example.com\nCy,cy@example.com\n`,
        { row: 3, message: /never closed/ },
      ],
      ['no header', `Ann Able,${email}\nBob,bob@example.com\n`, { row: 1, message: /"email" is missing/ }],
      ['no email column', `full name,role\nAnn,TenantUser\n`, { row: 1, message: /"email" is missing/ }],
      ['email column twice', `full name,email,Email\nAnn,${email},${email}\n`, { row: 1, message: /appears twice/ }],
      [
        'binary junk',
        Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0xfe, 0x0a, 0x00, 0x01]),
        { row: 1, message: /Unreadable/ },
      ],
      [
        'not UTF-8',
        Buffer.concat([Buffer.from('full name,email\n'), Buffer.from([0x4a, 0xf6, 0x72, 0x67]), Buffer.from(`,${email}\n`)]),
        { row: 2, message: /UTF-8/ },
      ],
      ['empty', '', { row: 1, message: /No header/ }],
      ['header only', 'full name,email\n\n', { row: 1, message: /No rows/ }],
      ['over 5,000 rows', 'full name,email\n' + `P,${email}\n`.repeat(5001), { row: 5002, message: /over the limit/ }],
    ];
    for (const [name, body, error] of cases) {
      const res = await send(admin.client, body, true);
      expect(res.statusCode, name).toBe(400);
      const body400 = res.json().error;
      expect(body400.code, name).toBe('CSV_INVALID');
      expect(body400.details.errors[0], name).toEqual({ row: error.row, message: expect.stringMatching(error.message) });
      expect((await send(admin.client, body, false)).statusCode, name).toBe(400);
    }
    expect(await memberCount(admin.companyId)).toBe(1);

    const junkJson = await admin.client.post('/api/users/bulk-invite', { csv: 42 });
    expect(junkJson.statusCode).toBe(400);
    const spreadsheet = await t.app.inject({
      method: 'POST',
      url: '/api/users/bulk-invite',
      headers: { origin: APP_URL, cookie: admin.client.cookie!, 'content-type': 'application/vnd.ms-excel' },
      payload: 'full name,email\n',
    });
    expect(spreadsheet.statusCode).toBe(415);
  });

  it('refuses a file over 2 MiB with 413', async () => {
    const admin = await signUpCompany(t, 'Huge');
    const row = `Some Person,${'x'.repeat(60)}@example.com\n`;
    const big = 'full name,email\n' + row.repeat(Math.ceil((2 * 1024 * 1024) / row.length) + 1);
    const res = await send(admin.client, big, true);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('is for CompanyAdmins only', async () => {
    const admin = await signUpCompany(t, 'Guarded');
    const member = await addActiveMember(t, admin.client);
    const res = await send(member.client, `full name,email\nX,${uniqueEmail()}\n`, false);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('COMPANY_ADMIN_REQUIRED');
    expect(await memberCount(admin.companyId)).toBe(2);
  });

  it('handles a 1,000-row file: dry run and commit in one transaction', async () => {
    const admin = await signUpCompany(t, 'Thousand');
    await setPlan(t, admin.companyId, 'enterprise');
    const tag = uniqueEmail('bulk').split('@')[0];
    const lines = ['full name,email,role,permissions'];
    for (let i = 1; i <= 1000; i++) lines.push(`Person ${i},${tag}.${i}@example.com,TenantUser,contacts.view;email.send`);
    const csv = lines.join('\n');

    let started = performance.now();
    const dry = await send(admin.client, csv, true);
    const dryMs = performance.now() - started;
    expect(dry.statusCode).toBe(200);
    expect(dry.json().summary).toEqual({ invite: 1000, alreadyMember: 0, invalid: 0, overLimit: 0, duplicate: 0 });

    started = performance.now();
    const commit = await send(admin.client, csv, false);
    const commitMs = performance.now() - started;
    expect(commit.statusCode).toBe(200);
    expect(commit.json()).toMatchObject({ invited: 1000, seats: { limit: null, used: 1001, available: null } });
    expect(await sideEffects(admin.companyId)).toMatchObject({ members: 1001, invitations: 1000, mails: 1000, audits: 1000 });
    console.info(
      `[bulk-invite] 1,000 rows on ${t.database.kind}: dry run ${(dryMs / 1000).toFixed(2)} s, commit ${(commitMs / 1000).toFixed(2)} s`,
    );
    expect(commitMs).toBeLessThan(20_000);

    // The same file again: everyone is already a member now.
    const again = await send(admin.client, csv, false);
    expect(again.json().summary).toMatchObject({ invite: 0, alreadyMember: 1000 });
    expect(await memberCount(admin.companyId)).toBe(1001);
  }, 60_000);
});
