import type { ChildProcess } from 'node:child_process';

export const AZURITE_ENV: string;

/** An Azurite child process of this process. */
export interface AzuriteProcess {
  child: ChildProcess;
  pid: number;
  /** Where Azurite keeps its blobs and metadata. */
  location: string;
  /** Azurite's output, its access log included. */
  log: string;
  exited: Promise<void>;
}

export function spawnAzurite(): AzuriteProcess;
export function processAlive(pid: number): boolean;
export function listeningPort(log: string): number | undefined;
export function waitForAzurite(
  azurite: Pick<AzuriteProcess, 'pid' | 'log'>,
  timeoutMs?: number
): Promise<number>;
export function stopAzurite(azurite: AzuriteProcess): Promise<void>;
export function startRunAzurite(): void;
export function stopRunAzurite(): Promise<void>;
