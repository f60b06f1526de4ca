import type { DataLabel, HomeJurisdiction, SourceReach, StorageLocation } from '@suite/domain'
import { StorageLocation as Locations, SourceReach as Reaches } from '@suite/domain'

/** A source as the diagram draws it. */
export interface FlowSource {
  id: string
  name: string
  label: DataLabel
  storedIn: StorageLocation
  reach: SourceReach
}

/** A box of the diagram. */
export interface FlowNode {
  id: string
  x: number
  y: number
  w: number
  h: number
  text: string
  kind: 'source' | 'location' | 'reach'
  home?: boolean
  label?: DataLabel
}
/** A link of the diagram; `crossBorder` links are drawn in red and dashed. */
export interface FlowEdge {
  id: string
  d: string
  crossBorder: boolean
  external: boolean
}

const COL = { source: 8, location: 300, reach: 500 }
const W = { source: 240, location: 150, reach: 132 }
const ROW = 46
const BOX = 34

const curve = (x1: number, y1: number, x2: number, y2: number): string => {
  const mx = (x1 + x2) / 2
  return `M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}`
}

/**
 * Lay out the data-flow map: sources on the left, where they are stored in the middle (the
 * firm's home jurisdiction marked), who can reach them on the right. `names` translates the
 * location and reach ids.
 */
export function layoutFlow(sources: readonly FlowSource[], home: HomeJurisdiction, names: (id: string) => string) {
  const height = Math.max(sources.length, Locations.options.length, 2) * ROW + 16
  const mid = (count: number, i: number): number => 8 + ((height - 16) / count) * (i + 0.5)
  const locations = Locations.options.map((loc, i): FlowNode => ({
    id: loc,
    x: COL.location,
    y: mid(4, i) - BOX / 2,
    w: W.location,
    h: BOX,
    text: names(loc),
    kind: 'location',
    home: loc === home,
  }))
  const reaches = Reaches.options.map((r, i): FlowNode => ({
    id: r,
    x: COL.reach,
    y: mid(2, i) - BOX / 2,
    w: W.reach,
    h: BOX,
    text: names(r),
    kind: 'reach',
  }))
  const nodes: FlowNode[] = sources.map((s, i) => ({
    id: s.id,
    x: COL.source,
    y: 8 + i * ROW + (ROW - BOX) / 2,
    w: W.source,
    h: BOX,
    text: s.name,
    kind: 'source',
    label: s.label,
  }))
  const edges: FlowEdge[] = []
  const used = new Set<string>()
  for (const [i, s] of sources.entries()) {
    const from = nodes[i]!
    const loc = locations.find((l) => l.id === s.storedIn)!
    const reach = reaches.find((r) => r.id === s.reach)!
    edges.push({
      id: `${s.id}>${loc.id}`,
      d: curve(from.x + from.w, from.y + BOX / 2, loc.x, loc.y + BOX / 2),
      crossBorder: s.storedIn !== home,
      external: false,
    })
    const key = `${loc.id}>${reach.id}`
    if (!used.has(key)) {
      used.add(key)
      edges.push({
        id: key,
        d: curve(loc.x + loc.w, loc.y + BOX / 2, reach.x, reach.y + BOX / 2),
        crossBorder: false,
        external: reach.id === 'external',
      })
    }
  }
  return { width: COL.reach + W.reach + 8, height, nodes: [...nodes, ...locations, ...reaches], edges }
}
