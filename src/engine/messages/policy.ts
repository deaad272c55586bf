/** Problems in a RAG policy given as JSON (a --policy file or a saved setting). */
export const policyMessages = {
  notObject: 'it must be a JSON object',
  badBasis: '"basis" must be "net" or "gross"',
  badNumber: (field: string) => `"${field}" must be a number of 0 or more`,
  badCombine: (field: string) => `"${field}" must be "lower" or "higher"`,
  badWords: (field: string) => `"${field}" must be a list of words`,
  unknownField: (field: string) => `unknown field "${field}"`,
  badExplanations: '"explanations" must be an object such as {"red": true, "money": 100000}',
  badBoolean: (field: string) => `"${field}" must be true or false`,
  badMoneyOrNull: (field: string) => `"${field}" must be an amount in pounds of 0 or more, or null for no amount`,
} as const;
