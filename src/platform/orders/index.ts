export {
  executeOrder,
  finishOrderSweep,
  getOrder,
  listOrders,
  type OrderExecution,
  OrderIssuedSchema,
  orderIssuedHandler,
  type ReceivedOrderView,
  receivedOrderFigures,
} from './orders.ts'
