import { z } from 'zod';

/**
 * Import this FIRST in every entry point that runs zod (worker, content script, options page).
 *
 * zod 4 decides when a schema is built, not when it parses, whether it may compile validators
 * with `new Function`: it probes eval once and keeps the answer. Our schemas are built when their
 * modules load, so `z.config({ jitless: true })` in an entry's body came too late: each context
 * probed eval at start-up, and the extension's CSP reported a violation (found by
 * test/e2e/extension.e2e.ts on the options page). A module imported before any schema module
 * sets it in time.
 */
z.config({ jitless: true });
