/** The process-facing side of the CLI, injected so tests run `main()` with fake streams. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Standard input, read by `--stdin` (bin/protokit.js passes process.stdin). */
  stdin?: AsyncIterable<Uint8Array | string>;
}
