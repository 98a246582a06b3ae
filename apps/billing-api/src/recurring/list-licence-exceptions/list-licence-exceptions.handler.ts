import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { NotFound } from '@billing/domain';
import { findLicenceException, pageLicenceExceptions, type LicenceExceptionView } from '@billing/projections';
import { pageAnswer, type PageAnswer } from '../../http/paging';
import { READ_MODEL_DB } from '../../infrastructure/read-model-db.token';
import { GetLicenceExceptionQuery, ListLicenceExceptionsQuery } from './list-licence-exceptions.query';

@QueryHandler(ListLicenceExceptionsQuery)
export class ListLicenceExceptionsHandler implements IQueryHandler<ListLicenceExceptionsQuery, PageAnswer<LicenceExceptionView>> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  async execute({ filter, page }: ListLicenceExceptionsQuery): Promise<PageAnswer<LicenceExceptionView>> {
    const { rows, total } = pageLicenceExceptions(this.db, filter, page);
    return pageAnswer(rows, total, page);
  }
}

@QueryHandler(GetLicenceExceptionQuery)
export class GetLicenceExceptionHandler implements IQueryHandler<GetLicenceExceptionQuery, LicenceExceptionView> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  async execute({ exceptionId }: GetLicenceExceptionQuery): Promise<LicenceExceptionView> {
    const exception = findLicenceException(this.db, exceptionId);
    if (!exception) throw new NotFound('licence exception', exceptionId);
    return exception;
  }
}
