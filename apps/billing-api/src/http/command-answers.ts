import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus, type ICommand, type IQuery } from '@nestjs/cqrs';
import type { Response } from 'express';
import type { CommandResult } from '../infrastructure/command-result';
import { ReadYourWrites } from '../infrastructure/read-your-writes';

/**
 * The tail every write endpoint shares: run the command, wait (bounded) until the read models show
 * its write, and answer with the query's view of it.
 */
@Injectable()
export class CommandAnswers {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  /** A change: the view after it (also when it changed nothing). */
  async afterChange<View>(command: ICommand, view: IQuery): Promise<View> {
    const result = await this.commands.execute<ICommand, CommandResult>(command);
    await this.readYourWrites.waitFor(result.position);
    return this.queries.execute<IQuery, View>(view);
  }

  /** A command that answers with its own result (a process over several streams): the result, once the read models show its writes. */
  async afterProcess<Result extends { position: bigint }>(command: ICommand): Promise<Result> {
    const result = await this.commands.execute<ICommand, Result>(command);
    await this.readYourWrites.waitFor(result.position);
    return result;
  }

  /** A create: `201`, or `200` when it wrote nothing (the same create again), with the view of what exists. */
  async afterCreate<View>(command: ICommand, view: IQuery, response: Response): Promise<View> {
    const result = await this.commands.execute<ICommand, CommandResult>(command);
    if (!result.wrote) response.status(200);
    await this.readYourWrites.waitFor(result.position);
    return this.queries.execute<IQuery, View>(view);
  }
}
