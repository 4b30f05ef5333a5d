/** The process-facing side of the CLI, injected so tests run `main()` with fake streams. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}
