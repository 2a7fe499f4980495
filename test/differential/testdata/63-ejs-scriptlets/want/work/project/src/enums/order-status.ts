export enum OrderStatus {
  PENDING = 'pending',
  PAID = 'paid',
  SHIPPED = 'shipped', // last
}

export function describeOrderStatus(s: OrderStatus): string {
  switch (s) {
    case OrderStatus.PENDING: return `Pending (long)`;
    case OrderStatus.PAID: return 'Paid in full';
    case OrderStatus.SHIPPED: return `Shipped (long)`;
  }
}
