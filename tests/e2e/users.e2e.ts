import type { Locator, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { renderMail } from '../../src/server/mail/templates.js';
import type { Permission } from '../../src/shared/permissions.js';
import { expectNoAxeViolations, type Person } from './harness/browser.js';
import { STRONG_PASSWORD } from './harness/constants.js';
import { describeInBrowser, storySteps, uniqueEmail, useE2E } from './harness/fixture.js';
import { chooseLanguage, expectDocumentLanguage, field, gone, heading, signUp, visible } from './harness/flows.js';
import { LANGUAGES, exactly, translator } from './harness/i18n.js';
import { linkIn } from './harness/mail-sink.js';

/** How soon after a click the person must see what an admin changed (a request, not a poll). */
const NEXT_CLICK_MS = 3_000;

describeInBrowser('Settings → Users in the browser (issue 3)', () => {
  const e2e = useE2E();

  describe.each(LANGUAGES)('in %s', (lang) => {
    const t = translator(lang);
    const ar = lang === 'ar';
    const admin = {
      companyName: ar ? 'مؤسسة الواحة' : 'Oasis Supplies',
      fullName: ar ? 'سارة منصور' : 'Sara Mansour',
      email: uniqueEmail(`admin-${lang}`),
    };
    const member = {
      invitedAs: ar ? 'عمر' : 'Omar',
      fullName: ar ? 'عمر الخطيب' : 'Omar Khatib',
      email: uniqueEmail(`member-${lang}`),
      link: '',
    };
    let adminPerson: Person;
    let memberPerson: Person;
    const step = storySteps();

    /** The users page helpers, for whoever holds `page`. */
    const nav = (page: Page) => page.getByRole('navigation', { name: t('nav.label') });
    const navLink = (page: Page, key: string) => nav(page).getByRole('link', { name: exactly(t(key)) });
    const row = (page: Page, email: string) => page.getByRole('row').filter({ hasText: email });
    const dialog = (page: Page, title: string) => page.getByRole('dialog', { name: title });
    const permission = (scope: Locator, key: Permission) =>
      scope.getByRole('checkbox', { name: t(`permissions.${key}`), exact: true });

    async function rowAction(page: Page, name: string, action: 'edit' | 'deactivate' | 'delete') {
      await page.getByRole('button', { name: t('users.actions.label', { name }), exact: true }).click();
      await page.getByRole('menuitem', { name: t(`users.actions.${action}`), exact: true }).click();
    }

    async function openAddUser(page: Page): Promise<Locator> {
      await page.getByRole('button', { name: t('users.add.button'), exact: true }).click();
      return visible(dialog(page, t('users.add.title')));
    }

    async function fillAddUser(form: Locator, who: { fullName: string; email: string }, permissions: Permission[]) {
      await field(form, t('fields.fullName')).fill(who.fullName);
      await field(form, t('fields.email')).fill(who.email);
      await form.getByRole('radio', { name: 'TenantUser', exact: true }).check();
      for (const key of permissions) await permission(form, key).check();
      await form.getByRole('button', { name: t('common.save'), exact: true }).click();
    }

    async function expectStatus(page: Page, email: string, status: 'invited' | 'active' | 'deactivated') {
      await visible(row(page, email).getByText(t(`users.status.${status}`), { exact: true }));
    }

    step('the admin signs up and opens Settings → Users', async () => {
      adminPerson = await e2e.person();
      const { page } = adminPerson;
      await signUp(page, t, lang, admin);
      await navLink(page, 'nav.settings').click();
      await page
        .getByRole('navigation', { name: t('settings.navLabel') })
        .getByRole('link', { name: t('settings.users') })
        .click();
      await visible(heading(page, t('settings.users')));
      await expectStatus(page, admin.email, 'active');
      await expectNoAxeViolations(page, 'Settings → Users');
    });

    step('Add User invites a TenantUser with permissions; the invitation arrives by email', async () => {
      const { page } = adminPerson;
      const form = await openAddUser(page);
      await expectNoAxeViolations(page, 'the Add User dialog');
      const before = e2e.server.mail.messages.length;
      await fillAddUser(form, { fullName: member.invitedAs, email: member.email }, ['contacts.view', 'email.view']);
      await gone(form);
      await expectStatus(page, member.email, 'invited');
      await visible(page.getByText(t('users.add.sent', { email: member.email })));
      await expectNoAxeViolations(page, 'Settings → Users with the “invitation sent” notification');

      const mail = await e2e.server.mail.waitForMail(member.email, { after: before });
      const expected = renderMail(
        {
          kind: 'invitation',
          link: '',
          fullName: member.invitedAs,
          companyName: admin.companyName,
          inviterName: admin.fullName,
          expiresAt: new Date(),
        },
        lang,
      );
      expect(mail.subject).toBe(expected.subject);
      expect(mail.text).toContain(admin.fullName);
      member.link = linkIn(mail);
      expect(member.link.startsWith(e2e.server.url)).toBe(true);
    });

    step('the invited person opens the link in their own browser, sets name and password, and lands in the company', async () => {
      memberPerson = await e2e.person();
      const { page } = memberPerson;
      await page.goto(member.link);
      await visible(page.getByRole('heading', { level: 1 }));
      await chooseLanguage(page, lang);
      await visible(heading(page, t('invitation.title', { company: admin.companyName })));
      await expectNoAxeViolations(page, 'the accept-invitation page');

      await field(page, t('fields.fullName')).fill(member.fullName);
      await field(page, t('fields.password')).fill(STRONG_PASSWORD);
      await page.getByRole('button', { name: t('invitation.accept'), exact: true }).click();
      await visible(heading(page, t('home.title', { name: member.fullName })));
      await expectDocumentLanguage(page, lang);
      await visible(navLink(page, 'features.contacts.name'));
      await visible(navLink(page, 'features.email.name'));
      expect(await navLink(page, 'features.whatsapp.name').count()).toBe(0);
      expect(await navLink(page, 'nav.settings').count()).toBe(0);

      await adminPerson.page.reload();
      await expectStatus(adminPerson.page, member.email, 'active');
    });

    step('a TenantUser who opens Settings → Users is told which CompanyAdmin to ask', async () => {
      const { page } = memberPerson;
      await page.goto('/settings/users');
      await visible(heading(page, t('settings.users')));
      await visible(page.getByText(t('users.adminOnly'), { exact: true }));
      await visible(page.getByRole('main').getByText(admin.fullName));
      await visible(page.getByRole('link', { name: admin.email }));
      expect(await page.getByRole('button', { name: t('users.add.button') }).count()).toBe(0);
      await expectNoAxeViolations(page, 'Settings → Users seen by a TenantUser');
      await navLink(page, 'nav.home').click();
      await visible(heading(page, t('home.title', { name: member.fullName })));
    });

    step('past the free plan’s 3 seats, Add User says the limit is reached and links to Billing & Subscription', async () => {
      const { page } = adminPerson;
      let form = await openAddUser(page);
      const third = { fullName: ar ? 'نور' : 'Nour', email: uniqueEmail(`third-${lang}`) };
      await fillAddUser(form, third, []);
      await gone(form);
      await expectStatus(page, third.email, 'invited');

      form = await openAddUser(page);
      await fillAddUser(form, { fullName: ar ? 'رامي' : 'Rami', email: uniqueEmail(`fourth-${lang}`) }, []);
      const alert = form.getByRole('alert').filter({ hasText: t('users.limit.title') });
      await visible(alert);
      await visible(
        alert.getByText(t('errors.USER_LIMIT_REACHED', { plan: t('plans.free'), limit: 3, used: 3 }), { exact: true }),
      );
      await expectNoAxeViolations(page, 'the Add User dialog at the user limit');
      await alert.getByRole('link', { name: t('users.limit.upgrade'), exact: true }).click();
      await visible(heading(page, t('settings.billing')));

      await page
        .getByRole('navigation', { name: t('settings.navLabel') })
        .getByRole('link', { name: t('settings.users') })
        .click();
      await visible(heading(page, t('settings.users')));
    });

    step('the admin edits the member’s permissions; the member sees the change on their next click', async () => {
      const { page } = adminPerson;
      await rowAction(page, member.fullName, 'edit');
      const form = await visible(dialog(page, t('users.edit.title')));
      await expectNoAxeViolations(page, 'the Edit user dialog');
      await permission(form, 'email.view').uncheck();
      await permission(form, 'whatsapp.view').check();
      await form.getByRole('button', { name: t('common.save'), exact: true }).click();
      await gone(form);

      // "Next click" means the click itself brings the change, not a poll some seconds later.
      const other = memberPerson.page;
      await navLink(other, 'features.contacts.name').click();
      await visible(heading(other, t('features.contacts.name')));
      await visible(navLink(other, 'features.whatsapp.name'), NEXT_CLICK_MS);
      await gone(navLink(other, 'features.email.name'), NEXT_CLICK_MS);
    });

    step('Deactivate asks first; the member’s next navigation finds them logged out', async () => {
      const { page } = adminPerson;
      await rowAction(page, member.fullName, 'deactivate');
      const confirm = await visible(dialog(page, t('users.deactivate.title', { name: member.fullName })));
      await expectNoAxeViolations(page, 'the Deactivate confirmation');
      await confirm.getByRole('button', { name: t('users.actions.deactivate'), exact: true }).click();
      await gone(confirm);
      await expectStatus(page, member.email, 'deactivated');

      const other = memberPerson.page;
      await navLink(other, 'nav.home').click();
      await visible(heading(other, t('login.title')), NEXT_CLICK_MS);
    });

    step('Delete asks first and removes the member from the list', async () => {
      const { page } = adminPerson;
      await rowAction(page, member.fullName, 'delete');
      const confirm = await visible(dialog(page, t('users.delete.title', { name: member.fullName })));
      await visible(confirm.getByText(t('users.delete.owns', { name: member.fullName })));
      await expectNoAxeViolations(page, 'the Delete confirmation');
      await confirm.getByRole('button', { name: t('users.actions.delete'), exact: true }).click();
      await gone(confirm);
      await gone(row(page, member.email));
    });
  });
});
