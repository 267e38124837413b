import { useTranslation } from '@yoryo/ui'

export type ApplyStep = 'input' | 'confirm' | 'done'
const STEPS: readonly ApplyStep[] = ['input', 'confirm', 'done']

/** 1 入力 → 2 確認 → 3 完了, the current step marked (`aria-current="step"`). */
export function StepIndicator({ current }: { current: ApplyStep }) {
  const { t } = useTranslation()
  const index = STEPS.indexOf(current)
  return (
    <ol className="yoryo-steps" aria-label={t('systemUse.steps.label')}>
      {STEPS.map((step, i) => (
        <li
          key={step}
          aria-current={i === index ? 'step' : undefined}
          data-done={i < index || undefined}
        >
          <span className="yoryo-steps-number yoryo-figures" aria-hidden="true">
            {i + 1}
          </span>
          {t(`systemUse.steps.${step}`)}
        </li>
      ))}
    </ol>
  )
}
