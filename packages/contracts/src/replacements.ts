/**
 * The replacement board (140 差替掲示板) and replacements (160 電源等差替; records.md, rules.md §7).
 */
export {}
