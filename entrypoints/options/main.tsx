import { render } from 'preact';
import { z } from 'zod';
import { uiLocale } from '@/lib/ui/i18n';
import { Options } from '@/lib/ui/options/Options';
import '@/lib/ui/theme.css';
import '@/lib/ui/options/options.css';

// The options page validates settings with the model's zod schemas; MV3 pages forbid eval.
z.config({ jitless: true });
document.documentElement.lang = uiLocale();
document.title = 'Redline';
render(<Options />, document.getElementById('app')!);
