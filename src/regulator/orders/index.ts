export { type OrderDueFigures, orderDueFigures } from './figures.ts'
export {
  flagOverdueOrders,
  getOrder,
  type IssueOrderInput,
  issueOrder,
  listOrders,
  listOverdueOrders,
  type OrderView,
  orderAcknowledgedHandler,
  orderExecutedHandler,
  orderIssuers,
} from './orders.ts'
