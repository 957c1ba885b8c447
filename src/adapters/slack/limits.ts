/** Slack's limits this adapter renders within; docs/platform-limits.md cites the sources. */
export const SLACK = {
  blocks: 50,
  headerText: 150,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  contextElements: 10,
  contextText: 3000,
  imageUrl: 3000,
  altText: 2000,
  imageTitle: 2000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  selectOptions: 100,
  optionText: 75,
  optionValue: 150,
  placeholder: 150,
  /** Advice, not a hard limit (40,000 truncates): the notification fallback stays short. */
  fallbackText: 4000,
  /** Table block: one per message, 100 rows (the header row included), 20 cells a row. */
  tableRows: 100,
  tableColumns: 20,
  /** This bot's own bound for a cell: every cell it writes is a name, a figure or a short label. */
  tableCell: 200,
} as const;
