export { loadOrCreateNodeKeys, type NodeKeys, publicKeyFromBase64, rawPublicKey } from './keys.ts'
export { initNode, type NodeInfo, nodeInfo, readNodeIdentity, VERSION } from './node.ts'
