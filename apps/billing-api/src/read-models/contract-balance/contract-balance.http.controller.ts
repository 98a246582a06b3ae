import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type Database from 'better-sqlite3';
import { NotFound } from '@billing/domain';
import { findContractBalance, type ContractBalance } from '@billing/projections';
import { READERS, Roles } from '../../auth/roles.decorator';
import { READ_MODEL_DB } from '../../infrastructure/read-models.module';

@ApiTags('read models')
@ApiBearerAuth()
@Controller('api/contracts')
export class ContractBalanceHttpController {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  @Get(':id/balance')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Per purchase: purchased, used, remaining (hours for blocks, money for retainers, tickets for per-ticket), expiry; overage to date' })
  balance(@Param('id') id: string): ContractBalance {
    const balance = findContractBalance(this.db, id);
    if (!balance) throw new NotFound('contract', id);
    return balance;
  }
}
