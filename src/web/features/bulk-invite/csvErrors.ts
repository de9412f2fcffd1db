import type { TFunction } from 'i18next';
import type { BulkInviteRow } from '../../../shared/review.js';

const COLUMNS = ['fullName', 'email', 'role', 'permissions'] as const;

export const columnLabel = (t: TFunction, column: string) =>
  (COLUMNS as readonly string[]).includes(column) ? t(`admin.bulkInvite.columns.${column}`) : column;

/**
 * A row's problem in the UI language. The server names the column; the reason follows from the
 * row's own values, so no English text is parsed (except the unknown permission keys it lists).
 */
export function rowErrorText(t: TFunction, column: string, message: string, row: BulkInviteRow): string {
  switch (column) {
    case 'fullName':
      if (row.fullName === '') return t('admin.bulkInvite.rowErrors.fullNameRequired');
      if (row.fullName.length > 120) return t('admin.bulkInvite.rowErrors.fullNameTooLong', { max: 120 });
      return t('admin.bulkInvite.rowErrors.fullNameCharacters');
    case 'email':
      return row.email === '' ? t('admin.bulkInvite.rowErrors.emailRequired') : t('admin.bulkInvite.rowErrors.emailInvalid');
    case 'role':
      return t('admin.bulkInvite.rowErrors.role');
    case 'permissions': {
      const keys = message.includes(': ') ? message.slice(message.indexOf(': ') + 2) : '';
      return t('admin.bulkInvite.rowErrors.permissions', { keys });
    }
    default:
      return message;
  }
}

export interface FileError {
  row: number;
  message: string;
}

export function fileErrorsOf(details: Record<string, unknown>): FileError[] {
  const errors = details.errors;
  if (!Array.isArray(errors)) return [];
  return errors.filter(
    (e): e is FileError => typeof e === 'object' && e !== null && typeof e.row === 'number' && typeof e.message === 'string',
  );
}

const quoted = (message: string) => message.match(/"([^"]+)"/)?.[1] ?? '';
const HEADER_COLUMNS: Record<string, string> = {
  'full name': 'fullName',
  email: 'email',
  role: 'role',
  permissions: 'permissions',
};

/** Why a line of the file cannot be read, in the UI language (the server's reasons are few and fixed). */
export function fileErrorText(t: TFunction, error: FileError): string {
  const m = error.message;
  const column = () => columnLabel(t, HEADER_COLUMNS[quoted(m)] ?? quoted(m));
  if (/unreadable characters/i.test(m)) return t('admin.bulkInvite.fileErrors.notText');
  if (/never closed/i.test(m)) return t('admin.bulkInvite.fileErrors.quoteNotClosed');
  if (/followed by more text/i.test(m)) return t('admin.bulkInvite.fileErrors.badClosingQuote');
  if (/too long/i.test(m)) return t('admin.bulkInvite.fileErrors.rowTooLong');
  if (/no header row/i.test(m)) return t('admin.bulkInvite.fileErrors.empty');
  if (/^no rows$/i.test(m)) return t('admin.bulkInvite.fileErrors.noRows');
  if (/over the limit/i.test(m)) return t('admin.bulkInvite.fileErrors.tooManyRows');
  if (/appears twice/i.test(m)) return t('admin.bulkInvite.fileErrors.duplicateColumn', { column: column() });
  if (/is missing/i.test(m)) return t('admin.bulkInvite.fileErrors.missingColumn', { column: column() });
  return t('admin.bulkInvite.fileErrors.other');
}
