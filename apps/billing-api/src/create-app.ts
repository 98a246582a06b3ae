import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { LoggerService } from '@nestjs/common';
import { AppModule } from './app.module';
import { documentAccess } from './auth/access-policy';
import { BootstrapApiKey } from './auth/bootstrap-api-key';
import type { AppConfig } from './config/app-config';
import { refuseBodiesThatAreNotJson, refuseDeepBodies } from './http/body-guards';
import { HttpExceptionFilter } from './http/http-exception.filter';
import { JsonLogger } from './http/json-logger';
import { RequestLogMiddleware } from './http/request-log.middleware';
import { createValidationPipe } from './http/validation';

export const BODY_LIMIT = '1mb';

/** Builds the whole service (used by main.ts and by the end-to-end tests), ready to listen. */
export async function createApp(config: AppConfig, logger: LoggerService | false = new JsonLogger()): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.with(config), {
    bodyParser: false,
    logger,
    abortOnError: false,
  });
  app.disable('x-powered-by');
  // Before the body parser, so that a body refused there is logged with its correlation id too.
  const requestLog = new RequestLogMiddleware();
  app.use(requestLog.use.bind(requestLog));
  app.use(refuseBodiesThatAreNotJson);
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.use(refuseDeepBodies);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Billing ledger')
      .setDescription('Event-sourced billing ledger for managed service providers. See docs/ in the repository.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  documentAccess(document as unknown as Parameters<typeof documentAccess>[0]);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });

  await app.init();
  await app.get(BootstrapApiKey).ensure();
  return app;
}
