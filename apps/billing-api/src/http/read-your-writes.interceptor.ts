import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { from, switchMap, type Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/caller';
import { ReadYourWrites } from '../infrastructure/read-your-writes';

/** Before any request of a caller, waits (bounded) until the read models show that caller's last remembered write. */
@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  constructor(private readonly readYourWrites: ReadYourWrites) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!request.caller) return next.handle();
    return from(this.readYourWrites.waitForCaller(request.caller.apiKeyId)).pipe(switchMap(() => next.handle()));
  }
}
