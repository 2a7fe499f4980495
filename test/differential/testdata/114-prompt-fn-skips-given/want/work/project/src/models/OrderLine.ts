// table order_lines
export interface OrderLine {
  qty: number
  sku: string
}
