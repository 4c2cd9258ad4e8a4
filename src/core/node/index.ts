export { initNode, type NodeInfo, nodeInfo, VERSION } from './node.ts'
export { nodeRoutes } from './routes.ts'
