import { Anchor, Checkbox, Paper, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReviewGroup } from '../../../shared/review.js';
import type { Member } from '../../api/types';
import { formatDate, formatDateTime, formatRelative } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { groupAnchor, selectableGroup } from './groups';
import { EmailText } from '../../components/EmailText';

interface ReviewGroupSectionProps {
  group: ReviewGroup;
  count: number;
  members: Member[];
  selfId: string;
  selected: ReadonlySet<string>;
  onToggle: (ids: string[], checked: boolean) => void;
}

function When({ iso }: { iso: string | null }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  if (!iso) return <Text size="sm">{t('users.table.never')}</Text>;
  return (
    <Text size="sm" component="time" dateTime={iso} title={formatDateTime(locale, iso)}>
      {formatRelative(locale, iso)}
    </Text>
  );
}

/** One review group: a heading with its count and a table whose members can be selected. */
export function ReviewGroupSection({ group, count, members, selfId, selected, onToggle }: ReviewGroupSectionProps) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const title = t(`admin.review.groups.${group}.title`);
  const selectable = selectableGroup(group);
  const choosable = members.filter((m) => m.id !== selfId);
  const chosen = choosable.filter((m) => selected.has(m.id)).length;
  const invitations = group === 'pendingInvitations';
  const headingId = `${groupAnchor(group)}-heading`;

  return (
    <section id={groupAnchor(group)} aria-labelledby={headingId} style={{ scrollMarginTop: 80 }}>
      <Title order={2} size="h3" id={headingId}>
        {t('admin.review.groupHeading', { group: title, count })}
      </Title>
      <Text c="dimmed" size="sm" mb="sm">
        {t(`admin.review.groups.${group}.description`)}
      </Text>
      {members.length === 0 ? (
        <Paper withBorder p="md" radius="md" mb="xl">
          <Text size="sm">{t('admin.review.emptyGroup')}</Text>
        </Paper>
      ) : (
        <>
          <Table.ScrollContainer minWidth={640} mb={count > members.length || invitations ? 0 : 'xl'}>
            <Table striped verticalSpacing="xs">
              <Table.Caption>
                <VisuallyHidden>{title}</VisuallyHidden>
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  {selectable && (
                    <Table.Th scope="col" w={48}>
                      <Checkbox
                        aria-label={t('admin.review.selectAll', { group: title })}
                        checked={choosable.length > 0 && chosen === choosable.length}
                        indeterminate={chosen > 0 && chosen < choosable.length}
                        disabled={choosable.length === 0}
                        onChange={(e) =>
                          onToggle(
                            choosable.map((m) => m.id),
                            e.currentTarget.checked,
                          )
                        }
                      />
                    </Table.Th>
                  )}
                  <Table.Th scope="col">{t('users.table.name')}</Table.Th>
                  <Table.Th scope="col">{t('users.table.email')}</Table.Th>
                  <Table.Th scope="col">{t('users.table.role')}</Table.Th>
                  {invitations ? (
                    <>
                      <Table.Th scope="col">{t('admin.review.invitedOn')}</Table.Th>
                      <Table.Th scope="col">{t('admin.review.invitationExpires')}</Table.Th>
                    </>
                  ) : (
                    <Table.Th scope="col">{t('users.table.lastActive')}</Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.map((member) => {
                  const isSelf = member.id === selfId;
                  return (
                    <Table.Tr key={member.id}>
                      {selectable && (
                        <Table.Td>
                          {!isSelf && (
                            <Checkbox
                              aria-label={t('admin.review.select', { name: member.fullName })}
                              checked={selected.has(member.id)}
                              onChange={(e) => onToggle([member.id], e.currentTarget.checked)}
                            />
                          )}
                        </Table.Td>
                      )}
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          <bdi>{member.fullName}</bdi>
                          {isSelf && (
                            <Text span size="sm" c="dimmed" fw={400} ms={6}>
                              {t('users.table.you')}
                            </Text>
                          )}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                          <EmailText>{member.email}</EmailText>
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" lang="en">
                          {member.role}
                        </Text>
                      </Table.Td>
                      {invitations ? (
                        <>
                          <Table.Td>
                            <Text size="sm">{formatDate(locale, member.createdAt)}</Text>
                          </Table.Td>
                          <Table.Td>
                            {member.invitationExpiresAt && new Date(member.invitationExpiresAt).getTime() > Date.now() ? (
                              <Text size="sm">{formatDate(locale, member.invitationExpiresAt)}</Text>
                            ) : (
                              <Text size="sm" fw={600}>
                                {t('admin.review.expired')}
                              </Text>
                            )}
                          </Table.Td>
                        </>
                      ) : (
                        <Table.Td>
                          <When iso={member.lastActiveAt} />
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {count > members.length && (
            <Text size="sm" mt="xs" mb={invitations ? 0 : 'xl'}>
              {t('admin.review.partial', { shown: members.length, count })}
            </Text>
          )}
          {invitations && (
            <Text size="sm" mt="xs" mb="xl">
              {t('admin.review.invitationsHint')}{' '}
              <Anchor component={Link} to="/settings/users" c="blue.9" fw={600}>
                {t('admin.review.manageInvitations')}
              </Anchor>
            </Text>
          )}
        </>
      )}
    </section>
  );
}
