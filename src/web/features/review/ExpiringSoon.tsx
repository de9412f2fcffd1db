import { Paper, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EXPIRING_SOON_DAYS, type AccessReview } from '../../../shared/review.js';
import { formatDate, formatRelative } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { EmailText } from '../../components/EmailText';

/** Members whose time-limited access ends within the next two weeks, soonest first. */
export function ExpiringSoon({ expiring }: { expiring: AccessReview['expiringSoon'] }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const title = t('admin.review.expiring.title');
  return (
    <section aria-labelledby="expiring-heading">
      <Title order={2} size="h3" id="expiring-heading">
        {t('admin.review.groupHeading', { group: title, count: expiring.count })}
      </Title>
      <Text c="dimmed" size="sm" mb="sm">
        {t('admin.review.expiring.description', { count: EXPIRING_SOON_DAYS })}
      </Text>
      {expiring.items.length === 0 ? (
        <Paper withBorder p="md" radius="md" mb="xl">
          <Text size="sm">{t('admin.review.expiring.none', { count: EXPIRING_SOON_DAYS })}</Text>
        </Paper>
      ) : (
        <Table.ScrollContainer minWidth={560} mb="xl">
          <Table striped verticalSpacing="xs">
            <Table.Caption>
              <VisuallyHidden>{title}</VisuallyHidden>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('users.table.name')}</Table.Th>
                <Table.Th scope="col">{t('users.table.email')}</Table.Th>
                <Table.Th scope="col">{t('admin.accessUntil.label')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {expiring.items.map((member) => (
                <Table.Tr key={member.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      <bdi>{member.fullName}</bdi>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      <EmailText>{member.email}</EmailText>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {member.accessUntil && (
                      <Text size="sm" component="time" dateTime={member.accessUntil}>
                        {t('admin.review.expiring.when', {
                          date: formatDate(locale, member.accessUntil),
                          relative: formatRelative(locale, member.accessUntil),
                        })}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}
