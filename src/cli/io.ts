/** Where the CLI writes: the process's streams, or a buffer in tests. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_UNREADABLE = 2;
