/**
 * Keeps one badge per order id in step with the page: a host is created once per order and then
 * reused (moved into the re-rendered row, redrawn only when its view changed), so pagination,
 * filters and sorting cause no flicker and never two badges for one order.
 */
import { createBadgeHost, renderBadge } from './badge-element';
import { BADGE_TAG } from './order-rows';
import type { BadgeView } from './badge-view';

export interface ApplyStats {
  created: number;
  moved: number;
  redrawn: number;
  removed: number;
}

export class BadgeLayer {
  private readonly hosts = new Map<string, HTMLElement>();

  constructor(private readonly doc: Document) {}

  /**
   * Places a badge after each anchor whose order has a view, and takes every other badge off the
   * page. Under `root`, badge elements that are not ours are removed too: copies made when the page
   * cloned a row, or hosts left by the previous instance of the content script after an update.
   */
  apply(anchors: ReadonlyMap<string, Element>, viewFor: (orderId: string) => BadgeView | null, root?: ParentNode): ApplyStats {
    const stats: ApplyStats = { created: 0, moved: 0, redrawn: 0, removed: 0 };
    if (root) {
      const ours = new Set(this.hosts.values());
      for (const stray of root.querySelectorAll(BADGE_TAG)) {
        if (!ours.has(stray as HTMLElement)) {
          stray.remove();
          stats.removed++;
        }
      }
    }
    const shown = new Set<string>();
    for (const [orderId, anchor] of anchors) {
      const view = viewFor(orderId);
      if (!view) continue;
      let host = this.hosts.get(orderId);
      if (!host) {
        host = createBadgeHost(this.doc);
        this.hosts.set(orderId, host);
        stats.created++;
      }
      if (renderBadge(host, view)) stats.redrawn++;
      if (anchor.nextSibling !== host) {
        anchor.after(host);
        stats.moved++;
      }
      shown.add(orderId);
    }
    for (const [orderId, host] of this.hosts) {
      if (!shown.has(orderId) && host.isConnected) {
        host.remove();
        stats.removed++;
      }
    }
    return stats;
  }

  /** Takes every badge off the page (hosts are kept for reuse). */
  detach(): void {
    for (const host of this.hosts.values()) host.remove();
  }

  get size(): number {
    return this.hosts.size;
  }
}
