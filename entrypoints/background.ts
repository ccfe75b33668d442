import browser, { type Runtime } from 'webextension-polyfill';
import { z } from 'zod';
import { openRedlineDb } from '@/lib/storage/db';
import { createRedlineService } from '@/lib/background/service';
import { routeMessage } from '@/lib/background/router';
import { toolbarBadge } from '@/lib/background/toolbar';

// zod 4 compiles validators with `new Function` unless told not to; MV3 pages forbid eval.
z.config({ jitless: true });

const RECOMPUTE_ALARM = 'redline-recompute';

export default defineBackground(() => {
  const service = openRedlineDb().then((db) =>
    createRedlineService({
      db,
      now: Date.now,
      async onReportsChanged(reports) {
        const badge = toolbarBadge(reports);
        await browser.action.setBadgeText({ text: badge.text });
        await browser.action.setBadgeBackgroundColor({ color: badge.color });
        await browser.action.setTitle({ title: badge.title });
      },
    }),
  );
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };

  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
    service
      .then((s) => routeMessage(s, message, sender, self))
      .then(
        (value) => ({ ok: true, value }),
        (error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      ),
  );

  // Deadlines pass and orders leave windows with no new data: recompute every few minutes.
  browser.alarms.create(RECOMPUTE_ALARM, { periodInMinutes: 5 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RECOMPUTE_ALARM) void service.then((s) => s.tick());
  });
});
