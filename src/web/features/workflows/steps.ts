import type { TFunction } from 'i18next';
import type { WorkflowStep } from '../../../shared/api.js';

/** The server's limit on steps per workflow. */
export const MAX_STEPS = 100;

export type StepsResult = { ok: true; steps: WorkflowStep[] } | { ok: false; error: string };

/** Steps as written in the form: a JSON array of objects, each with a `type`. */
export function parseSteps(t: TFunction, text: string): StepsResult {
  if (!text.trim()) return { ok: true, steps: [] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: t('features.workflows.steps.notJson') };
  }
  if (!Array.isArray(value)) return { ok: false, error: t('features.workflows.steps.notList') };
  if (value.length > MAX_STEPS) return { ok: false, error: t('features.workflows.steps.tooMany', { max: MAX_STEPS }) };
  const bad = value.findIndex(
    (step: unknown) =>
      typeof step !== 'object' ||
      step === null ||
      Array.isArray(step) ||
      typeof (step as { type?: unknown }).type !== 'string' ||
      !(step as { type: string }).type.trim(),
  );
  if (bad >= 0) return { ok: false, error: t('features.workflows.steps.needsType', { number: bad + 1 }) };
  return { ok: true, steps: value as WorkflowStep[] };
}

export const formatSteps = (steps: WorkflowStep[]) => (steps.length ? JSON.stringify(steps, null, 2) : '');
