/**
 * Test helper: an import as the options page makes it (lib/ui/options/ImportSection.tsx): files read
 * and previewed with the worker's import context, then, on `commit`, the recognised batches sent to
 * the worker's `importBatches`, which validates and stores them.
 */
import type { RedlineService } from '../../../lib/background/service';
import { importPreview, readImportFiles, type ImportPreview } from '../../../lib/readers/import-files';

export async function importAsOptions(
  service: RedlineService,
  files: { name: string; text: string }[],
  commit: boolean,
  marketplaceId?: string,
): Promise<ImportPreview[]> {
  const context = await service.importContext();
  const read = readImportFiles(files, { observedAt: Date.now(), ...context, ...(marketplaceId ? { marketplaceId } : {}) });
  const recognised = read.flatMap(({ name, result }) => (result.ok ? [{ name, batch: result.batch }] : []));
  if (commit && recognised.length) await service.importBatches(recognised);
  return read.map(importPreview);
}
