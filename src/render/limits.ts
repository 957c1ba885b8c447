/** Platform limits this project renders within; from ../shared/PLATFORM-LIMITS.md, which cites the docs. */
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

export const DISCORD = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** Title + description + field names and values + footer across all embeds. */
  embedTotal: 6000,
  imageUrl: 2048,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  selectOptions: 25,
  optionLabel: 100,
  optionValue: 100,
  placeholder: 150,
  /** Components V2: components in a message, nested ones included, and text across all text displays. */
  components: 40,
  componentText: 4000,
  /** This bot's own shares of the 4,000 characters: what is left goes to the table. */
  headText: 1500,
  summary: 900,
  fieldsText: 1200,
  notesText: 500,
  sourcesText: 350,
  galleryItems: 10,
  mediaDescription: 1024,
} as const;

/** Cuts text to `max` characters (JavaScript length: conservative for emoji), marking the cut. */
export function fit(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1))}…`;
}
