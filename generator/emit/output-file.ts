/** A file of the generated package: its path relative to the output folder (with `/`) and its text. */
export interface OutputFile {
  readonly path: string;
  readonly contents: string;
}
