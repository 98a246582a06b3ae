import { existsSync, statSync } from 'node:fs';
import { connectEventStoreDb, SqliteEventStore, type EventStore } from '@billing/event-store';
import { ConfigError, configFromEnvironment, eventStoreFile, readModelFile, type AppConfig } from '../config/app-config';
import { CliError } from './cli-error';

/** What every command is given: the service's configuration (with `--data-dir` applied) and where its files are. */
export interface LedgerData {
  config: AppConfig;
  /** `sqlite` (the embedded store in the data folder) or `esdb` (EventStoreDB, `EVENTSTORE_CONNECTION_STRING`). */
  storeKind: 'sqlite' | 'esdb';
  /** The SQLite store file; undefined with EventStoreDB. */
  storeFile?: string;
  readModelFile: string;
}

/**
 * The data the service would open with the same environment (`LEDGER_DATA_DIR`,
 * `EVENTSTORE_CONNECTION_STRING`), `dataDir` taking the place of `LEDGER_DATA_DIR` when given.
 * Nothing is created: a missing data folder or store file is an error.
 */
export function locateLedgerData(dataDir: string | undefined, env: NodeJS.ProcessEnv = process.env): LedgerData {
  let config: AppConfig;
  try {
    config = configFromEnvironment(dataDir === undefined ? env : { ...env, LEDGER_DATA_DIR: dataDir });
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message);
    throw error;
  }
  if (!existsSync(config.dataDir) || !statSync(config.dataDir).isDirectory())
    throw new CliError(`no data folder at ${config.dataDir}: set LEDGER_DATA_DIR or pass --data-dir <folder>`);
  const storeKind = config.eventStoreConnectionString ? 'esdb' : 'sqlite';
  return {
    config,
    storeKind,
    ...(storeKind === 'sqlite' ? { storeFile: eventStoreFile(config) } : {}),
    readModelFile: readModelFile(config),
  };
}

/** Opens the store the service uses; the SQLite file must already exist (an empty one is never made here). */
export async function openLedgerStore(data: LedgerData): Promise<EventStore> {
  if (data.config.eventStoreConnectionString) {
    try {
      return await connectEventStoreDb(data.config.eventStoreConnectionString);
    } catch (error) {
      throw new CliError(`cannot connect to EventStoreDB (EVENTSTORE_CONNECTION_STRING): ${(error as Error).message}`);
    }
  }
  const file = data.storeFile!;
  if (!existsSync(file)) throw new CliError(`no event store in ${data.config.dataDir} (${file} is missing)`);
  try {
    return new SqliteEventStore({ filename: file });
  } catch (error) {
    throw new CliError((error as Error).message);
  }
}

/** The size of a SQLite file with its write-ahead log and shared-memory index; undefined if the file is missing. */
export function sqliteFileBytes(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  let total = 0;
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(file + suffix)) total += statSync(file + suffix).size;
  return total;
}
