/** The injection token of the read models' SQLite database (better-sqlite3). */
export const READ_MODEL_DB = 'ReadModelDatabase';
