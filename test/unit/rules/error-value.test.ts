/** error-value: #REF!, #DIV/0!, #N/A and the other error values, wherever they sit in a table (on the small table of month7.ts). */
import { errorValueRule } from '../../../src/engine/rules';
import { ruleTester } from '../../support/rule-tester';
import { month7 } from './month7';


ruleTester(errorValueRule, {
  valid: [{ name: 'figures and words, no error values', workbook: month7() }],
  invalid: [
    {
      name: 'a #REF! value',
      workbook: month7({ D2: { error: '#REF!' } }),
      errors: [{ cell: 'D2', messageId: 'error', message: 'D2 shows the error #REF!: the formula refers to a cell that was deleted', shown: { expected: '', actual: '#REF!' } }],
    },
    {
      name: 'a formula showing #DIV/0!',
      workbook: month7({ F3: { value: { error: '#DIV/0!' }, formula: '=E3/0' } }),
      errors: [{ cell: 'F3', messageId: 'errorFormula', message: 'F3 shows the error #DIV/0! from its formula =E3/0: a division by zero or by an empty cell' }],
    },
    {
      name: 'error text pasted as a value, in a text column too',
      workbook: month7({ E4: '#N/A', G4: '#VALUE!' }),
      errors: [{ cell: 'E4', messageId: 'error' }, { cell: 'G4', messageId: 'error' }],
    },
  ],
});
