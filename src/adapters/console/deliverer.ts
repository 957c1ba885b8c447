import { writeChartFiles, stemOf } from '../../charts/chart-files.js';
import type { Deliverer } from '../../briefings/scheduler.js';
import { messages } from '../../i18n/messages.js';
import { toConsoleText } from '../../render/console-text.js';

/** Briefings subscribed from the console print there when due, charts rendered locally like every other. */
export function consoleDeliverer(print: (text: string) => void, chartDir: string, color: boolean): Deliverer {
  return {
    async deliver(target, message) {
      const reply = message.reply;
      const images = await writeChartFiles(reply, chartDir, stemOf('briefing', `${target.subscription.id} ${target.subscription.kind}`), message.lang);
      const m = messages(message.lang);
      print(`\n⏰ ${m.console.briefingArrived}\n${toConsoleText(reply, { images, m, color })}\n`);
      return {};
    },
  };
}
