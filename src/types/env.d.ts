/** Draft preview is on: compiled in by src/integrations/draft-preview.ts, `false` in every build. */
declare const __CREDENCE_PREVIEW__: boolean | undefined;
