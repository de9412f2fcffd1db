import { Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import type { AuditEvent } from './auditApi';
import { AuditDetails } from './AuditDetails';
import { actorName } from './auditWords';
import { EmailText } from '../../components/EmailText';

export function AuditTable({ events, nameOf }: { events: AuditEvent[]; nameOf: (id: string) => string | null }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing="sm">
        <Table.Caption>
          <VisuallyHidden>{t('admin.audit.caption')}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('admin.audit.columns.time')}</Table.Th>
            <Table.Th scope="col">{t('admin.audit.columns.action')}</Table.Th>
            <Table.Th scope="col">{t('admin.audit.columns.actor')}</Table.Th>
            <Table.Th scope="col">{t('admin.audit.columns.target')}</Table.Th>
            <Table.Th scope="col">{t('admin.audit.columns.ip')}</Table.Th>
            <Table.Th scope="col">{t('admin.audit.columns.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => {
            const actor = actorName(t, event);
            return (
              <Table.Tr key={event.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm" component="time" dateTime={event.at}>
                    {formatDateTime(locale, event.at)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {t(`admin.audit.actions.${event.action}`)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{actor ? <bdi>{actor}</bdi> : '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{event.target ? <bdi>{event.target.name}</bdi> : '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{event.ip ? <EmailText>{event.ip}</EmailText> : '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <AuditDetails event={event} nameOf={nameOf} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
