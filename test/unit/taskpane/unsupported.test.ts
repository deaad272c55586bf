/** Why the task pane cannot start, from what Office.onReady reports (src/taskpane/unsupported.ts). */
import { unsupportedReason } from '../../../src/taskpane/unsupported';

describe('unsupportedReason', () => {
  it('starts in Excel', () => {
    expect(unsupportedReason({ host: 'Excel' })).toBeUndefined();
  });

  it('names where the page was opened otherwise', () => {
    expect(unsupportedReason({ host: null })).toBe('This page was opened outside Office.');
    expect(unsupportedReason({ host: 'Word' })).toBe('This page was opened in Word, not Excel.');
    expect(unsupportedReason(undefined)).toMatch(/Office\.js did not load/);
  });
});
