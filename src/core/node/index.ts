export { initNode, type NodeInfo, nodeInfo, VERSION } from './node.ts'
