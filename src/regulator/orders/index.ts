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
} from './orders.ts'
