import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { EVENT_STORE, type EventStore } from '@billing/event-store';
import { Projections } from '@billing/projections';

@ApiTags('health')
@Controller('health')
export class HealthHttpController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: Projections,
  ) {}

  /** Live when it answers; ready when the store answers and every projection is live. 503 when not ready. */
  @Get()
  @ApiOperation({ summary: 'Liveness, readiness and projection lag' })
  async health(@Res({ passthrough: true }) response: Response) {
    let head: string | undefined;
    let storeError: string | undefined;
    try {
      head = (await this.store.headPosition()).toString();
    } catch (error) {
      storeError = error instanceof Error ? error.message : String(error);
    }
    const projections = head === undefined ? [] : await this.projections.status();
    const ready = head !== undefined && projections.every((p) => p.state === 'live');
    response.status(ready ? 200 : 503);
    return {
      status: ready ? 'ok' : 'unavailable',
      live: true,
      ready,
      store: { kind: this.store.kind, headPosition: head, ...(storeError ? { error: storeError } : {}) },
      projections,
    };
  }
}
