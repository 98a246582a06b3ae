import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { InvoiceView } from '@billing/projections';
import { CommandMeta } from '../../auth/command-meta.decorator';
import { CommandAnswers } from '../../http/command-answers';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';
import { VoidInvoiceCommand, type VoidInvoiceResult } from './void-invoice.command';
import { VoidInvoiceRequest } from './void-invoice.request.dto';

@ApiTags('invoicing')
@ApiBearerAuth()
@Controller('api/invoices')
export class VoidInvoiceHttpController {
  constructor(private readonly answers: CommandAnswers) {}

  @Post(':id/void')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Void an invoice: it keeps its number and reads as it was, marked VOID; its items go back to be invoiced, or with `unpost` back to Approve & Post. A void invoice again: 409',
  })
  async void(@Param('id') id: string, @Body() body: VoidInvoiceRequest, @CommandMeta() metadata: CommandMetadata): Promise<InvoiceView> {
    const { invoice } = await this.answers.afterProcess<VoidInvoiceResult>(new VoidInvoiceCommand(id, body.reason, body.unpost ?? false, metadata));
    return invoice;
  }
}
