import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../config/load-config.js';
import { SpecError } from '../diagnostics.js';
import { type CustomEdits, customEdits, type EditedFile, type NewOutputVerdict } from '../diff/custom-edits.js';
import { formatUnified, hunkHeader } from '../diff/unified-diff.js';
import { keepsPristine, PRISTINE } from '../write/pristine.js';
import { parseCommandArgs, plural, UsageError, usageLine } from './args.js';
import { printDiagnostics, printSpecError } from './diagnostic-report.js';
import { FILTER_OPTIONS, filterArgs } from './filter-args.js';
import { type CliIO, EXIT, warningCount } from './io.js';
import { QUIET_HELP, VERBOSE_HELP, VERBOSITY_OPTIONS, type Verbosity, verbosityOf } from './verbosity.js';

export const EDITS_HELP = `Usage: sdkgen edits [out] [options]

Lists the custom edits in a generated package folder (default: the config's out, or generated):
each edit to a generated file as a unified diff against the pristine output of the last run
(${PRISTINE}, which sdkgen keeps beside its manifest), the generated files you deleted, and
your own files (src/lib/…, anything sdkgen did not write). Reads only.

With --spec, it also generates the new output in memory and says which edits it makes
unnecessary: the generator now writes the same lines, so the edit can go.

Options:
  --spec <file>       compare the edits with what this OpenAPI document gives now
  --stainless <file>  with --spec: generate as this Stainless config says, as generate does
  --overlay <file>    with --spec: apply this OpenAPI Overlay first; repeatable, in order
  --include <sel>     with --spec: keep only these operations, as generate does (docs/filtering.md)
  --exclude <sel>     with --spec: leave out these operations, as generate does
  --config <file>     read options (out, overlays, stainless, include, exclude) from this file; default:
                      sdkgen.config.json|yaml|yml, or the "sdkgen" key of package.json
  --allow-remote-refs with --spec: follow $refs to http(s) URLs
  --format <format>   text (default: the diffs, then the lists) or json
${QUIET_HELP}
${VERBOSE_HELP}
  -h, --help          show this help

Exit codes: 0 listed (a folder without ${PRISTINE} is said, not failed); 1 the folder does not
exist, or the spec or config has errors; 2 wrong usage; 3 internal error.`;

const FORMATS = ['text', 'json'] as const;
type Format = (typeof FORMATS)[number];

/** `sdkgen edits`: returns the exit code. */
export async function editsCommand(argv: readonly string[], io: CliIO): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  let verbosity: Verbosity;
  try {
    parsed = parse(argv);
    verbosity = verbosityOf(parsed.values);
    const format = parsed.values.format;
    if (parsed.values.help !== true && !(FORMATS as readonly string[]).includes(format))
      throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
    filterArgs(parsed.values, { file: undefined });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(usageLine('edits', error.message));
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.out(EDITS_HELP);
    return EXIT.ok;
  }
  const format = values.format as Format;
  try {
    const config = loadConfig(io.cwd, values.config);
    const out = positionals[0] ?? config.out ?? 'generated';
    const outDir = resolve(io.cwd, out);
    if (!existsSync(outDir)) {
      io.err(`sdkgen edits: there is no folder ${out}/.`);
      return EXIT.failed;
    }
    let newOutput: ReadonlyMap<string, string> | undefined;
    if (values.spec !== undefined) {
      // The emitter loads only when asked for: `sdkgen edits` alone reads files, no compiler.
      const { generate } = await import('../generate.js');
      const generation = generate({
        spec: values.spec,
        out,
        cwd: io.cwd,
        dist: false,
        allowRemoteRefs: values['allow-remote-refs'] ?? config.allowRemoteRefs ?? false,
        overlays: values.overlay ?? config.overlays ?? [],
        stainless: values.stainless ?? config.stainless,
        filter: filterArgs(values, config),
      });
      printDiagnostics(generation.warnings, io, { verbosity, command: 'sdkgen edits' });
      if (verbosity !== 'quiet')
        io.err(`sdkgen edits: generated ${values.spec} in memory; ${warningCount(generation.warnings.length)}.`);
      newOutput = new Map(generation.files.filter((f) => keepsPristine(f.path)).map((f) => [f.path, f.contents]));
    }
    const edits = customEdits(outDir, newOutput);
    const report = { out, spec: values.spec, edits };
    io.out((format === 'json' ? formatJson(report) : formatText(report)).replace(/\n$/, ''));
    return EXIT.ok;
  } catch (error) {
    if (error instanceof SpecError) {
      printSpecError(error, io, { verbosity, command: 'sdkgen edits' });
      return EXIT.failed;
    }
    throw error;
  }
}

interface Report {
  readonly out: string;
  readonly spec: string | undefined;
  /** Undefined: the folder has no pristine output. */
  readonly edits: CustomEdits | undefined;
}

function noPristine(out: string): string {
  return `${out}/ has no ${PRISTINE}, the pristine output sdkgen keeps beside its manifest, so its edits cannot be told from what was generated. Run \`sdkgen generate\` once (on the unedited output) to start keeping it.`;
}

function formatText({ out, spec, edits }: Report): string {
  if (edits === undefined) return `sdkgen edits: ${noPristine(out)}\n`;
  const lines: string[] = [];
  const counts = [
    plural(edits.edited.length, 'edited file'),
    `${edits.deleted.length} deleted`,
    plural(edits.yours.length, 'file of yours', 'files of yours'),
  ];
  lines.push(`sdkgen edits: ${out}/ has ${counts.join(', ')} (against the pristine output of the last run).`);
  for (const file of edits.edited) lines.push('', formatUnified(file.path, file.hunks).replace(/\n$/, ''));
  const markers = edits.edited.flatMap((file) => file.markers.map((line) => `  ${file.path}:${line}`));
  if (markers.length > 0)
    lines.push(
      '',
      'Conflicts left between markers by --conflicts=markers (settle them, then run sdkgen generate):',
      ...markers,
    );
  if (edits.deleted.length > 0) {
    lines.push('', 'Generated files you deleted (regeneration keeps them deleted):');
    for (const file of edits.deleted)
      lines.push(`  ${file.path}${file.stillGenerated === false ? ' (no longer generated either)' : ''}`);
  }
  if (edits.yours.length > 0) {
    lines.push('', 'Your files (sdkgen never writes or deletes them):');
    for (const path of edits.yours) lines.push(`  ${path}`);
  }
  if (spec !== undefined) lines.push('', ...newOutputLines(spec, edits.edited));
  return `${lines.join('\n')}\n`;
}

/** What the new output makes of each edit: the ones it makes unnecessary first, as the point of --spec. */
function newOutputLines(spec: string, edited: readonly EditedFile[]): string[] {
  const listed = (verdict: NewOutputVerdict): string[] =>
    edited.flatMap((file) => {
      if (verdict === 'now-generated' && file.sameAsNewOutput === true)
        return [`  ${file.path}: the whole file (the new output is the file as you edited it)`];
      return file.hunks.flatMap((hunk, i) =>
        file.verdicts?.[i] === verdict ? [`  ${file.path}:${hunk.newStart} ${hunkHeader(hunk)}`] : [],
      );
    });
  const unnecessary = listed('now-generated');
  const gone = listed('file-gone');
  const lines = [
    unnecessary.length === 0
      ? `With the new output of ${spec}, every edit is still needed.`
      : `With the new output of ${spec}, ${plural(unnecessary.length, 'edit')} ${unnecessary.length === 1 ? 'is' : 'are'} unnecessary (the generator now writes the same lines):`,
    ...unnecessary,
  ];
  if (gone.length > 0)
    lines.push(
      `The new output no longer has the file of ${plural(gone.length, 'edit')} (a regeneration reports them):`,
      ...gone,
    );
  return lines;
}

function formatJson({ out, spec, edits }: Report): string {
  if (edits === undefined) return `${JSON.stringify({ out, pristine: false, message: noPristine(out) }, null, 2)}\n`;
  const json = {
    out,
    pristine: true,
    ...(spec === undefined ? {} : { spec }),
    edited: edits.edited.map((file) => ({
      path: file.path,
      diff: formatUnified(file.path, file.hunks),
      hunks: file.hunks.map((hunk, i) => ({
        header: hunkHeader(hunk),
        oldStart: hunk.oldStart,
        oldLines: hunk.oldLines,
        newStart: hunk.newStart,
        newLines: hunk.newLines,
        ...(file.verdicts === undefined ? {} : { newOutput: file.verdicts[i] }),
      })),
      ...(file.sameAsNewOutput === undefined ? {} : { sameAsNewOutput: file.sameAsNewOutput }),
      markers: file.markers,
    })),
    deleted: edits.deleted,
    yours: edits.yours,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

function parse(argv: readonly string[]) {
  return parseCommandArgs(
    {
      command: 'edits',
      options: {
        spec: { type: 'string' },
        overlay: { type: 'string', multiple: true },
        stainless: { type: 'string' },
        ...FILTER_OPTIONS,
        config: { type: 'string' },
        'allow-remote-refs': { type: 'boolean' },
        format: { type: 'string', default: 'text' },
        ...VERBOSITY_OPTIONS,
        help: { type: 'boolean', short: 'h', default: false },
      },
      positionals: { max: 1, what: 'output folder' },
    },
    argv,
  );
}
