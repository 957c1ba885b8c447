/** Language a channel reads: a fixed one, or "auto" (the asking user's own, where the platform says it). */
export type ChannelLang = 'en' | 'zh-CN' | 'auto';

/** Per-channel settings kept in the bot's database (today: the language of replies and briefings). */
export interface ChannelSettings {
  language(platform: string, channelId: string): Promise<ChannelLang | undefined>;
  setLanguage(platform: string, channelId: string, lang: ChannelLang): Promise<void>;
}
