/**
 * Penalty factors (190 ペナルティ要素情報管理) and market exit (records.md "Penalty factor", rules.md §6).
 */
export {}
