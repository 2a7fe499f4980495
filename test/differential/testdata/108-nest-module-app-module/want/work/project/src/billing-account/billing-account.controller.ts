import { Controller, Get } from '@nestjs/common'
import { BillingAccountService } from './billing-account.service'

@Controller('billing-account')
export class BillingAccountController {
  constructor(private readonly service: BillingAccountService) {}

  @Get()
  findAll() {
    return this.service.findAll()
  }
}
