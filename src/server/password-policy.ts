import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { PASSWORD_MAX, PASSWORD_MIN } from '../shared/api.js';
import { AppError } from './errors.js';

const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...english.dictionary },
  graphs: common.adjacencyGraphs,
});

/** Refuses common and easily guessed passwords (zxcvbn score below 3), also ones built from the
 * person's own name, email or company. */
export function assertStrongPassword(password: string, personalInputs: string[] = []): void {
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) {
    throw new AppError('VALIDATION_FAILED', `Password must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters`, {
      fields: { password: 'length' },
    });
  }
  // zxcvbn is slow on very long inputs and they are never weak by dictionary; check a prefix.
  const result = zxcvbn.check(password.slice(0, 100), personalInputs.filter(Boolean));
  if (result.score < 3) {
    throw new AppError('WEAK_PASSWORD', 'This password is too common or too easy to guess', {
      fields: { password: 'weak' },
      score: result.score,
    });
  }
}
