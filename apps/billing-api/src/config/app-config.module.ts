import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from './app-config';
import { APP_CONFIG } from './app-config.token';

/** The configuration, global as @nestjs/config makes it: every module may inject `APP_CONFIG`. */
@Module({})
export class AppConfigModule {
  static with(config: AppConfig): DynamicModule {
    return { module: AppConfigModule, global: true, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}
