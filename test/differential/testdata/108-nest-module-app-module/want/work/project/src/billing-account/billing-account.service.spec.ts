import { BillingAccountService } from './billing-account.service'

describe('BillingAccountService', () => {
  it('lists nothing yet', () => expect(new BillingAccountService().findAll()).toEqual([]))
})
