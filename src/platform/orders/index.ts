export {
  executeOrder,
  finishOrderSweep,
  getOrder,
  listOrders,
  type OrderExecution,
  OrderIssuedSchema,
  orderIssuedHandler,
  type ReceivedOrderView,
} from './orders.ts'
