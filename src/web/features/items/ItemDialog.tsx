import { Fragment, type ReactNode } from 'react';
import { AppModal } from '../../components/AppModal';

/** The dialog around a feature's add/edit form; the form is mounted anew on every open. */
export function ItemDialog({
  opened,
  version,
  onClose,
  title,
  children,
}: {
  opened: boolean;
  version: number;
  onClose: () => void;
  title: string;
  children: ReactNode;
}) {
  return (
    <AppModal opened={opened} onClose={onClose} title={title} size="lg">
      <Fragment key={version}>{children}</Fragment>
    </AppModal>
  );
}
