import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { parseInviteCsv } from '../../../server/modules/bulk-invite/csv.js';
import { AppError } from '../../../server/errors.js';
import type { BulkInviteRow } from '../../../shared/review.js';
import { fileErrorText, fileErrorsOf, rowErrorText } from './csvErrors';

/** Returns the key and its values, so a test sees which words the UI picked. */
const t = ((key: string, vars?: Record<string, unknown>) =>
  vars ? `${key} ${JSON.stringify(vars)}` : key) as unknown as TFunction;

function fileErrors(csv: string) {
  try {
    parseInviteCsv(csv);
  } catch (error) {
    if (error instanceof AppError && error.code === 'CSV_INVALID') return fileErrorsOf(error.details ?? {});
    throw error;
  }
  throw new Error('the file was read');
}

/**
 * The server's CSV reasons are English sentences; the web UI words each one in the UI language.
 * These files are the server's own parser at work, so a reworded server message fails here
 * instead of silently showing "this line cannot be read".
 */
describe('bulk invite file errors in words', () => {
  it.each([
    ['binary data', 'name,email\nA,a@example.com\u0000\n', 'notText'],
    ['an unclosed quote', 'name,email\n"Amal,amal@example.com\n', 'quoteNotClosed'],
    ['an empty file', '\n\n', 'empty'],
    ['a header and nobody', 'name,email\n', 'noRows'],
    ['a column named twice', 'name,email,e-mail\nA,a@example.com,b@example.com\n', 'duplicateColumn'],
    ['no email column', 'name,phone\nA,1\n', 'missingColumn'],
    [
      'too many people',
      `name,email\n${Array.from({ length: 5001 }, (_, i) => `P${i},p${i}@example.com`).join('\n')}\n`,
      'tooManyRows',
    ],
  ])('%s', (_what, csv, reason) => {
    const errors = fileErrors(csv);
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors)
      expect(fileErrorText(t, error)).toMatch(new RegExp(`^admin\\.bulkInvite\\.fileErrors\\.${reason}\\b`));
  });

  it('names the missing column in the UI language', () => {
    const [error] = fileErrors('full name,phone\nA,1\n');
    expect(fileErrorText(t, error!)).toBe(
      'admin.bulkInvite.fileErrors.missingColumn {"column":"admin.bulkInvite.columns.email"}',
    );
  });
});

describe('bulk invite row errors in words', () => {
  const rowOf = (csv: string): BulkInviteRow => ({ ...parseInviteCsv(csv).rows[0]!, outcome: 'invalid' });

  it('says why each column of a row is wrong, from the row itself', () => {
    const row = rowOf(`full name,email,role,permissions\n,not-an-email,Boss,contacts.fly email.send\n`);
    const words = Object.fromEntries(
      Object.entries(row.errors!).map(([column, message]) => [column, rowErrorText(t, column, message, row)]),
    );
    expect(words).toEqual({
      fullName: 'admin.bulkInvite.rowErrors.fullNameRequired',
      email: 'admin.bulkInvite.rowErrors.emailInvalid',
      role: 'admin.bulkInvite.rowErrors.role',
      permissions: 'admin.bulkInvite.rowErrors.permissions {"keys":"contacts.fly"}',
    });
  });

  it('tells a missing email from a wrong one, and a long name from a short one', () => {
    const row = rowOf(`full name,email\n${'x'.repeat(121)},\n`);
    expect(rowErrorText(t, 'email', row.errors!.email!, row)).toBe('admin.bulkInvite.rowErrors.emailRequired');
    expect(rowErrorText(t, 'fullName', row.errors!.fullName!, row)).toBe(
      'admin.bulkInvite.rowErrors.fullNameTooLong {"max":120}',
    );
  });
});
