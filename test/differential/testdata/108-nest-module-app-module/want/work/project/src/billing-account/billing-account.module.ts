import { Module } from '@nestjs/common'
import { BillingAccountController } from './billing-account.controller'
import { BillingAccountService } from './billing-account.service'

@Module({
  controllers: [BillingAccountController],
  providers: [BillingAccountService],
})
export class BillingAccountModule {}
