import { OrderList } from './OrderList'
export default { component: OrderList }
