import type { UseMutationResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notify } from '../../components/notify';
import { formFeedback } from './fieldErrors';

type Mutation<TInput, TResult> = Pick<UseMutationResult<TResult, Error, TInput>, 'mutate' | 'error' | 'isPending'>;

interface ItemSaveOptions<I, C, U, R> {
  /** The item being edited; null: a new one. */
  item: I | null;
  form: { setErrors: (errors: Record<string, string>) => void };
  /** The form's fields: a refusal about one of them is shown beside it. */
  fields: readonly string[];
  create: Mutation<C, R>;
  edit: Mutation<{ id: string; changes: U }, R>;
  /** i18n keys of the notice after saving, given the saved item's `name`. */
  notices: { created: string; saved: string };
  onClose: () => void;
}

/** Creates or edits one item from its form: the server's refusal goes beside the fields or into the
 * form's alert; once saved, a notice and the dialog closes. */
export function useItemSave<I extends { id: string }, C, U extends object, R extends { id: string; name?: string }>({
  item,
  form,
  fields,
  create,
  edit,
  notices,
  onClose,
}: ItemSaveOptions<I, C, U, R>) {
  const { t } = useTranslation();
  const mutation = item ? edit : create;
  const onError = (error: unknown) => form.setErrors(formFeedback(t, error, fields).fields);
  const done = (saved: R, created: boolean) => {
    notify(t(created ? notices.created : notices.saved, { name: saved.name }));
    onClose();
  };

  /** `body()` makes a new item; `changesOf` picks what changed in an existing one (nothing: just close).
   * `onCreated` replaces the notice after creating. */
  const save = (body: () => C, changesOf: (item: I) => U, onCreated: (created: R) => void = (created) => done(created, true)) => {
    if (!item) {
      create.mutate(body(), { onSuccess: onCreated, onError });
      return;
    }
    const changes = changesOf(item);
    if (Object.keys(changes).length === 0) return onClose();
    edit.mutate({ id: item.id, changes }, { onSuccess: (saved) => done(saved, false), onError });
  };

  return { save, alert: formFeedback(t, mutation.error, fields).alert, pending: mutation.isPending };
}
