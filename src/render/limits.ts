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
} as const;

/** Cuts text to `max` characters (JavaScript length: conservative for emoji), marking the cut. */
export function fit(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1))}…`;
}
