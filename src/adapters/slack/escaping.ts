/** Slack escapes &, < and > in the text it sends (slash commands, messages); the bot wants what the user typed. */
export function decodeSlackText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
