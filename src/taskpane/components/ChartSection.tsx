/** Insert chart: lines or sections, beside the table or on a Charts sheet; previewed in words, revertable. */
import { Button, Field, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { CHART_UI as UI } from '../messages';
import type { ChartCategories, ChartPlacement, MonitoringTable } from '../../engine';

export function ChartSection({ table, busy, onInsert }: { table: MonitoringTable | undefined; busy: boolean; onInsert: (per: ChartCategories, placement: ChartPlacement) => void }) {
  const [per, setPer] = useState<ChartCategories>('lines');
  const [placement, setPlacement] = useState<ChartPlacement>('beside');
  return (
    <section aria-labelledby="chart-heading" data-testid="chart-section">
      <Text as="h2" block size={400} weight="semibold" id="chart-heading">{UI.heading}</Text>
      <Text as="p" block>{UI.intro}</Text>
      <Field label={UI.per}>
        <RadioGroup value={per} onChange={(_e, d) => setPer(d.value as ChartCategories)} layout="horizontal">
          <Radio value="lines" label={UI.perLines} />
          <Radio value="sections" label={UI.perSections} />
        </RadioGroup>
      </Field>
      <Field label={UI.place}>
        <RadioGroup value={placement} onChange={(_e, d) => setPlacement(d.value as ChartPlacement)} layout="horizontal">
          <Radio value="beside" label={UI.placeBeside} />
          <Radio value="sheet" label={UI.placeSheet} />
        </RadioGroup>
      </Field>
      <Button disabled={busy || !table} onClick={() => onInsert(per, placement)}>{UI.insert}</Button>
    </section>
  );
}
