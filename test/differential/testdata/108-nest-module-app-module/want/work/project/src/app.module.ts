import { Module } from '@nestjs/common'
import { BillingAccountModule } from './billing-account/billing-account.module'
import { UsersModule } from './users/users.module'

@Module({
  imports: [
    BillingAccountModule,
    UsersModule,
  ],
})
export class AppModule {}
