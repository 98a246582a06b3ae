import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../auth/caller';
import { assertOwnWork, CurrentCaller, ownWorkOf } from '../../auth/own-work';
import type { WorkItemView } from './get-work-item.handler';
import { GetWorkItemQuery } from './get-work-item.query';

/** A recorded charge or expense, with where it stands. */
@ApiTags('work')
@ApiBearerAuth()
@Controller('api')
export class GetWorkItemHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('charges/:id')
  @ApiOperation({ summary: 'One charge and where it stands (a technician: its own, without the internal cost)' })
  async charge(@Param('id') id: string, @CurrentCaller() caller: Caller | undefined): Promise<WorkItemView> {
    return this.ownOrRefused(await this.queries.execute(new GetWorkItemQuery('CHARGE', id, 'chargeId')), caller, 'charge');
  }

  @Get('expenses/:id')
  @ApiOperation({ summary: 'One expense and where it stands (a technician: its own)' })
  async expense(@Param('id') id: string, @CurrentCaller() caller: Caller | undefined): Promise<WorkItemView> {
    return this.ownOrRefused(await this.queries.execute(new GetWorkItemQuery('EXPENSE', id, 'expenseId')), caller, 'expense');
  }

  private ownOrRefused(item: WorkItemView, caller: Caller | undefined, what: string): WorkItemView {
    assertOwnWork(caller, item.resourceId as string | null | undefined, what);
    if (ownWorkOf(caller) === null) return item;
    // What the MSP pays for materials is not the technician's to see.
    const { unitCost: _cost, ...visible } = item;
    return visible as WorkItemView;
  }
}
