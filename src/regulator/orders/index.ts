export {
  flagOverdueOrders,
  getOrder,
  type IssueOrderInput,
  issueOrder,
  listOrders,
  type OrderView,
  orderAcknowledgedHandler,
  orderExecutedHandler,
} from './orders.ts'
