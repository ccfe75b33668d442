/**
 * Keeps each order's badges in step with the page: a host is created once per order and slot (Amazon's
 * risks; the seller's own rule) and then reused (moved into the re-rendered row, redrawn only when its
 * view changed), so pagination, filters and sorting cause no flicker and never two of a kind for one order.
 */
import { createBadgeHost, renderBadge } from './badge-element';
import { BADGE_TAG } from './order-rows';
import type { BadgeView } from './badge-view';

/** `Array.isArray` alone narrows a readonly array to `any[]`. */
const isViewList = (found: BadgeView | readonly BadgeView[]): found is readonly BadgeView[] => Array.isArray(found);

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
  apply(anchors: ReadonlyMap<string, Element>, viewFor: (orderId: string) => BadgeView | readonly BadgeView[] | null, root?: ParentNode): ApplyStats {
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
      const found = viewFor(orderId);
      const views = found === null ? [] : isViewList(found) ? found : [found];
      // Each after the one before: the anchor, then Amazon's badge, then the seller's own.
      let after: Element = anchor;
      for (const view of views) {
        const key = `${orderId}\n${view.slot}`;
        let host = this.hosts.get(key);
        if (!host) {
          host = createBadgeHost(this.doc);
          this.hosts.set(key, host);
          stats.created++;
        }
        if (renderBadge(host, view)) stats.redrawn++;
        if (after.nextSibling !== host) {
          after.after(host);
          stats.moved++;
        }
        after = host;
        shown.add(key);
      }
    }
    for (const [key, host] of this.hosts) {
      if (!shown.has(key) && host.isConnected) {
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
