/**
 * Outage plans (180 容量停止計画 / B00; bulk 880 / 890 / 891; records.md "Outage plan", rules.md §5.1).
 */
export {}
