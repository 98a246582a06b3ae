import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { NotFound } from '@billing/domain';
import { findApiKey, listApiKeys, type ApiKeyView } from '@billing/projections';
import { READ_MODEL_DB } from '../../infrastructure/read-model-db.token';
import { ApiKeyUsage } from '../api-key-usage';
import { GetApiKeyQuery, ListApiKeysQuery } from './list-api-keys.query';

export type ApiKeyListEntry = ApiKeyView & { status: 'active' | 'revoked'; lastUsedAt: string | null };

const entryOf = (key: ApiKeyView, lastUsedAt: string | null): ApiKeyListEntry => ({ ...key, status: key.revokedAt ? 'revoked' : 'active', lastUsedAt });

@QueryHandler(ListApiKeysQuery)
export class ListApiKeysHandler implements IQueryHandler<ListApiKeysQuery, ApiKeyListEntry[]> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
    private readonly usage: ApiKeyUsage,
  ) {}

  async execute(): Promise<ApiKeyListEntry[]> {
    const lastUsed = this.usage.lastUsed();
    return listApiKeys(this.db).map((key) => entryOf(key, lastUsed.get(key.id) ?? null));
  }
}

@QueryHandler(GetApiKeyQuery)
export class GetApiKeyHandler implements IQueryHandler<GetApiKeyQuery, ApiKeyListEntry> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
    private readonly usage: ApiKeyUsage,
  ) {}

  async execute({ apiKeyId }: GetApiKeyQuery): Promise<ApiKeyListEntry> {
    const key = findApiKey(this.db, apiKeyId);
    if (!key) throw new NotFound('API key', apiKeyId);
    return entryOf(key, this.usage.lastUsedOf(apiKeyId));
  }
}
