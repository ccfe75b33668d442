// Before any module that builds a zod schema: no eval probe, no compiled validators (lib/zod-jitless.ts).
import '@/lib/zod-jitless';
import browser, { type Runtime } from 'webextension-polyfill';
import { DB_NAME, openRedlineDb } from '@/lib/storage/db';
import { DB_VERSION } from '@/lib/storage/migrations';
import { reopening } from '@/lib/storage/connection';
import { forgetCachedReports } from '@/lib/background/report-cache';
import { createRedlineService } from '@/lib/background/service';
import { routeMessage } from '@/lib/background/router';
import { toolbarBadge } from '@/lib/background/toolbar';
import { showToolbarBadge } from '@/lib/browser/toolbar-button';
import { broadcastReportsChanged } from '@/lib/messaging/reports-changed';
import { answerBulk } from '@/lib/messaging/bulk';
import type { SenderInfo } from '@/lib/messaging/sender';
import { SELLER_CENTRAL_MATCHES } from '@/lib/marketplaces';
import { createNotifier, NOTIFICATION_STATE_KEY, parseNotificationState } from '@/lib/background/notifications';

const RECOMPUTE_ALARM = 'redline-recompute';

export default defineBackground(() => {
  // Status changes and near deadlines, each once (lib/background/notifications.ts). The notification id
  // carries the page to open on click, so a click still works after the worker was restarted.
  const notify = createNotifier({
    load: async () => parseNotificationState((await browser.storage.local.get(NOTIFICATION_STATE_KEY))[NOTIFICATION_STATE_KEY]),
    save: (state) => browser.storage.local.set({ [NOTIFICATION_STATE_KEY]: state }),
    show: async (key, content) => {
      await browser.notifications.create(JSON.stringify({ redline: key, url: content.url }), {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: content.title,
        message: content.message,
      });
    },
    now: Date.now,
  });
  browser.notifications.onClicked.addListener((id) => {
    let url: unknown;
    try {
      url = (JSON.parse(id) as { url?: unknown }).url;
    } catch {
      return; // not ours
    }
    if (typeof url === 'string' && url.startsWith('https://')) void browser.tabs.create({ url });
    void browser.notifications.clear(id);
  });

  // One connection, opened again when it closes (database deleted by the seller, upgraded elsewhere):
  // each message asks for the current service. Reports cached from a deleted database are forgotten.
  const service = reopening((onClose) =>
    openRedlineDb(DB_NAME, DB_VERSION, onClose).then((db) => {
      forgetCachedReports();
      return createRedlineService({
        db,
        now: Date.now,
        async onReportsChanged(reports) {
          await showToolbarBadge(toolbarBadge(reports)); // action or browserAction: lib/browser/toolbar-button.ts
          await notify(
            reports.map((r) => r.report),
            await (await service()).settings(),
          ).catch((error: unknown) => console.warn('Redline: notifications failed', error));
          await broadcastReportsChanged(SELLER_CENTRAL_MATCHES);
        },
        // "Delete all data" (PRIVACY.md): the notifications' memory of orders and statuses too.
        onAllDataDeleted: () => browser.storage.local.remove(NOTIFICATION_STATE_KEY),
      });
    }),
  );
  void service(); // open (and upgrade) at start-up, as before: the first message finds it ready
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };

  const answer = (message: unknown, sender: SenderInfo) =>
    service()
      .then((s) => routeMessage(s, message, sender, self))
      .then(
        (value) => ({ ok: true, value }),
        (error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => answer(message, sender));
  answerBulk(answer); // an import's files: lib/messaging/bulk.ts

  // Deadlines pass and orders leave windows with no new data: recompute every few minutes.
  // Not awaited: nothing waits for the alarm to exist, and a browser that refuses it still recomputes on every message.
  void browser.alarms.create(RECOMPUTE_ALARM, { periodInMinutes: 5 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RECOMPUTE_ALARM) void service().then((s) => s.tick());
  });
});
