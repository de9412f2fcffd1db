import { Button, Center, Group, List, NativeSelect, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isPermission } from '../../../shared/permissions.js';
import { BULK_INVITE_OUTCOMES, type BulkInviteOutcome, type BulkInviteRow } from '../../../shared/review.js';
import { columnLabel, rowErrorText } from './csvErrors';
import { OutcomeBadge } from './OutcomeBadge';
import { EmailText } from '../../components/EmailText';

const PAGE = 100;

function RowNotes({ row }: { row: BulkInviteRow }) {
  const { t } = useTranslation();
  switch (row.outcome) {
    case 'invalid':
      return (
        <List size="sm" spacing={0}>
          {Object.entries(row.errors ?? {}).map(([column, message]) => (
            <List.Item key={column}>
              {columnLabel(t, column)}: {rowErrorText(t, column, message, row)}
            </List.Item>
          ))}
        </List>
      );
    case 'already_member':
      return (
        <Text size="sm">
          {row.memberStatus
            ? t('admin.bulkInvite.notes.alreadyMemberStatus', { status: t(`users.status.${row.memberStatus}`) })
            : t('admin.bulkInvite.notes.alreadyMember')}
        </Text>
      );
    case 'over_limit':
      return <Text size="sm">{t('admin.bulkInvite.notes.overLimit')}</Text>;
    case 'duplicate_in_file':
      return <Text size="sm">{t('admin.bulkInvite.notes.duplicate')}</Text>;
    default:
      return <Text size="sm">{t('admin.bulkInvite.notes.invite')}</Text>;
  }
}

/** Each row of the file and what will happen to it; long files show a page at a time. */
export function DryRunTable({ rows }: { rows: BulkInviteRow[] }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<BulkInviteOutcome | ''>('');
  const [shown, setShown] = useState(PAGE);
  const visible = outcome ? rows.filter((r) => r.outcome === outcome) : rows;
  const countOf = (o: BulkInviteOutcome) => rows.filter((r) => r.outcome === o).length;

  return (
    <>
      <Group mb="sm">
        <NativeSelect
          label={t('admin.bulkInvite.show')}
          value={outcome}
          onChange={(e) => {
            setOutcome(e.currentTarget.value as BulkInviteOutcome | '');
            setShown(PAGE);
          }}
          data={[
            { value: '', label: t('admin.bulkInvite.showAll', { count: rows.length }) },
            ...BULK_INVITE_OUTCOMES.filter((o) => countOf(o) > 0).map((o) => ({
              value: o,
              label: `${t(`admin.bulkInvite.outcomes.${o}`)} (${countOf(o)})`,
            })),
          ]}
          w={{ base: '100%', xs: 280 }}
        />
      </Group>
      <Table.ScrollContainer minWidth={860}>
        <Table striped verticalSpacing="xs">
          <Table.Caption>
            <VisuallyHidden>{t('admin.bulkInvite.tableCaption')}</VisuallyHidden>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('admin.bulkInvite.table.line')}</Table.Th>
              <Table.Th scope="col">{t('admin.bulkInvite.columns.fullName')}</Table.Th>
              <Table.Th scope="col">{t('admin.bulkInvite.columns.email')}</Table.Th>
              <Table.Th scope="col">{t('admin.bulkInvite.columns.role')}</Table.Th>
              <Table.Th scope="col">{t('admin.bulkInvite.columns.permissions')}</Table.Th>
              <Table.Th scope="col">{t('admin.bulkInvite.table.outcome')}</Table.Th>
              <Table.Th scope="col">{t('admin.bulkInvite.table.notes')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {visible.slice(0, shown).map((row) => (
              <Table.Tr key={row.row}>
                <Table.Td>
                  <Text size="sm">{row.row}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{row.fullName ? <bdi>{row.fullName}</bdi> : '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {row.email ? <EmailText>{row.email}</EmailText> : '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lang="en">
                    {row.role ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {row.role === 'CompanyAdmin'
                      ? t('admin.bulkInvite.allPermissions')
                      : row.permissions.length
                        ? row.permissions
                            .map((p) => (isPermission(p) ? t(`permissions.${p}`) : p))
                            .join(t('admin.audit.listSeparator'))
                        : '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <OutcomeBadge outcome={row.outcome} />
                </Table.Td>
                <Table.Td>
                  <RowNotes row={row} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="sm" mt="xs" role="status">
        {t('admin.bulkInvite.rowsShown', { shown: Math.min(shown, visible.length), count: visible.length })}
      </Text>
      {visible.length > shown && (
        <Center mt="sm">
          <Button variant="default" onClick={() => setShown((n) => n + PAGE)}>
            {t('admin.bulkInvite.showMoreRows')}
          </Button>
        </Center>
      )}
    </>
  );
}
