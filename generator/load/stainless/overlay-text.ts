import { yaml } from '../../lazy-packages.js';
import type { StainlessOverlay } from './convert.js';

/**
 * The overlay `sdkgen import stainless` writes: YAML, actions in the order the config gives
 * them (a spec's unlisted endpoints last, in the spec's order), under a header that says where
 * it comes from and how to use it. The same config and spec always give the same text.
 */
export function overlayText(overlay: StainlessOverlay, source: { config: string; spec: string }): string {
  const body = yaml().stringify(overlay, { lineWidth: 0, aliasDuplicateObjects: false });
  return [
    `# Written by \`sdkgen import stainless ${source.config} --spec ${source.spec}\`: the decisions of that`,
    '# Stainless config as sdkgen extensions (docs/stainless.md). Generate with `--overlay` on this file',
    '# instead of `--stainless`; edit it as your own from now on.',
    body,
  ].join('\n');
}
