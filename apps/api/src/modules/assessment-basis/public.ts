/** What other parts of the API may use of the assessment basis (B10 / B20) and the demo delivery year. */
export {
  assessmentBasis,
  assessmentBasisResourceIds,
  assessmentParameters,
  deliveryYearOfMonth,
  DEFAULT_ASSESSMENT_PARAMETERS,
  type ResourceMonthBasis,
} from './basis.ts'
export { demoAssessmentMonth, seedDemoDeliveryYear, type DemoDeliveryYear } from './demo.ts'
