import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import type { Permission } from '../../src/shared/permissions.js';
import { expectNoAxeViolations, type Person } from './harness/browser.js';
import { STRONG_PASSWORD } from './harness/constants.js';
import { describeInBrowser, storySteps, uniqueEmail, useE2E } from './harness/fixture.js';
import { chooseLanguage, field, gone, heading, signUp, visible } from './harness/flows.js';
import { LANGUAGES, exactly, translator } from './harness/i18n.js';
import { linkIn } from './harness/mail-sink.js';

/** How soon after a click the person must see what an admin changed (a request, not a poll). */
const NEXT_CLICK_MS = 3_000;

/** A JSON call from the signed-in page: same origin, same cookies, as the app itself makes it. */
async function call(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, json: text ? (JSON.parse(text) as unknown) : null };
    },
    { method, path, body },
  );
}

describeInBrowser('guarded features in the browser (issue 4)', () => {
  const e2e = useE2E();

  describe.each(LANGUAGES)('in %s', (lang) => {
    const t = translator(lang);
    const ar = lang === 'ar';
    const admin = {
      companyName: ar ? 'مؤسسة النخيل' : 'Palm Traders',
      fullName: ar ? 'ليلى حداد' : 'Laila Haddad',
      email: uniqueEmail(`feat-admin-${lang}`),
    };
    const member = { fullName: ar ? 'يوسف الأحمد' : 'Yusuf Ahmad', email: uniqueEmail(`feat-member-${lang}`), id: '' };
    const existing = ar ? 'سلمى العلي' : 'Salma Ali';
    const created = {
      name: ar ? 'فيصل القحطاني' : 'Faisal Qahtani',
      email: uniqueEmail(`contact-${lang}`),
      phone: '+966 50 123 4567',
    };
    let adminPerson: Person;
    let memberPerson: Person;
    const step = storySteps();

    const nav = (page: Page) => page.getByRole('navigation', { name: t('nav.label') });
    const navLink = (page: Page, key: string) => nav(page).getByRole('link', { name: exactly(t(key)) });
    const row = (page: Page, text: string) => page.getByRole('row').filter({ hasText: text });
    const addButton = (page: Page) => page.getByRole('button', { name: exactly(t('features.contacts.add')) });
    const rowActions = (page: Page, name: string) =>
      page.getByRole('button', { name: exactly(t('features.actions.label', { name })) });

    async function setPermissions(permissions: Permission[]) {
      const res = await call(adminPerson.page, 'PATCH', `/api/users/${member.id}`, { permissions });
      expect(res.status).toBe(200);
    }

    step('the admin signs up and the company has a contact', async () => {
      adminPerson = await e2e.person();
      const { page } = adminPerson;
      await signUp(page, t, lang, admin);
      const res = await call(page, 'POST', '/api/contacts', { name: existing, phone: '+44 20 7946 0958', tags: ['lead'] });
      expect(res.status).toBe(201);
    });

    step('a TenantUser with contacts.view only sees Contacts read-only', async () => {
      const invited = await call(adminPerson.page, 'POST', '/api/users', {
        fullName: member.fullName,
        email: member.email,
        role: 'TenantUser',
        permissions: ['contacts.view'],
      });
      expect(invited.status).toBe(201);
      member.id = (invited.json as { id: string }).id;
      const mail = await e2e.server.mail.waitForMail(member.email);
      const token = new URL(linkIn(mail)).hash.replace(/^#token=/, '');

      memberPerson = await e2e.person();
      const { page } = memberPerson;
      await page.goto('/login');
      const accepted = await call(page, 'POST', `/api/invitations/${encodeURIComponent(token)}/accept`, {
        password: STRONG_PASSWORD,
      });
      expect(accepted.status).toBe(200);
      await page.goto('/');
      await chooseLanguage(page, lang);
      await visible(navLink(page, 'features.contacts.name'));
      for (const other of ['features.email.name', 'features.whatsapp.name', 'features.workflows.name', 'nav.settings']) {
        expect(await navLink(page, other).count(), other).toBe(0);
      }

      await navLink(page, 'features.contacts.name').click();
      await visible(heading(page, t('features.contacts.name')));
      const listed = await visible(row(page, existing));
      await visible(listed.getByText(admin.fullName, { exact: true }));
      await visible(page.getByRole('columnheader', { name: exactly(t('features.owner.column')) }));
      await visible(page.getByRole('searchbox', { name: exactly(t('features.contacts.search')) }));
      expect(await addButton(page).count()).toBe(0);
      expect(await rowActions(page, existing).count()).toBe(0);
      expect(await page.getByRole('main').getByRole('button').count()).toBe(0);
      await expectNoAxeViolations(page, 'Contacts seen read-only');
    });

    step('the admin grants contacts.manage in the Edit dialog', async () => {
      const { page } = adminPerson;
      await navLink(page, 'nav.settings').click();
      await visible(heading(page, t('settings.users')));
      await page.getByRole('button', { name: t('users.actions.label', { name: member.fullName }), exact: true }).click();
      await page.getByRole('menuitem', { name: t('users.actions.edit'), exact: true }).click();
      const form = await visible(page.getByRole('dialog', { name: t('users.edit.title') }));
      await form.getByRole('checkbox', { name: t('permissions.contacts.manage'), exact: true }).check();
      await form.getByRole('button', { name: t('common.save'), exact: true }).click();
      await gone(form);
    });

    step('on the next click the TenantUser creates a contact, without logging in again', async () => {
      const { page } = memberPerson;
      await navLink(page, 'features.contacts.name').click();
      await visible(addButton(page), NEXT_CLICK_MS);
      await visible(rowActions(page, existing));
      await expectNoAxeViolations(page, 'Contacts with manage permission');

      await addButton(page).click();
      const form = await visible(page.getByRole('dialog', { name: t('features.contacts.addTitle') }));
      await expectNoAxeViolations(page, 'the Add contact dialog');
      await field(form, t('features.contacts.fields.name')).fill(created.name);
      await field(form, t('fields.email')).fill(created.email);
      // The server judges the phone number; its refusal shows beside the field.
      await field(form, t('features.contacts.fields.phone')).fill('call me');
      await field(form, t('features.contacts.fields.tags')).fill(ar ? 'عميل، مميز' : 'customer, VIP');
      expect(await field(form, t('features.owner.label')).inputValue()).toBe(member.id);
      await form.getByRole('button', { name: t('common.save'), exact: true }).click();
      await visible(form.getByText(t('features.invalid.phone'), { exact: true }));
      await expectNoAxeViolations(page, 'the Add contact dialog with a field error');

      await field(form, t('features.contacts.fields.phone')).fill(created.phone);
      await form.getByRole('button', { name: t('common.save'), exact: true }).click();
      await gone(form);
      const added = await visible(row(page, created.name));
      await visible(added.getByText(member.fullName, { exact: true }));
      await visible(page.getByText(t('features.contacts.created', { name: created.name })));

      const list = await call(page, 'GET', `/api/contacts?search=${encodeURIComponent(created.email)}`);
      expect(list.json).toMatchObject({
        items: [
          {
            name: created.name,
            email: created.email,
            phone: created.phone,
            tags: ar ? ['عميل', 'مميز'] : ['customer', 'VIP'],
            ownerId: member.id,
          },
        ],
      });
    });

    step('the owner filter and search narrow the list', async () => {
      const { page } = memberPerson;
      await field(page, t('features.owner.filter')).selectOption({ label: admin.fullName });
      await gone(row(page, created.name));
      await visible(row(page, existing));
      await field(page, t('features.owner.filter')).selectOption({ value: '' });
      await page.getByRole('searchbox', { name: exactly(t('features.contacts.search')) }).fill(created.email);
      await gone(row(page, existing));
      await visible(row(page, created.name));
    });

    step('with contacts.view taken away, the server’s refusal shows whom to ask', async () => {
      await setPermissions([]);
      const { page } = memberPerson;
      // No navigation: the next search asks the server, which answers 403 PERMISSION_REQUIRED.
      await page.getByRole('searchbox', { name: exactly(t('features.contacts.search')) }).fill(existing);
      const notice = t('features.noAccess', {
        feature: t('features.contacts.name'),
        permission: t('permissions.contacts.view'),
      });
      await visible(page.getByText(notice, { exact: true }), NEXT_CLICK_MS);
      await visible(page.getByRole('main').getByText(admin.fullName));
      await visible(page.getByRole('link', { name: admin.email }));
      // `me` was fetched again: the navigation no longer offers Contacts.
      await gone(navLink(page, 'features.contacts.name'), NEXT_CLICK_MS);
      await expectNoAxeViolations(page, 'Contacts without permission');
    });
  });
});
