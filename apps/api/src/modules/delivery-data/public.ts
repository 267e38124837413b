/** What other parts of the API may use of the delivery data read back (B60, B70, B80, C10). */
export { deliveryDataScope, type DeliveryDataScope } from './scope.ts'
export { seedDemoDeliveryData } from './demo.ts'
