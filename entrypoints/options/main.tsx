// Before any module that builds a zod schema (lib/zod-jitless.ts).
import '@/lib/zod-jitless';
import { render } from 'preact';
import { uiLocale } from '@/lib/ui/i18n';
import { Options } from '@/lib/ui/options/Options';
import '~/assets/theme.css';
import '@/lib/ui/options/options.css';

document.documentElement.lang = uiLocale();
document.title = 'Redline';
render(<Options />, document.getElementById('app')!);
