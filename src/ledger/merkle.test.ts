import { createHash } from 'node:crypto'
import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import {
  EMPTY_ROOT,
  type Hash,
  hashChildren,
  hashLeaf,
  MerkleTree,
  rootOfLeaves,
  verifyConsistency,
  verifyInclusion,
} from './merkle.ts'

// The reference below transcribes RFC 9162 §2.1.1, §2.1.3.1 and §2.1.4.1 literally, with its own hashing, so that
// it shares no code with merkle.ts. It works on leaf hashes: MTH({d}) is the leaf hash itself.
const sha256 = (...parts: Uint8Array[]): Hash =>
  new Uint8Array(createHash('sha256').update(Buffer.concat(parts)).digest())
const refLeaf = (data: Uint8Array): Hash => sha256(Uint8Array.of(0x00), data)
const refNode = (left: Hash, right: Hash): Hash => sha256(Uint8Array.of(0x01), left, right)
const split = (n: number): number => {
  let k = 1
  while (k * 2 < n) k *= 2
  return k
}
function refMth(d: readonly Hash[]): Hash {
  if (d.length === 0) return sha256()
  if (d.length === 1) return d[0]!
  const k = split(d.length)
  return refNode(refMth(d.slice(0, k)), refMth(d.slice(k)))
}
function refPath(m: number, d: readonly Hash[]): Hash[] {
  if (d.length <= 1) return []
  const k = split(d.length)
  return m < k
    ? [...refPath(m, d.slice(0, k)), refMth(d.slice(k))]
    : [...refPath(m - k, d.slice(k)), refMth(d.slice(0, k))]
}
function refSubproof(m: number, d: readonly Hash[], whole: boolean): Hash[] {
  if (m === d.length) return whole ? [] : [refMth(d)]
  const k = split(d.length)
  return m <= k
    ? [...refSubproof(m, d.slice(0, k), whole), refMth(d.slice(k))]
    : [...refSubproof(m - k, d.slice(k), false), refMth(d.slice(0, k))]
}
const refProof = (m: number, d: readonly Hash[]): Hash[] =>
  m === 0 || m === d.length ? [] : refSubproof(m, d, true)

const hex = (h: Uint8Array): string => Buffer.from(h).toString('hex')
const fromHex = (s: string): Hash => new Uint8Array(Buffer.from(s, 'hex'))
const ascii = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'))
const hexes = (hs: readonly Hash[]): string[] => hs.map(hex)

function treeOf(leafHashes: readonly Hash[]): MerkleTree {
  const tree = new MerkleTree()
  for (const h of leafHashes) tree.append(h)
  return tree
}

/** Distinct leaf hashes: the leaf hash of the decimal index with a per-tree label. */
const leavesOf = (n: number, label = 'entry'): Hash[] =>
  Array.from({ length: n }, (_, i) => refLeaf(ascii(`${label} ${i}`)))

const flipBit = (proof: readonly Hash[], element: number, bit: number): Hash[] =>
  proof.map((h, i) => {
    if (i !== element) return h
    const changed = new Uint8Array(h)
    changed[bit >> 3]! ^= 1 << (bit & 7)
    return changed
  })

describe('hashing (vectors from transparency-dev/merkle rfc6962/rfc6962_test.go, commit 78493b07)', () => {
  it('hashes the empty tree, leaves and nodes as RFC 6962 / 9162 define them', () => {
    expect(hex(EMPTY_ROOT)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(hex(hashLeaf(new Uint8Array(0)))).toBe(
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    )
    expect(hex(hashLeaf(ascii('L123456')))).toBe(
      '395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56',
    )
    expect(hex(hashChildren(ascii('N123'), ascii('N456')))).toBe(
      'aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb',
    )
  })

  it('separates leaves from nodes and depends on the order of children', () => {
    const [l, r] = leavesOf(2) as [Hash, Hash]
    const both = new Uint8Array([...l, ...r])
    expect(hex(hashChildren(l, r))).not.toBe(hex(hashLeaf(both)))
    expect(hex(hashChildren(l, r))).not.toBe(hex(hashChildren(r, l)))
    expect(hashChildren(l, r)).toEqual(refNode(l, r))
  })

  it('returns plain Uint8Arrays that callers may keep', () => {
    const h = hashLeaf(ascii('x'))
    expect(h.constructor).toBe(Uint8Array)
    expect(h.byteLength).toBe(32)
    expect(h.buffer.byteLength).toBe(32)
  })
})

// The 8-leaf reference tree of certificate-transparency (C++ merkle_tree_test), as carried by
// transparency-dev/merkle proof/verify_test.go (commit 02194e9a): leaf data, the root at every size 1..8, and
// proofs. Their proof vectors number leaves from 1; the indexes below are 0-based.
const GO_LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
]
const GO_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
]
const GO_INCLUSION: { index: number; size: number; proof: string[] }[] = [
  {
    index: 0,
    size: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    index: 5,
    size: 8,
    proof: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  { index: 2, size: 3, proof: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
  {
    index: 1,
    size: 5,
    proof: [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
]
const GO_CONSISTENCY: { size1: number; size2: number; proof: string[] }[] = [
  { size1: 1, size2: 1, proof: [] },
  {
    size1: 1,
    size2: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    size1: 6,
    size2: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    size1: 2,
    size2: 5,
    proof: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
  {
    size1: 6,
    size2: 7,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
]
const SOME_HASH = fromHex('abacaba000000000000000000000000000000000000000000060061e00123456')

describe('the certificate-transparency reference tree (transparency-dev/merkle vectors)', () => {
  const leafHashes = GO_LEAVES.map((d) => hashLeaf(fromHex(d)))
  const tree = treeOf(leafHashes)
  const root = (size: number): Hash => fromHex(GO_ROOTS[size - 1]!)

  it('has the published root at every size 1..8', () => {
    for (let size = 1; size <= 8; size++) {
      expect(hex(tree.root(size)), `size ${size}`).toBe(GO_ROOTS[size - 1])
      expect(hex(rootOfLeaves(leafHashes.slice(0, size)))).toBe(GO_ROOTS[size - 1])
    }
    expect(tree.root(0)).toEqual(EMPTY_ROOT)
  })

  it.each(GO_INCLUSION)('builds and verifies the published inclusion proof for $index in $size', (v) => {
    expect(hexes(tree.inclusionProof(v.index, v.size))).toEqual(v.proof)
    const proof = v.proof.map(fromHex)
    const leaf = leafHashes[v.index]!
    expect(verifyInclusion(leaf, v.index, v.size, proof, root(v.size))).toBe(true)
    // The probes transparency-dev runs against each vector (proof/verify_test.go, corruptInclusionProof).
    const probes: [Hash, number, number, Hash[], Hash][] = [
      [leaf, v.index - 1, v.size, proof, root(v.size)],
      [leaf, v.index + 1, v.size, proof, root(v.size)],
      [leaf, v.index ^ 2, v.size, proof, root(v.size)],
      [leaf, v.index, v.size * 2, proof, root(v.size)],
      [leaf, v.index, Math.floor(v.size / 2), proof, root(v.size)],
      [ascii('WrongLeaf'), v.index, v.size, proof, root(v.size)],
      [leaf, v.index, v.size, proof, EMPTY_ROOT],
      [leaf, v.index, v.size, proof, SOME_HASH],
      [leaf, v.index, v.size, [...proof, new Uint8Array(0)], root(v.size)],
      [leaf, v.index, v.size, [...proof, root(v.size)], root(v.size)],
      [leaf, v.index, v.size, [new Uint8Array(0), ...proof], root(v.size)],
      [leaf, v.index, v.size, [root(v.size), ...proof], root(v.size)],
      [leaf, v.index, v.size, proof.slice(0, -1), root(v.size)],
      [leaf, v.index, v.size, [proof[0]!, SOME_HASH, ...proof.slice(1)], root(v.size)],
      ...proof.map((_, i): [Hash, number, number, Hash[], Hash] => [
        leaf,
        v.index,
        v.size,
        flipBit(proof, i, 3),
        root(v.size),
      ]),
    ]
    for (const [l, i, s, p, r] of probes) expect(verifyInclusion(l, i, s, p, r)).toBe(false)
  })

  it.each(GO_CONSISTENCY)('builds and verifies the published consistency proof $size1 → $size2', (v) => {
    expect(hexes(tree.consistencyProof(v.size1, v.size2))).toEqual(v.proof)
    const proof = v.proof.map(fromHex)
    const [r1, r2] = [root(v.size1), root(v.size2)]
    expect(verifyConsistency(v.size1, v.size2, r1, r2, proof)).toBe(true)
    if (proof.length === 0) return
    // corruptConsistencyProof of transparency-dev/merkle proof/verify_test.go.
    const probes: [number, number, Hash, Hash, Hash[]][] = [
      [v.size1 - 1, v.size2, r1, r2, proof],
      [v.size1 + 1, v.size2, r1, r2, proof],
      [v.size1 ^ 2, v.size2, r1, r2, proof],
      [v.size1, v.size2 * 2, r1, r2, proof],
      [v.size1, Math.floor(v.size2 / 2), r1, r2, proof],
      [v.size1, v.size2, ascii('WrongRoot'), r2, proof],
      [v.size1, v.size2, r1, ascii('WrongRoot'), proof],
      [v.size1, v.size2, r2, r1, proof],
      [v.size1, v.size2, r1, r2, []],
      [v.size1, v.size2, r1, r2, [...proof, new Uint8Array(0)]],
      [v.size1, v.size2, r1, r2, [...proof, r1]],
      [v.size1, v.size2, r1, r2, [...proof, r2]],
      [v.size1, v.size2, r1, r2, [new Uint8Array(0), ...proof]],
      [v.size1, v.size2, r1, r2, [r1, ...proof]],
      [v.size1, v.size2, r1, r2, [r2, ...proof]],
      [v.size1, v.size2, r1, r2, [proof[0]!, ...proof]],
      [v.size1, v.size2, r1, r2, proof.slice(0, -1)],
      ...proof.map((_, i): [number, number, Hash, Hash, Hash[]] => [
        v.size1,
        v.size2,
        r1,
        r2,
        flipBit(proof, i, 4),
      ]),
    ]
    for (const [s1, s2, a, b, p] of probes) expect(verifyConsistency(s1, s2, a, b, p)).toBe(false)
  })
})

describe('the 7-entry example of c2sp.org/merkle-tree', () => {
  // Labels as in the spec's figure: a..g leaves, h..l inner nodes.
  const [a, b, c, d, e, f, g] = leavesOf(7, 'c2sp') as [Hash, Hash, Hash, Hash, Hash, Hash, Hash]
  const [h, i, j] = [refNode(a, b), refNode(c, d), refNode(e, f)]
  const [k, l] = [refNode(h, i), refNode(j, g)]
  const tree = treeOf([a, b, c, d, e, f, g])

  it('has the figure’s root and inclusion proofs', () => {
    expect(tree.root()).toEqual(refNode(k, l))
    expect(hexes(tree.inclusionProof(0, 7))).toEqual(hexes([b, i, l]))
    expect(hexes(tree.inclusionProof(3, 7))).toEqual(hexes([c, h, l]))
    expect(hexes(tree.inclusionProof(4, 7))).toEqual(hexes([f, g, k]))
    expect(hexes(tree.inclusionProof(6, 7))).toEqual(hexes([j, k]))
  })

  it('has the figure’s consistency proofs', () => {
    expect(hexes(tree.consistencyProof(3, 7))).toEqual(hexes([c, d, h, l]))
    expect(hexes(tree.consistencyProof(4, 7))).toEqual(hexes([l]))
    expect(hexes(tree.consistencyProof(6, 7))).toEqual(hexes([j, g, k]))
  })
})

const N = 70

describe(`against the naive RFC 9162 definitions at every size 1..${N}`, () => {
  const leaves = leavesOf(N)
  const tree = treeOf(leaves)
  const roots = Array.from({ length: N + 1 }, (_, size) => refMth(leaves.slice(0, size)))

  it('computes every root', () => {
    for (let size = 0; size <= N; size++) {
      expect(hex(tree.root(size)), `size ${size}`).toBe(hex(roots[size]!))
      expect(hex(rootOfLeaves(leaves.slice(0, size)))).toBe(hex(roots[size]!))
      expect(hex(treeOf(leaves.slice(0, size)).root())).toBe(hex(roots[size]!))
    }
  })

  it('builds and verifies every inclusion proof', () => {
    for (let size = 1; size <= N; size++) {
      const d = leaves.slice(0, size)
      for (let index = 0; index < size; index++) {
        const proof = tree.inclusionProof(index, size)
        expect(hexes(proof), `index ${index} size ${size}`).toEqual(hexes(refPath(index, d)))
        expect(verifyInclusion(leaves[index]!, index, size, proof, roots[size]!)).toBe(true)
        expect(verifyInclusion(leaves[(index + 1) % size]!, index, size, proof, roots[size]!)).toBe(
          size === 1,
        )
      }
    }
  })

  it('builds and verifies every consistency proof', () => {
    for (let size2 = 0; size2 <= N; size2++) {
      const d = leaves.slice(0, size2)
      for (let size1 = 0; size1 <= size2; size1++) {
        const proof = tree.consistencyProof(size1, size2)
        expect(hexes(proof), `${size1} → ${size2}`).toEqual(hexes(refProof(size1, d)))
        expect(verifyConsistency(size1, size2, roots[size1]!, roots[size2]!, proof)).toBe(true)
      }
    }
  })

  it('returns copies, never views of its own storage', () => {
    const t = treeOf(leavesOf(5))
    const before = hex(t.root())
    t.leaf(2).fill(0)
    t.root().fill(0)
    for (const h of t.inclusionProof(2, 5)) h.fill(0)
    for (const h of t.consistencyProof(3, 5)) h.fill(0)
    expect(hex(t.root())).toBe(before)
    expect(t.leaf(2)).toEqual(leavesOf(5)[2])
    expect(t.root(0)).toEqual(EMPTY_ROOT)
    t.root(0).fill(0)
    expect(hex(EMPTY_ROOT)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
  })
})

// A bigger tree for the property tests: wider than one level buffer grows from, and of no round size.
const BIG = 1_337
const bigLeaves = leavesOf(BIG, 'big')
const bigTree = treeOf(bigLeaves)
const bigRoots = new Map<number, Hash>()
const bigRoot = (size: number): Hash => {
  const known = bigRoots.get(size)
  if (known) return known
  const r = refMth(bigLeaves.slice(0, size))
  bigRoots.set(size, r)
  return r
}
const indexAndSize = fc
  .integer({ min: 1, max: BIG })
  .chain((size) => fc.record({ size: fc.constant(size), index: fc.integer({ min: 0, max: size - 1 }) }))
const sizes = fc
  .integer({ min: 1, max: BIG })
  .chain((size2) => fc.record({ size2: fc.constant(size2), size1: fc.integer({ min: 1, max: size2 }) }))

describe(`random proofs in a tree of ${BIG}`, () => {
  test.prop([indexAndSize], { numRuns: 150 })('inclusion proofs equal PATH and verify', ({ index, size }) => {
    const proof = bigTree.inclusionProof(index, size)
    expect(hexes(proof)).toEqual(hexes(refPath(index, bigLeaves.slice(0, size))))
    expect(verifyInclusion(bigLeaves[index]!, index, size, proof, bigRoot(size))).toBe(true)
  })

  test.prop([sizes], { numRuns: 150 })('consistency proofs equal PROOF and verify', ({ size1, size2 }) => {
    const proof = bigTree.consistencyProof(size1, size2)
    expect(hexes(proof)).toEqual(hexes(refProof(size1, bigLeaves.slice(0, size2))))
    expect(verifyConsistency(size1, size2, bigRoot(size1), bigRoot(size2), proof)).toBe(true)
  })
})

describe('forged proofs are rejected', () => {
  const forgeries = fc.record({ pick: fc.nat(), bit: fc.integer({ min: 0, max: 255 }), other: fc.nat() })

  test.prop([indexAndSize, forgeries], { numRuns: 300 })(
    'inclusion: wrong index, leaf or size, flipped bit, swapped siblings, truncated or extended path',
    ({ index, size }, { pick, bit, other }) => {
      const proof = bigTree.inclusionProof(index, size)
      const leaf = bigLeaves[index]!
      const root = bigRoot(size)
      const forged: [string, Hash, number, number, Hash[], Hash][] = [
        ['extended', leaf, index, size, [...proof, SOME_HASH], root],
        ['extended by the root', leaf, index, size, [...proof, root], root],
        ['prefixed', leaf, index, size, [SOME_HASH, ...proof], root],
        ['wrong root', leaf, index, size, proof, SOME_HASH],
        ['empty root', leaf, index, size, proof, EMPTY_ROOT],
      ]
      if (size > 1) {
        const wrongIndex = (index + 1 + (other % (size - 1))) % size
        forged.push(['wrong index', leaf, wrongIndex, size, proof, root])
        forged.push(['wrong leaf', bigLeaves[wrongIndex]!, index, size, proof, root])
        forged.push(['truncated', leaf, index, size, proof.slice(0, -1), root])
        forged.push(['beheaded', leaf, index, size, proof.slice(1), root])
        const element = pick % proof.length
        forged.push(['flipped bit', leaf, index, size, flipBit(proof, element, bit), root])
        const shorter = new Uint8Array(proof[element]!.subarray(1))
        forged.push(['short hash', leaf, index, size, proof.with(element, shorter), root])
      }
      if (proof.length >= 2) {
        const at = pick % (proof.length - 1)
        const swapped = proof.with(at, proof[at + 1]!).with(at + 1, proof[at]!)
        forged.push(['swapped siblings', leaf, index, size, swapped, root])
      }
      // Another size is checked against that size's root: a proof binds a leaf to (size, root) together.
      const wrongSize = 1 + ((size + other) % BIG)
      if (wrongSize !== size && index < wrongSize) {
        forged.push(['wrong size', leaf, index, wrongSize, proof, bigRoot(wrongSize)])
      }
      for (const [what, l, i, s, p, r] of forged) expect(verifyInclusion(l, i, s, p, r), what).toBe(false)
    },
  )

  test.prop([sizes.filter(({ size1, size2 }) => size1 < size2), forgeries], { numRuns: 300 })(
    'consistency: wrong sizes, swapped roots, flipped bit, swapped siblings, truncated or extended path',
    ({ size1, size2 }, { pick, bit, other }) => {
      const proof = bigTree.consistencyProof(size1, size2)
      const [r1, r2] = [bigRoot(size1), bigRoot(size2)]
      const element = pick % proof.length
      const forged: [string, number, number, Hash, Hash, Hash[]][] = [
        ['empty', size1, size2, r1, r2, []],
        ['swapped roots', size1, size2, r2, r1, proof],
        ['wrong root1', size1, size2, SOME_HASH, r2, proof],
        ['wrong root2', size1, size2, r1, SOME_HASH, proof],
        ['truncated', size1, size2, r1, r2, proof.slice(0, -1)],
        ['beheaded', size1, size2, r1, r2, proof.slice(1)],
        ['extended', size1, size2, r1, r2, [...proof, SOME_HASH]],
        ['extended by root2', size1, size2, r1, r2, [...proof, r2]],
        ['prefixed by root1', size1, size2, r1, r2, [r1, ...proof]],
        ['flipped bit', size1, size2, r1, r2, flipBit(proof, element, bit)],
        ['short hash', size1, size2, r1, r2, proof.with(element, new Uint8Array(31))],
        ['backwards', size2, size1, r2, r1, proof],
      ]
      if (proof.length >= 2) {
        const at = pick % (proof.length - 1)
        if (hex(proof[at]!) !== hex(proof[at + 1]!)) {
          const swapped = proof.with(at, proof[at + 1]!).with(at + 1, proof[at]!)
          forged.push(['swapped siblings', size1, size2, r1, r2, swapped])
        }
      }
      const wrong1 = 1 + ((size1 + other) % size2)
      if (wrong1 !== size1) forged.push(['wrong size1', wrong1, size2, bigRoot(wrong1), r2, proof])
      const wrong2 = size1 + 1 + ((size2 + other) % (BIG - size1))
      if (wrong2 !== size2) forged.push(['wrong size2', size1, wrong2, r1, bigRoot(wrong2), proof])
      for (const [what, s1, s2, a, b, p] of forged)
        expect(verifyConsistency(s1, s2, a, b, p), what).toBe(false)
    },
  )

  test.prop([sizes.filter(({ size1, size2 }) => size1 < size2), fc.nat()], { numRuns: 150 })(
    'consistency between trees that do not extend each other',
    ({ size1, size2 }, at) => {
      // A history rewritten at one entry below size1: the old checkpoint cannot be proved a prefix of the new tree.
      const changed = at % size1
      const forked = bigLeaves.slice(0, size2).with(changed, refLeaf(ascii('rewritten')))
      const fork = treeOf(forked)
      const oldRoot = bigRoot(size1)
      const forkRoot = fork.root(size2)
      expect(verifyConsistency(size1, size2, oldRoot, forkRoot, fork.consistencyProof(size1, size2))).toBe(
        false,
      )
      expect(verifyConsistency(size1, size2, oldRoot, forkRoot, bigTree.consistencyProof(size1, size2))).toBe(
        false,
      )
      expect(
        verifyConsistency(
          size1,
          size2,
          fork.root(size1),
          bigRoot(size2),
          fork.consistencyProof(size1, size2),
        ),
      ).toBe(false)
    },
  )

  it('handles the degenerate sizes the RFC leaves out', () => {
    const [r3, r5] = [bigRoot(3), bigRoot(5)]
    expect(verifyConsistency(0, 0, EMPTY_ROOT, EMPTY_ROOT, [])).toBe(true)
    expect(verifyConsistency(0, 5, EMPTY_ROOT, r5, [])).toBe(true)
    expect(verifyConsistency(0, 5, r3, r5, [])).toBe(false)
    expect(verifyConsistency(0, 0, r3, r3, [])).toBe(false)
    expect(verifyConsistency(0, 5, EMPTY_ROOT, r5, [r5])).toBe(false)
    expect(verifyConsistency(5, 5, r5, r5, [])).toBe(true)
    expect(verifyConsistency(5, 5, r5, r3, [])).toBe(false)
    expect(verifyConsistency(5, 5, r5, r5, [r5])).toBe(false)
    expect(verifyInclusion(bigLeaves[0]!, 0, 1, [], bigLeaves[0]!)).toBe(true)
    expect(verifyInclusion(bigLeaves[0]!, 0, 0, [], EMPTY_ROOT)).toBe(false)
    expect(verifyInclusion(bigLeaves[0]!, 1, 1, [], bigLeaves[0]!)).toBe(false)
  })

  it('binds the size only through the root, as in RFC 9162: verify against a checkpoint’s (size, root) pair', () => {
    // Index 0's path in 3 leaves has the same shape as in 4, so (0, 4) with the size-3 root computes that root.
    const proof = bigTree.inclusionProof(0, 3)
    expect(verifyInclusion(bigLeaves[0]!, 0, 4, proof, bigRoot(3))).toBe(true)
    expect(verifyInclusion(bigLeaves[0]!, 0, 4, proof, bigRoot(4))).toBe(false)
  })
})

describe('verifiers never throw', () => {
  const anything = fc.anything({ withTypedArray: true, withBigInt: true, withNullPrototype: true })
  type Args<F extends (...args: never[]) => unknown> = Parameters<F>

  test.prop([anything, anything, anything, anything, anything], { numRuns: 300 })(
    'on arbitrary arguments',
    (a, b, c, d, e) => {
      expect(verifyInclusion(...([a, b, c, d, e] as unknown as Args<typeof verifyInclusion>))).toBe(false)
      expect(verifyConsistency(...([a, b, c, d, e] as unknown as Args<typeof verifyConsistency>))).toBe(false)
    },
  )

  it('on hostile sizes and proofs', () => {
    const leaf = bigLeaves[0]!
    const root = bigRoot(2)
    const proof = bigTree.inclusionProof(0, 2)
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, -1, 0.5, 2 ** 53, 2n]) {
      expect(verifyInclusion(leaf, bad as number, 2, proof, root)).toBe(false)
      expect(verifyInclusion(leaf, 0, bad as number, proof, root)).toBe(false)
      expect(verifyConsistency(bad as number, 2, root, root, proof)).toBe(false)
      expect(verifyConsistency(1, bad as number, root, root, proof)).toBe(false)
    }
    const hostile = [
      null,
      undefined,
      'abc',
      [null],
      ['x'],
      { length: 1, 0: root },
      new Proxy([], {}),
    ] as unknown[]
    for (const p of hostile) {
      expect(verifyInclusion(leaf, 0, 2, p as Hash[], root)).toBe(false)
      expect(verifyConsistency(1, 2, leaf, root, p as Hash[])).toBe(false)
    }
    // A proof far longer than any tree needs stops at the first surplus element.
    const long = Array.from({ length: 10_000 }, () => SOME_HASH)
    expect(verifyInclusion(leaf, 0, 2 ** 52, long, root)).toBe(false)
    expect(verifyConsistency(3, 2 ** 52, root, root, long)).toBe(false)
  })
})

describe('arguments out of range', () => {
  const tree = treeOf(leavesOf(10))

  it('throws RangeError for sizes and indexes outside the tree', () => {
    expect(() => tree.root(11)).toThrow(RangeError)
    expect(() => tree.root(-1)).toThrow(RangeError)
    expect(() => tree.root(1.5)).toThrow(RangeError)
    expect(() => tree.leaf(10)).toThrow(RangeError)
    expect(() => tree.inclusionProof(10, 10)).toThrow(RangeError)
    expect(() => tree.inclusionProof(0, 11)).toThrow(RangeError)
    expect(() => tree.inclusionProof(0, 0)).toThrow(RangeError)
    expect(() => tree.inclusionProof(-1, 5)).toThrow(RangeError)
    expect(() => tree.inclusionProof(Number.NaN, 5)).toThrow(RangeError)
    expect(() => tree.consistencyProof(6, 5)).toThrow(RangeError)
    expect(() => tree.consistencyProof(5, 11)).toThrow(RangeError)
    expect(() => tree.consistencyProof(-1, 5)).toThrow(RangeError)
    expect(tree.consistencyProof(0, 10)).toEqual([])
    expect(tree.consistencyProof(10, 10)).toEqual([])
  })

  it('refuses leaf hashes that are not 32 bytes, and keeps its size', () => {
    expect(() => tree.append(new Uint8Array(31))).toThrow(TypeError)
    expect(() => tree.append('x' as unknown as Hash)).toThrow(TypeError)
    expect(() => rootOfLeaves([new Uint8Array(33)])).toThrow(TypeError)
    expect(tree.size).toBe(10)
    expect(tree.append(leavesOf(11)[10]!)).toBe(10)
    expect(tree.root()).toEqual(refMth(leavesOf(11)))
  })
})
