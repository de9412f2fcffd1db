import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { rows } from '../../src/server/db/client.js';
import { expectNoAxeViolations, type Person } from './harness/browser.js';
import { STRONG_PASSWORD } from './harness/constants.js';
import { describeInBrowser, storySteps, uniqueEmail, useE2E } from './harness/fixture.js';
import { field, gone, heading, signUp, visible } from './harness/flows.js';
import { LANGUAGES, exactly, translator, type Lang } from './harness/i18n.js';
import { linkIn } from './harness/mail-sink.js';

const DAY_MS = 24 * 3600 * 1000;

/** The date the UI shows for an instant, as src/web/i18n/format.ts writes it. */
function uiDate(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(lang === 'ar' ? 'ar-u-nu-latn' : 'en', { dateStyle: 'medium' }).format(new Date(iso));
}

describeInBrowser('the admin control room in the browser (issue 5)', () => {
  const e2e = useE2E();

  describe.each(LANGUAGES)('in %s', (lang) => {
    const t = translator(lang);
    const ar = lang === 'ar';
    const admin = {
      companyName: ar ? 'مؤسسة الرمال' : 'Dune Logistics',
      fullName: ar ? 'هدى السالم' : 'Huda Salem',
      email: uniqueEmail(`ctl-admin-${lang}`),
    };
    const first = { fullName: ar ? 'كريم ناصر' : 'Karim Nasser', email: uniqueEmail(`ctl-first-${lang}`) };
    const second = { fullName: ar ? 'ريم يوسف' : 'Reem Youssef', email: uniqueEmail(`ctl-second-${lang}`) };
    const csvPeople = [1, 2, 3].map((n) => ({
      fullName: `${ar ? 'موظف' : 'Hire'} ${n}`,
      email: uniqueEmail(`ctl-csv${n}-${lang}`),
    }));
    let person: Person;
    const step = storySteps();

    const settingsLink = (page: Page, name: string) =>
      page.getByRole('navigation', { name: t('settings.navLabel') }).getByRole('link', { name: exactly(name) });
    const dialog = (page: Page, title: string) => page.getByRole('dialog', { name: title });
    const seatMeter = (page: Page) => page.getByRole('progressbar', { name: t('admin.billing.seatsTitle') });

    async function expectSeats(page: Page, used: number, limit: number) {
      const words = t('admin.billing.seatsUsedOf', { used, limit });
      await visible(page.getByText(words, { exact: true }));
      expect(await seatMeter(page).getAttribute('aria-valuetext')).toBe(words);
      expect(await seatMeter(page).getAttribute('aria-valuemax')).toBe(String(limit));
    }

    async function openBilling(page: Page) {
      await settingsLink(page, t('settings.billing')).click();
      await visible(heading(page, t('settings.billing')));
    }

    /** Add User through the API from the signed-in page (same origin, same cookies). */
    async function invite(page: Page, who: { fullName: string; email: string }) {
      const status = await page.evaluate(
        async (body) => {
          const response = await fetch('/api/users', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          });
          return response.status;
        },
        { ...who, role: 'TenantUser', permissions: ['contacts.view'] },
      );
      expect(status).toBe(201);
    }

    /** The invited person accepts from the link in their email, without a browser. */
    async function accept(who: { fullName: string; email: string }) {
      const mail = await e2e.server.mail.waitForMail(who.email);
      const token = new URL(linkIn(mail)).hash.replace(/^#token=/, '');
      const response = await e2e.server.app.inject({
        method: 'POST',
        url: `/api/invitations/${encodeURIComponent(token)}/accept`,
        payload: { fullName: who.fullName, password: STRONG_PASSWORD },
      });
      expect(response.statusCode, response.body).toBe(200);
    }

    async function lastActiveDaysAgo(email: string, days: number) {
      await rows(
        e2e.server.app.ctx.db,
        sql`UPDATE memberships m SET last_active_at = ${new Date(Date.now() - days * DAY_MS)}
            FROM users u WHERE u.id = m.user_id AND lower(u.email) = ${email.toLowerCase()}`,
      );
    }

    step('Billing & Subscription: the seat meter follows the invitations, and an upgrade applies at once', async () => {
      person = await e2e.person();
      const { page } = person;
      await signUp(page, t, lang, admin);
      await page.goto('/settings/users');
      await visible(heading(page, t('settings.users')));
      await openBilling(page);
      await expectSeats(page, 1, 3);
      await expectNoAxeViolations(page, 'Billing & Subscription');

      await invite(page, first);
      await invite(page, second);
      await page.reload();
      await expectSeats(page, 3, 3);

      await page.getByRole('button', { name: t('admin.billing.changeTo', { plan: t('plans.starter') }), exact: true }).click();
      const confirm = await visible(dialog(page, t('admin.billing.confirmTitle', { plan: t('plans.starter') })));
      await expectNoAxeViolations(page, 'the change-plan confirmation');
      await confirm.getByRole('button', { name: t('admin.billing.confirmButton', { plan: t('plans.starter') }) }).click();
      await gone(confirm);
      await expectSeats(page, 3, 10);
      await visible(page.getByText(t('admin.billing.changed', { plan: t('plans.starter') })));
    });

    step('Bulk invite: a CSV with one invalid row is checked row by row, then sent', async () => {
      const { page } = person;
      await settingsLink(page, t('settings.users')).click();
      await page.getByRole('link', { name: t('admin.bulkInvite.button'), exact: true }).click();
      await visible(heading(page, t('admin.bulkInvite.title')));
      await expectNoAxeViolations(page, 'Bulk invite');

      // A file without an email column cannot be read at all: the line and the reason, in words.
      await field(page, t('admin.bulkInvite.fileLabel')).setInputFiles({
        name: 'phones.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('name,phone\nSami,+97150000000\n'),
      });
      await page.getByRole('button', { name: t('admin.bulkInvite.check'), exact: true }).click();
      const fileAlert = await visible(page.getByRole('alert').filter({ hasText: t('errors.CSV_INVALID') }));
      const missing = t('admin.bulkInvite.fileErrors.missingColumn', { column: t('admin.bulkInvite.columns.email') });
      await visible(fileAlert.getByText(t('admin.bulkInvite.fileErrors.line', { line: 1, reason: missing }), { exact: true }));

      const csv = [
        'full name,email,role,permissions',
        ...csvPeople.map((p) => `${p.fullName},${p.email},TenantUser,contacts.view`),
        `${ar ? 'بلا بريد' : 'No Mail'},not-an-email,TenantUser,`,
      ].join('\n');
      await field(page, t('admin.bulkInvite.fileLabel')).setInputFiles({
        name: 'team.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv),
      });
      await page.getByRole('button', { name: t('admin.bulkInvite.check'), exact: true }).click();
      await visible(page.getByRole('heading', { name: t('admin.bulkInvite.resultTitle', { file: 'team.csv' }) }));
      const invalidRow = page.getByRole('row').filter({ hasText: 'not-an-email' });
      await visible(invalidRow.getByText(t('admin.bulkInvite.outcomes.invalid'), { exact: true }));
      await visible(
        invalidRow.getByText(`${t('admin.bulkInvite.columns.email')}: ${t('admin.bulkInvite.rowErrors.emailInvalid')}`),
      );
      for (const p of csvPeople) {
        await visible(
          page.getByRole('row').filter({ hasText: p.email }).getByText(t('admin.bulkInvite.outcomes.invite'), { exact: true }),
        );
      }
      await visible(page.getByText(t('admin.bulkInvite.seats', { used: 3, limit: 10, count: 7 }), { exact: true }));
      await expectNoAxeViolations(page, 'the bulk invite dry run');

      await page.getByRole('button', { name: t('admin.bulkInvite.send.button', { count: 3 }), exact: true }).click();
      const confirm = await visible(dialog(page, t('admin.bulkInvite.send.title', { count: 3 })));
      await expectNoAxeViolations(page, 'the send-invitations confirmation');
      await confirm.getByRole('button', { name: t('admin.bulkInvite.send.button', { count: 3 }), exact: true }).click();
      await visible(page.getByText(t('admin.bulkInvite.done.title', { count: 3 }), { exact: true }));
      await gone(confirm);
      await e2e.server.mail.waitForMail(csvPeople[2]!.email);
    });

    step('a downgrade below the seats in use is refused and says how many users must go', async () => {
      const { page } = person;
      await openBilling(page);
      await expectSeats(page, 6, 10);
      await page.getByRole('button', { name: t('admin.billing.changeTo', { plan: t('plans.free') }), exact: true }).click();
      const confirm = await visible(dialog(page, t('admin.billing.confirmTitle', { plan: t('plans.free') })));
      await confirm.getByRole('button', { name: t('admin.billing.confirmButton', { plan: t('plans.free') }) }).click();
      const alert = await visible(confirm.getByRole('alert').filter({ hasText: t('admin.billing.refusedTitle') }));
      await visible(alert.getByText(t('admin.billing.mustRemove', { count: 3 }), { exact: true }));
      await visible(alert.getByRole('link', { name: t('admin.billing.goToUsers'), exact: true }));
      await expectNoAxeViolations(page, 'the refused downgrade');
      await confirm.getByRole('button', { name: t('common.cancel'), exact: true }).click();
      await gone(confirm);
      await expectSeats(page, 6, 10);
    });

    step('Audit log: filtered by action, with the CSV export carrying the same filters', async () => {
      const { page } = person;
      await settingsLink(page, t('admin.audit.title')).click();
      await visible(heading(page, t('admin.audit.title')));
      await visible(page.getByRole('cell', { name: t('admin.audit.actions.user.invited'), exact: true }).first());
      await expectNoAxeViolations(page, 'the audit log');

      await field(page, t('admin.audit.filters.action')).selectOption({ label: t('admin.audit.actions.plan.changed') });
      const today = new Date();
      const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
      await field(page, t('admin.audit.filters.from')).fill(day);
      await visible(page.getByText(t('admin.audit.shown', { count: 1 }), { exact: true }));
      const row = page.getByRole('row').filter({ hasText: t('admin.audit.actions.plan.changed') });
      await visible(
        row.getByText(`${t('admin.audit.fields.plan')}: ${t('plans.free')} ${t('admin.audit.arrow')} ${t('plans.starter')}`),
      );
      await visible(row.getByText(admin.fullName));
      expect(await page.getByRole('cell', { name: t('admin.audit.actions.user.invited'), exact: true }).count()).toBe(0);

      const exportLink = page.getByRole('link', { name: t('admin.audit.export'), exact: true });
      const href = (await exportLink.getAttribute('href')) ?? '';
      const url = new URL(href, e2e.server.url);
      expect(url.pathname).toBe('/api/audit-log.csv');
      expect(url.searchParams.get('action')).toBe('plan.changed');
      expect(url.searchParams.get('from')).toBe(new Date(`${day}T00:00:00`).toISOString());
      expect(await exportLink.getAttribute('download')).not.toBeNull();
      const csv = await page.evaluate(async (path) => (await fetch(path)).text(), href);
      const lines = csv.trim().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain('plan.changed');
      await expectNoAxeViolations(page, 'the filtered audit log');
    });

    step('Access until: the Edit dialog sets an end date that the users list and the access review show', async () => {
      const { page } = person;
      await accept(first);
      await accept(second);
      await settingsLink(page, t('settings.users')).click();
      await visible(heading(page, t('settings.users')));
      await page.getByRole('button', { name: t('users.actions.label', { name: first.fullName }), exact: true }).click();
      await page.getByRole('menuitem', { name: t('users.actions.edit'), exact: true }).click();
      const form = await visible(dialog(page, t('users.edit.title')));
      const until = new Date(Date.now() + 5 * DAY_MS).toISOString().slice(0, 10);
      await field(form, t('admin.accessUntil.label')).fill(until);
      await expectNoAxeViolations(page, 'the Edit user dialog with Access until');
      await form.getByRole('button', { name: t('common.save'), exact: true }).click();
      await gone(form);
      const date = uiDate(lang, `${until}T23:59:59.999Z`);
      await visible(
        page
          .getByRole('row')
          .filter({ hasText: first.email })
          .getByText(t('admin.accessUntil.hintShort', { date }), { exact: true }),
      );
    });

    step('Access review: the buckets count the members; two dormant ones are selected and deactivated', async () => {
      const { page } = person;
      await lastActiveDaysAgo(first.email, 45);
      await lastActiveDaysAgo(second.email, 120);
      await settingsLink(page, t('admin.review.title')).click();
      await visible(heading(page, t('admin.review.title')));
      const summary = page.getByRole('list', { name: t('admin.review.summaryLabel') });
      const card = (group: string) => summary.getByRole('link', { name: t(`admin.review.groups.${group}.title`) });
      await visible(card('dormant30').getByText('1', { exact: true }));
      await visible(card('dormant90').getByText('1', { exact: true }));
      await visible(card('active').getByText('1', { exact: true }));
      await visible(card('neverSignedIn').getByText('0', { exact: true }));
      await visible(page.getByText(t('admin.review.singleAdmin.title'), { exact: true }));
      const expiring = page.getByRole('region', {
        name: t('admin.review.groupHeading', { group: t('admin.review.expiring.title'), count: 1 }),
      });
      await visible(expiring.getByText(first.fullName));
      await expectNoAxeViolations(page, 'the access review');

      await page.getByRole('checkbox', { name: t('admin.review.select', { name: first.fullName }), exact: true }).check();
      await page.getByRole('checkbox', { name: t('admin.review.select', { name: second.fullName }), exact: true }).check();
      await visible(page.getByText(t('admin.review.selectedCount', { count: 2 }), { exact: true }));
      await page.getByRole('button', { name: t('admin.review.deactivateSelected'), exact: true }).click();
      const confirm = await visible(dialog(page, t('admin.review.bulk.title', { count: 2 })));
      await visible(confirm.getByText(second.fullName));
      await expectNoAxeViolations(page, 'the bulk deactivate confirmation');
      await confirm.getByRole('button', { name: t('admin.review.bulk.confirm', { count: 2 }), exact: true }).click();

      const results = await visible(dialog(page, t('admin.review.bulk.resultTitle')));
      await visible(results.getByText(t('admin.review.bulk.summary', { count: 2 }), { exact: true }));
      expect(await results.getByText(t('admin.review.bulk.rowDone'), { exact: true }).count()).toBe(2);
      await expectNoAxeViolations(page, 'the bulk deactivate results');
      await results.getByRole('button', { name: t('admin.review.bulk.done'), exact: true }).click();
      await gone(results);
      await visible(card('dormant30').getByText('0', { exact: true }));
      await visible(card('dormant90').getByText('0', { exact: true }));
    });
  });
});
