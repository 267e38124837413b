/**
 * The basis of the assessment (B00 outage plans in the year, B10 parameters, B20 allocation): schemas shared by the API, the forms and the CSV rows.
 */
export {}
