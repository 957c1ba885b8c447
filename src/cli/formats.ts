import { platforms as allPlatforms } from '../adapters/index.js';
import type { PayloadRenderer, PlatformModule } from '../adapters/platform.js';

/** `--format` of the CLIs: text, or any platform that declares its payload (adding one adds its format). */
export function formatsOf(platforms: readonly PlatformModule[] = allPlatforms): string[] {
  return ['text', ...platforms.filter((p) => p.payload).map((p) => p.id)];
}

/** The payload renderer of a platform format (loaded now: only the format asked for). */
export async function payloadFor(format: string, platforms: readonly PlatformModule[] = allPlatforms): Promise<PayloadRenderer> {
  const platform = platforms.find((p) => p.id === format && p.payload);
  if (!platform?.payload) throw new Error(`no payload for --format ${format}`);
  return platform.payload();
}
