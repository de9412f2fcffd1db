import type { TFunction } from 'i18next';
import { isApiError } from '../../api/client';
import { errorMessage } from '../../api/errors';

/** "tags.2" or "body.steps.0.type" belong to the form field "tags" / "steps". */
const fieldOf = (path: string) => path.replace(/^body\./, '').split('.')[0] ?? path;

export interface FormFeedback {
  /** Beside the fields the form has, in the UI's words for what each accepts. */
  fields: Record<string, string>;
  /** Everything else, for the form's alert. */
  alert: string | null;
}

/** Splits a refusal between the form's fields and its alert. */
export function formFeedback(t: TFunction, error: unknown, formFields: readonly string[]): FormFeedback {
  if (!error) return { fields: {}, alert: null };
  const fields: Record<string, string> = {};
  let elsewhere = false;
  if (isApiError(error)) {
    for (const path of Object.keys(error.fields)) {
      const name = fieldOf(path);
      if (formFields.includes(name))
        fields[name] ??= t(`features.invalid.${name}`, { defaultValue: t('fields.invalid.default') });
      else elsewhere = true;
    }
  }
  const onFields = Object.keys(fields).length > 0;
  return { fields, alert: onFields && !elsewhere ? null : errorMessage(t, error) };
}
