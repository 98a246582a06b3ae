import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { contractDecider, contractStream } from '@billing/domain';
import type { CommandResult } from '../../infrastructure/command-result';
import { StreamDecisions } from '../../infrastructure/stream-decisions';
import { MarkMilestoneReadyCommand } from './mark-milestone-ready.command';

@CommandHandler(MarkMilestoneReadyCommand)
export class MarkMilestoneReadyHandler implements ICommandHandler<MarkMilestoneReadyCommand, CommandResult> {
  constructor(private readonly streams: StreamDecisions) {}

  async execute({ contractId, milestoneId, metadata }: MarkMilestoneReadyCommand): Promise<CommandResult> {
    const { events, position } = await this.streams.decide(
      contractStream(contractId),
      contractDecider,
      { type: 'MarkMilestoneReady', contractId, milestoneId },
      metadata,
    );
    return { wrote: events.length > 0, position };
  }
}
