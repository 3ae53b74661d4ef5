import { defineComponent, h, type PropType } from 'vue';
import { store, t } from '../store';
import { formatDate } from '../ui';

/** One scored run, as the chart draws it. */
export interface ScorePoint {
  readonly id: string;
  readonly createdAt: string;
  readonly score: number;
}

const WIDTH = 600;
const HEIGHT = 180;
const LEFT = 36;
const RIGHT = 12;
const TOP = 12;
const BOTTOM = 20;
const GRID = [0, 50, 100];

const xOf = (index: number, count: number): number => (count <= 1 ? (LEFT + WIDTH - RIGHT) / 2 : LEFT + (index * (WIDTH - LEFT - RIGHT)) / (count - 1));
const yOf = (score: number): number => TOP + ((100 - Math.min(Math.max(score, 0), 100)) * (HEIGHT - TOP - BOTTOM)) / 100;

/**
 * The overall score of a talk's runs, oldest to newest, as inline SVG: no chart library to
 * ship, and nothing the page's policy forbids (no inline style, only SVG attributes and the
 * classes of style.css). Each point carries its date and score as a tooltip, and the figure
 * as a whole says the scores in words for those who do not see it.
 */
export const ScoreChart = defineComponent({
  name: 'ScoreChart',
  props: { points: { type: Array as PropType<readonly ScorePoint[]>, required: true } },
  setup(props) {
    return () => {
      const { points } = props;
      if (points.length === 0) return h('p', { class: 'muted chart-empty' }, t('chart.empty'));
      const coordinates = points.map((point, index) => ({ point, x: xOf(index, points.length), y: yOf(point.score) }));
      return h('figure', { class: 'score-chart' }, [
        h('figcaption', t('chart.title')),
        h(
          'svg',
          {
            viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
            role: 'img',
            'aria-label': t('chart.label', { scores: points.map((point) => point.score).join(', ') }),
            preserveAspectRatio: 'xMidYMid meet',
          },
          [
            ...GRID.flatMap((score) => [
              h('line', { class: 'chart-grid', x1: LEFT, x2: WIDTH - RIGHT, y1: yOf(score), y2: yOf(score) }),
              h('text', { class: 'chart-axis', x: LEFT - 6, y: yOf(score) + 4, 'text-anchor': 'end' }, String(score)),
            ]),
            coordinates.length > 1 ? h('polyline', { class: 'chart-line', fill: 'none', points: coordinates.map(({ x, y }) => `${x},${y}`).join(' ') }) : null,
            ...coordinates.map(({ point, x, y }) =>
              h('circle', { class: 'chart-point', cx: x, cy: y, r: 5, 'data-run-id': point.id, 'data-score': point.score }, [
                h('title', t('chart.point', { date: formatDate(point.createdAt, store.locale), score: point.score })),
              ]),
            ),
          ],
        ),
      ]);
    };
  },
});
