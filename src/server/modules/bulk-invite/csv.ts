import { parse } from 'csv-parse/sync';
import { Email } from '../../../shared/api.js';
import { isPermission, normalizePermissions, ROLES, type Permission, type Role } from '../../../shared/permissions.js';
import { BULK_INVITE_MAX_ROWS } from '../../../shared/review.js';
import { AppError } from '../../errors.js';

/** One data row of the file, validated on its own. */
export interface CsvInviteRow {
  /** The line the row starts on; the header is line 1 (or later, after blank lines). */
  row: number;
  email: string;
  fullName: string;
  role: Role | null;
  permissions: Permission[];
  errors?: Record<string, string>;
}

export interface ParsedInviteFile {
  rows: CsvInviteRow[];
  ignoredColumns: string[];
}

type Column = 'fullName' | 'email' | 'role' | 'permissions';

/** Header names, compared without case, spaces, dashes or underscores. */
const HEADER_NAMES: Record<string, Column> = {
  fullname: 'fullName',
  name: 'fullName',
  email: 'email',
  emailaddress: 'email',
  role: 'role',
  permissions: 'permissions',
  permission: 'permissions',
};
const COLUMN_LABEL: Record<Column, string> = {
  fullName: 'full name',
  email: 'email',
  role: 'role',
  permissions: 'permissions',
};
const MAX_REPORTED_ERRORS = 100;
const FULL_NAME_MAX = 120;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

interface FileError {
  row: number;
  message: string;
}

function csvInvalid(message: string, errors: FileError[]): AppError {
  return new AppError('CSV_INVALID', message, { errors: errors.slice(0, MAX_REPORTED_ERRORS) });
}

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

/**
 * Reads an invitation CSV: a header row naming the columns (any order, any case), then one person
 * per row. Anything that stops the file from being read — not text, an unclosed quote, no header,
 * no email column, too many rows — is a 400 CSV_INVALID listing the offending lines; a row whose
 * values are wrong is reported on that row instead (see CsvInviteRow.errors).
 */
export function parseInviteCsv(input: string): ParsedInviteFile {
  // Line numbers are counted on \n; old Mac and Windows line ends become \n first.
  const text = input.replace(/\r\n?/g, '\n');
  // eslint-disable-next-line no-control-regex -- a NUL or a replacement character means binary or non-UTF-8 input
  const junk = text.search(/[\u0000\ufffd]/);
  if (junk >= 0) {
    throw csvInvalid('This is not a text CSV file; save it as "CSV UTF-8" and try again', [
      { row: lineOf(text, junk), message: 'Unreadable characters (binary data, or text not encoded as UTF-8)' },
    ]);
  }

  const records: { row: number; cells: string[] }[] = [];
  const errors: FileError[] = [];
  // The parser reports the line a record ends on; it starts after the previous one and any blank lines.
  let previous = { lines: 0, emptyLines: 0 };
  const startLine = (at: { empty_lines: number }) => previous.lines + 1 + (at.empty_lines - previous.emptyLines);
  parse(text, {
    bom: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_record: (record, context) => {
      records.push({ row: startLine(context), cells: record });
      previous = { lines: context.lines, emptyLines: context.empty_lines };
      return null;
    },
    on_skip: (error) => {
      const row = error ? startLine(error as unknown as { empty_lines: number }) : previous.lines + 1;
      if (!errors.some((e) => e.row === row)) errors.push({ row, message: describeCsvError(error?.code, error?.message) });
      return undefined;
    },
  });
  if (errors.length > 0) throw csvInvalid(`The file could not be read as CSV: line ${errors[0]!.row}`, errors);

  const nonBlank = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [header, ...data] = nonBlank;
  if (!header) throw csvInvalid('The file is empty', [{ row: 1, message: 'No header row and no people' }]);
  const { columns, ignoredColumns } = readHeader(header);
  if (data.length === 0)
    throw csvInvalid('The file has a header row but nobody under it', [{ row: header.row, message: 'No rows' }]);
  if (data.length > BULK_INVITE_MAX_ROWS) {
    throw csvInvalid(`At most ${BULK_INVITE_MAX_ROWS} people per file; split it into smaller files`, [
      { row: data[BULK_INVITE_MAX_ROWS]!.row, message: `Row ${BULK_INVITE_MAX_ROWS + 1} is over the limit` },
    ]);
  }
  return { rows: data.map((record) => readRow(record, columns)), ignoredColumns };
}

function describeCsvError(code: string | undefined, message: string | undefined): string {
  switch (code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'A quoted value starts here and is never closed; add the closing " (quotes inside a value are written "")';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'A quoted value is followed by more text; write quotes inside a value as ""';
    case 'CSV_MAX_RECORD_SIZE':
      return 'This row is too long';
    default:
      return message ?? 'This row cannot be read';
  }
}

function readHeader(header: { row: number; cells: string[] }) {
  const columns = new Map<Column, number>();
  const ignoredColumns: string[] = [];
  const problems: FileError[] = [];
  header.cells.forEach((cell, index) => {
    const column =
      HEADER_NAMES[
        cell
          .trim()
          .toLowerCase()
          .replace(/[\s_-]+/g, '')
      ];
    if (!column) {
      if (cell.trim() !== '') ignoredColumns.push(cell.trim());
      return;
    }
    if (columns.has(column)) problems.push({ row: header.row, message: `The column "${COLUMN_LABEL[column]}" appears twice` });
    columns.set(column, index);
  });
  for (const required of ['email', 'fullName'] as const) {
    if (!columns.has(required)) {
      problems.push({
        row: header.row,
        message: `The first row must name the columns (full name, email, role, permissions); "${COLUMN_LABEL[required]}" is missing`,
      });
    }
  }
  if (problems.length > 0) throw csvInvalid('The header row is not right', problems);
  return { columns, ignoredColumns };
}

function readRow(record: { row: number; cells: string[] }, columns: Map<Column, number>): CsvInviteRow {
  const cell = (column: Column) => {
    const index = columns.get(column);
    return index === undefined ? '' : (record.cells[index] ?? '').trim();
  };
  const errors: Record<string, string> = {};

  const fullName = cell('fullName');
  if (fullName === '') errors.fullName = 'Full name is required';
  else if (fullName.length > FULL_NAME_MAX) errors.fullName = `Full name can have at most ${FULL_NAME_MAX} characters`;
  else if (CONTROL_CHARACTERS.test(fullName)) errors.fullName = 'Full name cannot contain line breaks or control characters';

  const rawEmail = cell('email');
  const email = Email.safeParse(rawEmail);
  if (rawEmail === '') errors.email = 'Email address is required';
  else if (!email.success) errors.email = 'Enter a valid email address';

  const rawRole = cell('role');
  const role = rawRole === '' ? 'TenantUser' : (ROLES.find((r) => r.toLowerCase() === rawRole.toLowerCase()) ?? null);
  if (!role) errors.role = `Role must be ${ROLES.join(' or ')}`;

  const keys = cell('permissions')
    .split(/[\s;|,]+/)
    .filter((k) => k !== '');
  const unknown = keys.filter((k) => !isPermission(k));
  if (unknown.length > 0) errors.permissions = `Unknown permission${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`;

  return {
    row: record.row,
    email: email.success ? email.data : rawEmail,
    fullName,
    role,
    permissions: normalizePermissions(keys.filter(isPermission)),
    ...(Object.keys(errors).length > 0 ? { errors } : {}),
  };
}
