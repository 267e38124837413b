/** What other modules and the server may use of clearing (120): the demo auctions. */
export { seedDemoAuctions, demoAuctionParameters } from './demo.ts'
export { createTestAuction } from './test-data.ts'
