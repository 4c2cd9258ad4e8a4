// RFC 9162 (Certificate Transparency v2) Merkle tree hashing, proofs and their verifiers. Pure: no I/O, no clock.
// Sizes and indexes are plain numbers; verifiers do their arithmetic with division rather than bit operators so
// that they stay correct for every safe integer, not only below 2^31.
import * as crypto from 'node:crypto'

export type Hash = Uint8Array // 32 bytes

const HASH_BYTES = 32
// Hashes per level buffer when a level is first made; buffers double, so a small tree stays small.
const INITIAL_CAPACITY = 64

// crypto.hash (Node ≥ 20.12) skips the Hash object and is about 1.5× faster; 20.11 falls back to createHash.
const sha256: (data: Uint8Array) => Uint8Array =
  typeof crypto.hash === 'function'
    ? (data) => crypto.hash('sha256', data, 'buffer')
    : (data) => crypto.createHash('sha256').update(data).digest()

/** A fresh plain Uint8Array copy, so callers never hold a view into the tree's buffers or Node's Buffer pool. */
function copy(bytes: Uint8Array): Hash {
  return new Uint8Array(bytes)
}

/** MTH of the empty tree: SHA-256 of the empty string. */
export const EMPTY_ROOT: Hash = copy(sha256(new Uint8Array(0)))

/** SHA-256(0x00 ‖ data). */
export function hashLeaf(data: Uint8Array): Hash {
  const input = new Uint8Array(1 + data.length)
  input.set(data, 1)
  return copy(sha256(input))
}

// One reusable input buffer for node hashes: 0x01 ‖ left ‖ right. Safe because hashing is synchronous.
const nodeInput = new Uint8Array(1 + 2 * HASH_BYTES)
nodeInput[0] = 0x01

/** SHA-256(0x01 ‖ left ‖ right) of two 32-byte hashes, as a fresh Node Buffer (internal; public results are copied). */
function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  nodeInput.set(left, 1)
  nodeInput.set(right, 1 + HASH_BYTES)
  return sha256(nodeInput)
}

/** SHA-256(0x01 ‖ left ‖ right). Lengths are not checked, as in RFC 9162's definition; the tree only feeds it hashes. */
export function hashChildren(left: Hash, right: Hash): Hash {
  if (left.length === HASH_BYTES && right.length === HASH_BYTES) return copy(nodeHash(left, right))
  const input = new Uint8Array(1 + left.length + right.length)
  input[0] = 0x01
  input.set(left, 1)
  input.set(right, 1 + left.length)
  return copy(sha256(input))
}

function isHash(value: unknown): value is Hash {
  return value instanceof Uint8Array && value.length === HASH_BYTES
}

function isSize(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!
  return diff === 0
}

/** ⌊log2 n⌋ for n ≥ 1, exact for every safe integer (Math.log2 rounds near powers of two). */
function floorLog2(n: number): number {
  let level = 0
  let width = 1
  while (width * 2 <= n) {
    width *= 2
    level++
  }
  return level
}

/** The largest power of two strictly below n (n ≥ 2): RFC 9162's split point k. */
function splitPoint(n: number): number {
  return 2 ** floorLog2(n - 1)
}

function isPowerOfTwo(n: number): boolean {
  return n >= 1 && 2 ** floorLog2(n) === n
}

const half = (n: number): number => Math.floor(n / 2)

/**
 * An append-only tree held in memory: leaf hashes plus cached complete-subtree hashes, so root(size), proofs and
 * appends are O(log n) (or O(log² n)), never O(n).
 *
 * Level k holds the hashes of the complete subtrees of 2^k leaves, left to right, in one growing Uint8Array
 * (32 bytes each): 1M leaves take about 64 MiB in all levels together, in ~20 objects.
 */
export class MerkleTree {
  #levels: Uint8Array[] = []
  #size = 0

  get size(): number {
    return this.#size
  }

  append(leafHash: Hash): number {
    if (!isHash(leafHash)) throw new TypeError('leafHash must be a 32-byte Uint8Array')
    const index = this.#size
    this.#reserve(0, index).set(leafHash, index * HASH_BYTES)
    // A right child completes its parent's subtree: hash the adjacent pair (2j, 2j+1) into level + 1, and climb.
    let level = 0
    let i = index
    while (i % 2 === 1) {
      const children = this.#levels[level]!.subarray((i - 1) * HASH_BYTES, (i + 1) * HASH_BYTES)
      nodeInput.set(children, 1)
      const parent = (i - 1) / 2
      this.#reserve(level + 1, parent).set(sha256(nodeInput), parent * HASH_BYTES)
      level++
      i = parent
    }
    this.#size = index + 1
    return index
  }

  leaf(index: number): Hash {
    if (!isSize(index) || index >= this.#size) {
      throw new RangeError(`leaf index ${index} is outside the tree of size ${this.#size}`)
    }
    return copy(this.#node(0, index))
  }

  root(size: number = this.#size): Hash {
    if (!isSize(size) || size > this.#size) {
      throw new RangeError(`root size ${size} is not within 0..${this.#size}`)
    }
    return size === 0 ? copy(EMPTY_ROOT) : copy(this.#subtree(0, size))
  }

  /** PATH(index, D[size]) of RFC 9162 §2.1.3.1, leaf-side sibling first. */
  inclusionProof(index: number, size: number): Hash[] {
    if (!isSize(index) || !isSize(size) || index >= size || size > this.#size) {
      throw new RangeError(`no inclusion proof for index ${index} in size ${size} (tree size ${this.#size})`)
    }
    // Walk down from the root collecting the sibling at each split, then reverse to leaf-first order.
    const proof: Hash[] = []
    let start = 0
    let n = size
    let m = index
    while (n > 1) {
      const k = splitPoint(n)
      if (m < k) {
        proof.push(copy(this.#subtree(start + k, n - k)))
        n = k
      } else {
        proof.push(copy(this.#subtree(start, k)))
        start += k
        m -= k
        n -= k
      }
    }
    return proof.reverse()
  }

  /** PROOF(size1, D[size2]) of RFC 9162 §2.1.4.1; empty when size1 is 0 or equals size2. */
  consistencyProof(size1: number, size2: number): Hash[] {
    if (!isSize(size1) || !isSize(size2) || size1 > size2 || size2 > this.#size) {
      throw new RangeError(`no consistency proof from size ${size1} to ${size2} (tree size ${this.#size})`)
    }
    if (size1 === 0 || size1 === size2) return []
    // SUBPROOF(m, D[n], b) unrolled from the top; `whole` is b: the old tree is one node of the new one so far.
    const proof: Hash[] = []
    let start = 0
    let n = size2
    let m = size1
    let whole = true
    while (m !== n) {
      const k = splitPoint(n)
      if (m <= k) {
        proof.push(copy(this.#subtree(start + k, n - k)))
        n = k
      } else {
        proof.push(copy(this.#subtree(start, k)))
        start += k
        m -= k
        n -= k
        whole = false
      }
    }
    if (!whole) proof.push(copy(this.#subtree(start, n)))
    return proof.reverse()
  }

  /** The buffer of `level`, grown (doubling) to hold hash number `index`. */
  #reserve(level: number, index: number): Uint8Array {
    const current = this.#levels[level]
    const needed = (index + 1) * HASH_BYTES
    if (current && current.length >= needed) return current
    const capacity = Math.max(needed, (current?.length ?? 0) * 2, INITIAL_CAPACITY * HASH_BYTES)
    const grown = new Uint8Array(capacity)
    if (current) grown.set(current)
    this.#levels[level] = grown
    return grown
  }

  /** A view of the cached hash of the complete subtree number `index` at `level`. */
  #node(level: number, index: number): Uint8Array {
    return this.#levels[level]!.subarray(index * HASH_BYTES, (index + 1) * HASH_BYTES)
  }

  /**
   * MTH(D[start:start+n]) for a subtree that RFC 9162's recursion reaches (start is a multiple of the largest power
   * of two ≤ n): the left part is always complete, hence cached; only the right spine is hashed, popcount(n) − 1.
   */
  #subtree(start: number, n: number): Uint8Array {
    const level = floorLog2(n)
    const width = 2 ** level
    const left = this.#node(level, start / width)
    if (width === n) return left
    return nodeHash(left, this.#subtree(start + width, n - width))
  }
}

/**
 * RFC 9162 §2.1.3.2. The proof binds the leaf to (size, root) only together: check `root` against a signed
 * checkpoint of that size. Never throws; anything malformed is false.
 */
export function verifyInclusion(
  leafHash: Hash,
  index: number,
  size: number,
  proof: readonly Hash[],
  root: Hash,
): boolean {
  try {
    if (!isSize(index) || !isSize(size) || index >= size) return false
    if (!isHash(leafHash) || !isHash(root) || !Array.isArray(proof) || !proof.every(isHash)) return false
    let fn = index
    let sn = size - 1
    let r: Uint8Array = leafHash
    for (const p of proof) {
      if (sn === 0) return false
      if (fn % 2 === 1 || fn === sn) {
        r = nodeHash(p, r)
        while (fn % 2 === 0 && fn !== 0) {
          fn = half(fn)
          sn = half(sn)
        }
      } else {
        r = nodeHash(r, p)
      }
      fn = half(fn)
      sn = half(sn)
    }
    return sn === 0 && equal(r, root)
  } catch {
    return false
  }
}

/**
 * RFC 9162 §2.1.4.2, plus the cases it leaves out: equal sizes need an empty proof and equal roots; size1 = 0
 * needs an empty proof and root1 = EMPTY_ROOT (every tree extends the empty one). Never throws.
 */
export function verifyConsistency(
  size1: number,
  size2: number,
  root1: Hash,
  root2: Hash,
  proof: readonly Hash[],
): boolean {
  try {
    if (!isSize(size1) || !isSize(size2) || size1 > size2) return false
    if (!isHash(root1) || !isHash(root2) || !Array.isArray(proof) || !proof.every(isHash)) return false
    if (size1 === 0)
      return proof.length === 0 && equal(root1, EMPTY_ROOT) && (size2 > 0 || equal(root2, EMPTY_ROOT))
    if (size1 === size2) return proof.length === 0 && equal(root1, root2)
    if (proof.length === 0) return false
    // When the old tree is a complete subtree of the new one, its root is the proof's implicit first node.
    const path = isPowerOfTwo(size1) ? [root1, ...proof] : proof
    let fn = size1 - 1
    let sn = size2 - 1
    while (fn % 2 === 1) {
      fn = half(fn)
      sn = half(sn)
    }
    let fr: Uint8Array = path[0]!
    let sr: Uint8Array = path[0]!
    for (let i = 1; i < path.length; i++) {
      const c = path[i]!
      if (sn === 0) return false
      if (fn % 2 === 1 || fn === sn) {
        fr = nodeHash(c, fr)
        sr = nodeHash(c, sr)
        while (fn % 2 === 0 && fn !== 0) {
          fn = half(fn)
          sn = half(sn)
        }
      } else {
        sr = nodeHash(sr, c)
      }
      fn = half(fn)
      sn = half(sn)
    }
    return sn === 0 && equal(fr, root1) && equal(sr, root2)
  } catch {
    return false
  }
}

/** Naive recursive MTH over all leaf hashes (O(n) time, O(log n) depth): for verification tools and tests. */
export function rootOfLeaves(leafHashes: readonly Hash[]): Hash {
  if (!leafHashes.every(isHash)) throw new TypeError('every leaf hash must be a 32-byte Uint8Array')
  const mth = (start: number, n: number): Hash => {
    if (n === 1) return copy(leafHashes[start]!)
    const k = splitPoint(n)
    return hashChildren(mth(start, k), mth(start + k, n - k))
  }
  return leafHashes.length === 0 ? copy(EMPTY_ROOT) : mth(0, leafHashes.length)
}
