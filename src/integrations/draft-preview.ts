/**
 * Draft preview in `npm run dev` (src/lib/preview.ts): tells the pages, at compile time, whether
 * to show unpublished items. The flag is a constant compiled into the pages, decided by Astro's
 * command: `astro build` compiles `false`, so the preview code is dead in a production build and
 * no environment variable can turn it on there.
 */
import type { AstroIntegration } from 'astro';
import { previewEnabled } from '../lib/preview.ts';

/**
 * The constant pages read (src/data/preview.ts). A plain name, not `import.meta.env.…`: Astro
 * rebuilds `import.meta.env` for server code in dev, and a Vite define under it never arrives.
 */
export const PREVIEW_FLAG = '__CREDENCE_PREVIEW__';

export function draftPreview(): AstroIntegration {
	return {
		name: 'credence:draft-preview',
		hooks: {
			'astro:config:setup': ({ command, updateConfig, logger }) => {
				const on = previewEnabled(command);
				updateConfig({ vite: { define: { [PREVIEW_FLAG]: JSON.stringify(on) } } });
				if (on) logger.info('draft preview: drafts, embargoed, unapproved and lapsed items are shown, each with a banner saying why it is not public (CREDENCE_PREVIEW=0 to hide them)');
			},
		},
	};
}
