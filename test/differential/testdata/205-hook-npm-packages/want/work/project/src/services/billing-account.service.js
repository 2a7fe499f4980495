// table billing_account, env BILLING_ACCOUNT_URL, chunks [[1,2],[3,4],[5]]
export class BillingAccountService {
  async create() {}
  async get() {}
  async list() {}
}
