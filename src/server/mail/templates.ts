import type { Locale } from '../../shared/api.js';

export type MailTemplate =
  | { kind: 'password-reset'; link: string; fullName: string }
  | { kind: 'invitation'; link: string; fullName: string; companyName: string; inviterName: string; expiresAt: Date };

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

interface Copy {
  subject: string;
  greeting: string;
  lines: string[];
  button: string;
  footer: string;
}

function copyFor(template: MailTemplate, locale: Locale): Copy {
  const date = (d: Date) =>
    new Intl.DateTimeFormat(locale === 'ar' ? 'ar' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(d);
  if (template.kind === 'password-reset') {
    return locale === 'ar'
      ? {
          subject: 'إعادة تعيين كلمة المرور في Peikly',
          greeting: `مرحبًا ${template.fullName}،`,
          lines: ['طلب أحدهم إعادة تعيين كلمة المرور لحسابك في Peikly.', 'الرابط صالح لمدة ساعة واحدة ويُستخدم مرة واحدة.'],
          button: 'تعيين كلمة مرور جديدة',
          footer: 'إن لم تطلب ذلك فتجاهل هذه الرسالة؛ كلمة مرورك لم تتغير.',
        }
      : {
          subject: 'Reset your Peikly password',
          greeting: `Hello ${template.fullName},`,
          lines: ['Someone asked to reset the password of your Peikly account.', 'The link works once, for one hour.'],
          button: 'Choose a new password',
          footer: 'If this was not you, ignore this email; your password has not changed.',
        };
  }
  return locale === 'ar'
    ? {
        subject: `دعوة للانضمام إلى ${template.companyName} على Peikly`,
        greeting: `مرحبًا ${template.fullName}،`,
        lines: [
          `دعاك ${template.inviterName} للانضمام إلى ${template.companyName} على Peikly.`,
          `الدعوة صالحة حتى ${date(template.expiresAt)}.`,
        ],
        button: 'قبول الدعوة',
        footer: 'إن لم تكن تتوقع هذه الدعوة فيمكنك تجاهل هذه الرسالة.',
      }
    : {
        subject: `You're invited to join ${template.companyName} on Peikly`,
        greeting: `Hello ${template.fullName},`,
        lines: [
          `${template.inviterName} invited you to join ${template.companyName} on Peikly.`,
          `The invitation is valid until ${date(template.expiresAt)}.`,
        ],
        button: 'Accept invitation',
        footer: 'If you were not expecting this invitation, you can ignore this email.',
      };
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Renders a mail in the recipient's language, with a text and an HTML part. */
export function renderMail(template: MailTemplate, locale: Locale): RenderedMail {
  const copy = copyFor(template, locale);
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  const text = [copy.greeting, '', ...copy.lines, '', `${copy.button}: ${template.link}`, '', copy.footer, ''].join('\n');
  const html = `<!doctype html>
<html lang="${locale}" dir="${dir}"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1a1b1e">
<p>${escapeHtml(copy.greeting)}</p>
${copy.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n')}
<p><a href="${escapeHtml(template.link)}" style="display:inline-block;padding:10px 18px;background:#1c7ed6;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(copy.button)}</a></p>
<p style="font-size:13px;color:#555">${escapeHtml(template.link)}</p>
<p style="font-size:13px;color:#555">${escapeHtml(copy.footer)}</p>
</body></html>`;
  return { subject: copy.subject, text, html };
}
