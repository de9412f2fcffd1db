import { describe, expect } from 'vitest';
import { renderMail } from '../../src/server/mail/templates.js';
import { expectNoAxeViolations, type Person } from './harness/browser.js';
import { NEW_PASSWORD, STRONG_PASSWORD } from './harness/constants.js';
import { describeInBrowser, storySteps, uniqueEmail, useE2E } from './harness/fixture.js';
import { expectDocumentLanguage, field, heading, logIn, logOut, openSignUp, submitSignUp, visible } from './harness/flows.js';
import { LANGUAGES, translator } from './harness/i18n.js';
import { linkIn } from './harness/mail-sink.js';

describeInBrowser('accounts in the browser (issue 2)', () => {
  const e2e = useE2E();

  describe.each(LANGUAGES)('in %s', (lang) => {
    const t = translator(lang);
    const account = {
      companyName: lang === 'ar' ? 'شركة النخيل' : 'Palm Trading',
      fullName: lang === 'ar' ? 'ليلى حداد' : 'Layla Haddad',
      email: uniqueEmail(`owner-${lang}`),
    };
    let owner: Person;
    const step = storySteps();

    step('signs up, and the chosen language survives a reload', async () => {
      owner = await e2e.person();
      const { page } = owner;
      await openSignUp(page, t, lang);
      await expectNoAxeViolations(page, 'the sign-up page');
      await submitSignUp(page, t, account);
      await expectDocumentLanguage(page, lang);
      await expectNoAxeViolations(page, 'the home page after sign-up');

      await page.reload();
      await visible(heading(page, t('home.title', { name: account.fullName })));
      await expectDocumentLanguage(page, lang);
    });

    step('logs out and logs back in', async () => {
      const { page } = owner;
      await logOut(page, t, account.fullName);
      await expectDocumentLanguage(page, lang);
      await expectNoAxeViolations(page, 'the login page');

      await logIn(page, t, account.email, STRONG_PASSWORD);
      await visible(heading(page, t('home.title', { name: account.fullName })));
    });

    step('resets a forgotten password through the link delivered by email, in the recipient’s language', async () => {
      const { page } = owner;
      await logOut(page, t, account.fullName);
      await page.getByRole('link', { name: t('login.forgot'), exact: true }).click();
      await visible(heading(page, t('forgot.title')));
      await expectNoAxeViolations(page, 'the forgot-password page');

      const before = e2e.server.mail.messages.length;
      await field(page, t('fields.email')).fill(account.email);
      await page.getByRole('button', { name: t('forgot.submit'), exact: true }).click();
      await visible(page.getByText(t('forgot.sent', { email: account.email })));

      const expected = renderMail({ kind: 'password-reset', fullName: account.fullName, link: '' }, lang);
      const mail = await e2e.server.mail.waitForMail(account.email, { after: before });
      expect(mail.subject).toBe(expected.subject);
      expect(mail.text).toContain(expected.text.split('\n')[0]); // the greeting, with the name
      expect(mail.html).toContain(`lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"`);
      if (lang === 'ar') expect(mail.text).toMatch(/[\u0600-\u06FF]{3,}/);

      const link = linkIn(mail);
      expect(link.startsWith(`${e2e.server.url}/reset-password`)).toBe(true);
      await page.goto(link);
      await visible(heading(page, t('reset.title')));
      await expectDocumentLanguage(page, lang);
      await expectNoAxeViolations(page, 'the reset-password page');

      await field(page, t('fields.newPassword')).fill(NEW_PASSWORD);
      await page.getByRole('button', { name: t('reset.submit'), exact: true }).click();
      await visible(page.getByText(t('reset.done')));
      await page.getByRole('link', { name: t('reset.goToLogin'), exact: true }).click();

      await logIn(page, t, account.email, STRONG_PASSWORD);
      await visible(page.getByRole('alert').filter({ hasText: t('errors.INVALID_CREDENTIALS') }));
      await logIn(page, t, account.email, NEW_PASSWORD);
      await visible(heading(page, t('home.title', { name: account.fullName })));
      await expectNoAxeViolations(page, 'the home page after a password reset');
    });

    step('on another device, takes the language remembered on the account at log-in', async () => {
      const { page } = await e2e.person(); // a fresh browser in English, with nothing stored
      await page.goto('/login');
      await expectDocumentLanguage(page, 'en');
      await logIn(page, translator('en'), account.email, NEW_PASSWORD);
      await visible(heading(page, t('home.title', { name: account.fullName })));
      await expectDocumentLanguage(page, lang);
    });
  });
});
