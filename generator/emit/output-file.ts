/** A file of the generated package: its path relative to the output folder (with `/`) and its text. */
export interface OutputFile {
  readonly path: string;
  readonly contents: string;
  /** Holds only type declarations: its declaration file is its own text, its JavaScript is empty. */
  readonly typesOnly?: boolean | undefined;
}
