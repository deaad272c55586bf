/** Every user-facing string outside the rules' own message templates, one file per area. */
export {};
export * from './xlsx';
export * from './operations';
