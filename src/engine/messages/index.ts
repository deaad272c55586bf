/** Every user-facing string outside the rules' own message templates, one file per area. */
export * from './ui';
export * from './operations';
export * from './xlsx';
export * from './office';
export * from './validation';
export * from './cli';
export * from './policy';
export * from './explanations';
