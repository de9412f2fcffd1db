export * from './permissions.js';
export * from './plans.js';
export * from './errors.js';
export * from './api.js';
export * from './audit.js';
export * from './review.js';
