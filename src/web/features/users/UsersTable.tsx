import { Anchor, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../api/types';
import { formatDate, formatDateTime, formatRelative } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { RowActions, type RowAction } from './RowActions';
import { StatusBadge } from './StatusBadge';

interface UsersTableProps {
  members: Member[];
  selfEmail: string;
  onAction: (member: Member, action: RowAction) => void;
}

export function UsersTable({ members, selfEmail, onAction }: UsersTableProps) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Caption>
          <VisuallyHidden>{t('users.table.caption')}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('users.table.name')}</Table.Th>
            <Table.Th scope="col">{t('users.table.email')}</Table.Th>
            <Table.Th scope="col">{t('users.table.role')}</Table.Th>
            <Table.Th scope="col">{t('users.table.status')}</Table.Th>
            <Table.Th scope="col">{t('users.table.lastActive')}</Table.Th>
            <Table.Th scope="col">{t('users.table.invitedBy')}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('users.table.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => {
            const isSelf = member.email.toLowerCase() === selfEmail.toLowerCase();
            return (
              <Table.Tr key={member.id}>
                <Table.Td>
                  <Anchor
                    component="button"
                    type="button"
                    fw={600}
                    c="dark.9"
                    ta="start"
                    onClick={() => onAction(member, 'edit')}
                  >
                    <bdi>{member.fullName}</bdi>
                  </Anchor>
                  {isSelf && (
                    <Text span size="sm" c="dimmed" ms={6}>
                      {t('users.table.you')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    <bdi dir="ltr">{member.email}</bdi>
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lang="en">
                    {member.role}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={member.status} />
                  {member.accessUntil && member.status !== 'removed' && (
                    <Text size="xs" mt={4} component="time" dateTime={member.accessUntil} display="block">
                      {t('admin.accessUntil.hintShort', { date: formatDate(locale, member.accessUntil) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {member.lastActiveAt ? (
                    <Text
                      size="sm"
                      component="time"
                      dateTime={member.lastActiveAt}
                      title={formatDateTime(locale, member.lastActiveAt)}
                    >
                      {formatRelative(locale, member.lastActiveAt)}
                    </Text>
                  ) : (
                    <Text size="sm">{t('users.table.never')}</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{member.invitedBy ? <bdi>{member.invitedBy.fullName}</bdi> : '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <RowActions member={member} isSelf={isSelf} onAction={(action) => onAction(member, action)} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
