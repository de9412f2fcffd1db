import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../shared/api.js';
import { useDialog } from '../../components/useDialog';
import { ItemsPage } from '../items/ItemsPage';
import type { Column } from '../items/ItemsTable';
import { ContactDialog } from './ContactDialog';
import { CONTACTS_PATH } from './contactsApi';

export function ContactsPage() {
  const { t } = useTranslation();
  const editor = useDialog<Contact | null>();
  const columns: Column<Contact>[] = [
    {
      key: 'name',
      header: t('features.contacts.fields.name'),
      cell: (c) => (
        <Text size="sm" fw={600}>
          <bdi>{c.name}</bdi>
        </Text>
      ),
    },
    {
      key: 'email',
      header: t('fields.email'),
      cell: (c) => (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {c.email ? <bdi dir="ltr">{c.email}</bdi> : '—'}
        </Text>
      ),
    },
    {
      key: 'phone',
      header: t('features.contacts.fields.phone'),
      cell: (c) => <Text size="sm">{c.phone ? <bdi dir="ltr">{c.phone}</bdi> : '—'}</Text>,
    },
    {
      key: 'tags',
      header: t('features.contacts.fields.tags'),
      cell: (c) =>
        c.tags.length ? (
          <Group gap={4}>
            {c.tags.map((tag) => (
              <Badge key={tag} variant="outline" color="gray.7" radius="sm" tt="none" fw={500}>
                {tag}
              </Badge>
            ))}
          </Group>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <ItemsPage<Contact>
      feature="contacts"
      path={CONTACTS_PATH}
      columns={columns}
      nameOf={(c) => c.name}
      onAdd={() => editor.open(null)}
      actionsFor={(c) => [{ key: 'edit', label: t('features.actions.edit'), onSelect: () => editor.open(c) }]}
    >
      <ContactDialog contact={editor.target} opened={editor.opened} version={editor.version} onClose={editor.close} />
    </ItemsPage>
  );
}
