import { Injectable } from '@nestjs/common'

@Injectable()
export class BillingAccountService {
  findAll() {
    return [] as const
  }
}
