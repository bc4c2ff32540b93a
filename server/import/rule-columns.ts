// Which column of an imported row a finding of the shared rules points at (the rest are reported on the row).
import type { RuleId } from '../../shared/index.ts';

const COLUMNS: Partial<Record<RuleId, string>> = {
  'action-code-missing': 'code',
  'action-code-duplicate': 'code',
  'action-code-prefix': 'code',
  'action-field-uncovered': 'fields',
  'action-pilot-missing': 'pilot',
  'action-pilot-not-signatory': 'pilot',
  'action-pilot-partner': 'partners',
  'action-referent-missing': 'referent',
  'action-dates-order': 'endDate',
  'action-dates-outside-period': 'startDate',
  'action-status-year-outside-period': 'status',
  'action-status-comment-missing': 'status',
  'action-status-decision-missing': 'status',
  'action-realisee-not-ended': 'status',
  'action-status-missing': 'status',
  'indicator-target-outside-period': 'targetYear',
  'indicator-baseline-after-start': 'baselineYear',
  'indicator-value-outside-period': 'values',
  'budget-year-outside-period': 'planned',
  'budget-amount-negative': 'planned',
  'budget-funder-unknown': 'funder',
  'budget-overrun': 'realised',
};

export const ruleColumn = (rule: RuleId): string | null => COLUMNS[rule] ?? null;
