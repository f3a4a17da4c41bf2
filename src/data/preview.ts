/**
 * Whether this server shows unpublished items (draft preview, src/lib/preview.ts). Both must
 * hold: Vite's development mode and the constant the draft-preview integration compiles in
 * (`__CREDENCE_PREVIEW__`), which is `false` under `astro build`. Outside Vite the constant does
 * not exist, and preview is off.
 */
export const previewing: boolean = import.meta.env.DEV === true && typeof __CREDENCE_PREVIEW__ !== 'undefined' && __CREDENCE_PREVIEW__ === true;
