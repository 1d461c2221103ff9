import { useId } from 'preact/hooks';
import type { LocatorMap as LocatorMapModel } from '@/utils/map/locator';

export interface LocatorMapProps {
  map: LocatorMapModel;
}

/**
 * A small map locating a place (or highlighting a country) among its neighbours, as a pure view
 * of a {@link LocatorMapModel} from `buildLocatorMap`. Screen readers meet one image named by
 * the model's text alternative: `role="img"` makes the shapes and labels inside presentational,
 * and there is no caption, which would read the same words twice. Styled by `LOCATOR_CSS`.
 */
export function LocatorMap({ map }: LocatorMapProps) {
  const titleId = useId();
  const labelled = map.neighbours.filter(
    (neighbour) => neighbour.labelX !== undefined && neighbour.labelY !== undefined,
  );
  return (
    <figure class="locator">
      <svg
        class="locator__svg"
        role="img"
        aria-labelledby={titleId}
        viewBox={`0 0 ${map.width} ${map.height}`}
        width={map.width}
        height={map.height}
      >
        <title id={titleId}>{map.alt}</title>
        <rect class="locator__sea" width={map.width} height={map.height} />
        {map.neighbours.map((neighbour) => (
          <path key={neighbour.id} class="locator__neighbour" d={neighbour.d} />
        ))}
        <path class="locator__country" d={map.country.d} />
        {labelled.map((neighbour) => (
          <text key={neighbour.id} class="locator__label" x={neighbour.labelX} y={neighbour.labelY}>
            {neighbour.name}
          </text>
        ))}
        {map.capital && (
          <rect
            class="locator__capital"
            x={map.capital.x - CAPITAL_HALF}
            y={map.capital.y - CAPITAL_HALF}
            width={CAPITAL_HALF * 2}
            height={CAPITAL_HALF * 2}
          />
        )}
        {map.place && <circle class="locator__place" cx={map.place.x} cy={map.place.y} r={4.5} />}
      </svg>
    </figure>
  );
}

/** Half the capital square's side, px: smaller than the place dot, so the dot stays the subject. */
const CAPITAL_HALF = 3;
