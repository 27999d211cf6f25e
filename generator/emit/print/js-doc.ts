import type { JSDocStructure, JSDocTagStructure, OptionalKind, WriterFunction } from 'ts-morph';
import { checkProperties } from './unsupported-structure.js';
import { type CodeBlockWriter, newWriter, runWriter } from './writer.js';

type Doc = string | WriterFunction | OptionalKind<JSDocStructure>;
type Tag = OptionalKind<JSDocTagStructure>;
type DocText = string | WriterFunction | (string | WriterFunction)[];

const DOC_PROPERTIES = new Set(['kind', 'description', 'tags']);
const TAG_PROPERTIES = new Set(['kind', 'tagName', 'text']);

/** ts-morph's `JSDocStructurePrinter.printDocs`: each block, then a line break. */
export function printDocs(writer: CodeBlockWriter, docs: readonly Doc[] | undefined, location: string): void {
  if (docs == null) return;
  for (const doc of docs) {
    writer.closeComment();
    printDoc(writer, docText(doc, location));
    writer.newLine();
  }
}

/** One `/** … *\/` block of the given text, laid out as ts-morph lays it out. */
function printDoc(writer: CodeBlockWriter, text: string): void {
  const lines = text.split(/\r?\n/);
  const startIndex = (lines[0] as string).length === 0 ? 1 : 0;
  if (lines.length <= 1) {
    writer.write('/** ');
    writer.write(lines[startIndex] ?? '');
  } else if (!text.includes('\r')) {
    // The block's lines in one call, not two a line (a write, a line break): the writer's cost is
    // per call, and a write of `a\nb\n` is a write of `a`, a line break, `b`, a line break. A
    // line ending in a lone `\r` would join its break as `\r\n`: that text goes line by line.
    let block = '/**\n';
    for (let i = startIndex; i < lines.length; i++) {
      const line = lines[i] as string;
      block += line.length > 0 ? ` * ${line}\n` : ' *\n';
    }
    writer.write(block);
  } else {
    writer.write('/**');
    writer.newLine();
    for (let i = startIndex; i < lines.length; i++) {
      const line = lines[i] as string;
      writer.write(line.length > 0 ? ` * ${line}` : ' *');
      writer.newLine();
    }
  }
  writer.spaceIfLastNot();
  writer.write('*/');
}

/**
 * The text inside a block: the description, then the tags a line each. ts-morph wrote it into a
 * writer of its own and each tag into another; for strings that is the text itself with `\n` for
 * `\r\n`, unless a `/*` opens a comment in those writers (the writer then closes it before the
 * next tag), so only then, and for writer functions, are the writers made.
 */
function docText(doc: Doc, location: string): string {
  if (typeof doc === 'string') return doc;
  if (typeof doc === 'function') return writerText((writer) => runWriter(writer, doc));
  checkProperties(doc, DOC_PROPERTIES, 'a JSDoc', location);
  const tags = doc.tags ?? [];
  for (const tag of tags) checkProperties(tag, TAG_PROPERTIES, 'a JSDoc tag', location);
  const { description } = doc;
  if (
    (description == null || typeof description === 'string') &&
    tags.every((tag) => tag.text == null || typeof tag.text === 'string')
  ) {
    const text = plainDocText(description || '', tags);
    if (!text.includes('/*')) return text;
  }
  return writerText((writer) => writeDocText(writer, doc.description, tags));
}

function plainDocText(description: string, tags: readonly Tag[]): string {
  let text = description.includes('\r\n') ? description.replaceAll('\r\n', '\n') : description;
  for (let i = 0; i < tags.length; i++) {
    if (i > 0 || text.length > 0) text += '\n';
    const tag = tags[i] as Tag;
    const tagText = (tag.text as string | undefined) || '';
    const body = tagText.includes('\r\n') ? tagText.replaceAll('\r\n', '\n') : tagText;
    text += `@${tag.tagName}${body.length > 0 && !startsWithNewLine(body) ? ' ' : ''}${body}`;
  }
  return text;
}

/** ts-morph's JSDoc `getText` for a structure, step for step on real writers. */
function writeDocText(writer: CodeBlockWriter, description: DocText | undefined, tags: readonly Tag[]): void {
  if (description) printDocTextOf(writer, description);
  if (tags.length === 0) return;
  if (writer.getLength() > 0) writer.newLine();
  for (let i = 0; i < tags.length; i++) {
    if (i > 0) writer.newLine();
    writer.closeComment();
    const tag = tags[i] as Tag;
    const text = writerText((tagWriter) => {
      if (tag.text) printDocTextOf(tagWriter, tag.text);
      const current = tagWriter.toString();
      tagWriter.unsafeInsert(0, `@${tag.tagName}${current.length > 0 && !startsWithNewLine(current) ? ' ' : ''}`);
    });
    const lines = text.split(/\r?\n/);
    for (let j = 0; j < lines.length; j++) {
      if (j > 0) writer.newLine();
      if ((lines[j] as string).length > 0) writer.write(lines[j] as string);
    }
  }
}

/** ts-morph's `printTextFromStringOrWriter`. */
function printDocTextOf(writer: CodeBlockWriter, text: DocText): void {
  if (typeof text === 'string') writer.write(text);
  else if (typeof text === 'function') runWriter(writer, text);
  else
    for (let i = 0; i < text.length; i++) {
      if (i > 0) writer.newLineIfLastNot();
      printDocTextOf(writer, text[i] as string | WriterFunction);
    }
}

function writerText(write: (writer: CodeBlockWriter) => void): string {
  const writer = newWriter();
  write(writer);
  return writer.toString();
}

const startsWithNewLine = (text: string): boolean => text.startsWith('\n') || text.startsWith('\r\n');
