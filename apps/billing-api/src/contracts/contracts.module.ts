import { Module } from '@nestjs/common';

/** Contracts of the six types, their terms, purchases and services. */
@Module({})
export class ContractsModule {}
