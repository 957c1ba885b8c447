/** Feishu's card limits this adapter renders within; docs/platform-limits.md cites the sources. */
export const FEISHU = {
  /** A card message's content (the card JSON) may be at most 30 KB; this bot keeps a margin. */
  cardBytes: 28_000,
  /** Table component: at most five per card, 50 columns, 1–10 rows a page. */
  tables: 5,
  tableColumns: 50,
  tablePageSize: 10,
  /** Chart component: at most five per card (advised). */
  charts: 5,
  /** The uuid that makes a send idempotent (one hour): at most 50 characters. */
  uuid: 50,
  /** A button's text: this bot's own bound, to stay on one line on a phone. */
  buttonText: 40,
  /** The options of a static select. */
  selectOptions: 100,
} as const;
